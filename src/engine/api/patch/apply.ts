/**
 * The server side of a PATCH request (apiserver handlers/patch.go): parse the body (Go's JSON errors as
 * BadRequest), apply it by type, then decode the result with field validation. Errors take the shapes a
 * real server gives them: `Error from server (BadRequest): invalid character …`, `Error from server: map:
 * map[image:nginx] does not contain declared merge key: name` (a bare 500), `The request is invalid: patch:
 * Invalid value: "map[spec:map[replicas:three]]": …` (422 without kind or name).
 */

import type { ResourceType } from "../../model/resources";
import { converterTypeError } from "../../model/schema-converter";
import { schemaFor } from "../../model/schema-kinds";
import type { KObject } from "../../model/types";
import {
  type DecodeProblems,
  decodeProblems,
  type FieldValidation,
  unknownList,
  withoutUnknown,
} from "../decoding";
import { ApiError, badRequest, invalid } from "../errors";
import { goQuote, goValue } from "./gofmt";
import { GoJsonError, parseGoJson } from "./gojson";
import { jsonPatch } from "./json-patch";
import { isObject, jsonMergePatch } from "./merge";
import { PatchError, strategicMergePatch } from "./strategic";

/** The patch types `kubectl patch --type` names. */
export type PatchType = "strategic" | "merge" | "json";

/**
 * `current` with `body` applied as a `type` patch and decoded as `t.kind`: unknown fields refused
 * (Strict), reported in `warnings` (Warn) or dropped (Ignore). Throws ApiError.
 */
export function applyPatchRequest(
  t: ResourceType,
  current: KObject,
  type: PatchType,
  body: unknown,
  mode: FieldValidation,
  warnings: string[],
): KObject {
  const patch = parseBody(body);
  const patched = applyByType(t, current, type, patch);
  if (!isObject(patched))
    throw badRequest(
      `json: cannot unmarshal ${goKind(patched)} into Go value of type map[string]interface {}`,
    );
  const problems = decodeProblems(t, patched);
  const shown = () => (type === "strategic" ? goValue(patch) : JSON.stringify(patched));
  // A strategic merge result is decoded by the unstructured converter, which words type errors its own way.
  // (Time, IntOrString and Quantity have their own unmarshalers: their errors keep the JSON wording.)
  const root = schemaFor(t.kind);
  const converted = type === "strategic" && root ? converterTypeError(root, patched) : undefined;
  const typeErr = converted ?? problems.typeError;
  if (typeErr) throw patchInvalid(shown(), typeErr);
  checkUnknown(problems, mode, shown, warnings);
  return withoutUnknown(t, patched) as KObject;
}

function parseBody(body: unknown): unknown {
  if (typeof body !== "string") return body;
  try {
    return parseGoJson(body);
  } catch (e) {
    if (e instanceof GoJsonError) throw badRequest(e.message);
    throw e;
  }
}

function applyByType(t: ResourceType, current: KObject, type: PatchType, patch: unknown): unknown {
  try {
    if (type === "json") return jsonPatch(current, patch);
    if (!isObject(patch))
      throw new PatchError(
        `json: cannot unmarshal ${goKind(patch)} into Go value of type map[string]interface {}`,
        400,
      );
    if (type === "merge") return jsonMergePatch(current, patch);
    return strategicMergePatch(current, patch, schemaFor(t.kind));
  } catch (e) {
    if (!(e instanceof PatchError)) throw e;
    if (e.status === 400) throw badRequest(e.message);
    // A JSON patch that does not apply is answered with a bare 422 (NewGenericServerResponse).
    if (e.status === 422)
      throw new ApiError("Invalid", 422, "the server rejected our request due to an error in our request");
    // Other merge errors are plain Go errors, which the server turns into a 500 without a reason.
    throw new ApiError("", 500, e.message);
  }
}

function checkUnknown(
  problems: DecodeProblems,
  mode: FieldValidation,
  shown: () => string,
  warnings: string[],
): void {
  if (problems.unknown.length === 0) return;
  if (mode === "Strict")
    throw patchInvalid(shown(), `strict decoding error: ${unknownList(problems.unknown)}`);
  if (mode === "Warn") for (const f of problems.unknown) warnings.push(`unknown field "${f}"`);
}

/** `patch: Invalid value: "<value>": <detail>`, an Invalid error without kind or name. */
function patchInvalid(value: string, detail: string): ApiError {
  return invalid("", "", "", [{ field: "patch", message: `Invalid value: ${goQuote(value)}: ${detail}` }]);
}

function goKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (v === null) return "null";
  return typeof v === "boolean" ? "bool" : typeof v;
}
