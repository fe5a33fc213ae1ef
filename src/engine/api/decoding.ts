/**
 * The decoding step of a write (the API server's codec with field validation): type errors as
 * encoding/json words them, then unknown fields per the request's fieldValidation — `Strict` refuses
 * them, `Warn` drops them with a `unknown field "spec.x"` warning, `Ignore` drops them silently.
 */

import type { ResourceType } from "../model/resources";
import { pruneUnknown, typeError } from "../model/schema";
import { schemaFor } from "../model/schema-kinds";
import type { Manifest } from "../model/types";
import { badRequest } from "./errors";
import { strategyFor } from "./strategies";

/** How unknown fields are treated (the `fieldValidation` query parameter). */
export type FieldValidation = "Strict" | "Warn" | "Ignore";

/** What decoding found: the first type error, and the unknown fields' dotted paths. */
export interface DecodeProblems {
  typeError?: string;
  unknown: string[];
}

/** The type error and unknown fields of `manifest` as a `t.kind`. */
export function decodeProblems(t: ResourceType, manifest: unknown): DecodeProblems {
  const schema = schemaFor(t.kind);
  const typeErr = schema ? typeError(schema, manifest) : undefined;
  return { typeError: typeErr, unknown: strategyFor(t.kind).unknownFields?.(manifest) ?? [] };
}

/**
 * Decodes a create/update body: throws the BadRequest a real server gives (`Deployment in version "v1"
 * cannot be handled as a Deployment: …`), records warnings, and returns the manifest without unknown fields.
 */
export function decodeManifest(
  t: ResourceType,
  manifest: Manifest,
  mode: FieldValidation,
  warnings: string[],
): Manifest {
  const { typeError: typeErr, unknown } = decodeProblems(t, manifest);
  const prefix = `${t.kind} in version "${t.version}" cannot be handled as a ${t.kind}`;
  if (typeErr) throw badRequest(`${prefix}: ${typeErr}`);
  if (unknown.length > 0 && mode === "Strict")
    throw badRequest(`${prefix}: strict decoding error: ${unknownList(unknown)}`);
  if (mode === "Warn") for (const f of unknown) warnings.push(`unknown field "${f}"`);
  // Pruning copies the object: only when there is something to drop (pods are created by the thousand).
  return unknown.length > 0 ? withoutUnknown(t, manifest) : manifest;
}

/** `unknown field "spec.a", unknown field "spec.b"`. */
export function unknownList(paths: readonly string[]): string {
  return paths.map((f) => `unknown field "${f}"`).join(", ");
}

/** `manifest` without the fields its kind does not have. */
export function withoutUnknown(t: ResourceType, manifest: Manifest): Manifest {
  const schema = schemaFor(t.kind);
  return schema ? (pruneUnknown(schema, manifest) as Manifest) : manifest;
}
