/**
 * `kubectl apply -f FILE|DIR`: client-side apply. A new object is created with the
 * `kubectl.kubernetes.io/last-applied-configuration` annotation (`created`); an existing one gets a
 * strategic merge patch from what was last applied to what the file says now (`configured`, or
 * `unchanged` when the server's object did not move). An object made without the annotation gets
 * kubectl's warning and the annotation.
 */
import { ApiError, declarativePatch, type KObject, type Manifest } from "../../engine";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { APPLY_HELP } from "../help/apply";
import { type LoadedObject, loadManifests, MappingError, typeOfManifest } from "../manifests";
import { sortKeys } from "../printers/output";
import { done } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import {
  fieldValidationOf,
  prefixed,
  printWarnings,
  RECORD_FLAG,
  recordIfAsked,
  typedName,
} from "./write-support";

/** The annotation client-side apply keeps the applied manifest in. */
export const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** `kubectl apply`. */
export const applyCommand: CommandSpec = {
  name: "apply",
  short: "Apply a configuration to a resource by file name or stdin",
  flags: flagsFromHelp(APPLY_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "filename", shorthand: "f", kind: "strings" },
  ]),
  help: APPLY_HELP,
  run(args, flags, ctx) {
    const files = flags.list("filename");
    if (files.length === 0 && !flags.string("kustomize")) throw new CmdError("must specify one of -f and -k");
    if (args.length > 0) throw new CmdError(`Unexpected args: [${args.join(" ")}]`);
    const objects = loadManifests(ctx.files, files, fieldValidationOf(flags) !== "Ignore", ctx.stdin);
    if (objects.length === 0) throw new CmdError("no objects passed to apply");
    const errors: Error[] = [];
    for (const loaded of objects) {
      try {
        applyOne(loaded, args, flags, ctx);
      } catch (e) {
        if (!(e instanceof ApiError) && !(e instanceof MappingError)) throw e;
        errors.push(e);
      }
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return done(0);
  },
};

export { MappingError, typeOfManifest };

function applyOne(loaded: LoadedObject, args: string[], flags: Flags, ctx: CommandContext): void {
  const t = typeOfManifest(loaded);
  const dryRun = dryRunOf(flags, ctx);
  const ns = t.namespaced ? (loaded.object.metadata?.namespace ?? ctx.namespace) : undefined;
  const modified = withNamespace(loaded.object, ns);
  recordIfAsked(modified as KObject, args, flags, ctx);
  const annotated = withLastApplied(modified);
  const name = modified.metadata?.name ?? "";
  const live = ctx.cluster.read((api) => api.peek(t, ns, name));
  const fieldValidation = fieldValidationOf(flags);
  const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  const print = (op: string) =>
    ctx.io.out(
      flags.string("output") === "name"
        ? `${typedName(t, modified)}\n`
        : `${typedName(t, modified)} ${op}${suffix}\n`,
    );
  if (!live) {
    if (dryRun !== "client") {
      try {
        const r = ctx.cluster.request(
          (api) => api.create(t.resource, annotated, ns, { dryRun: dryRun === "server", fieldValidation }),
          ctx.user,
        );
        printWarnings(ctx, r.warnings);
      } catch (e) {
        throw prefixed(e, `error when creating "${loaded.source}"`);
      }
    }
    print("created");
    return;
  }
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  if (lastText === undefined) {
    ctx.io.err(
      `Warning: resource ${t.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  const original = parseLastApplied(lastText);
  const patch = declarativePatch(t.kind, original, annotated, live);
  if (Object.keys(patch).length === 0) {
    print("unchanged");
    return;
  }
  if (dryRun === "client") {
    print("configured");
    return;
  }
  const before = live.metadata.resourceVersion;
  const r = ctx.cluster.request(
    (api) =>
      api.patch(t.resource, ns, name, "strategic", patch, { dryRun: dryRun === "server", fieldValidation }),
    ctx.user,
  );
  printWarnings(ctx, r.warnings);
  print(r.result.metadata.resourceVersion === before ? "unchanged" : "configured");
}

function withNamespace(object: Manifest, ns: string | undefined): Manifest {
  const copy = JSON.parse(JSON.stringify(object)) as Manifest;
  copy.metadata = { ...(copy.metadata ?? {}) };
  if (ns !== undefined) copy.metadata.namespace = ns;
  return copy;
}

/**
 * The manifest with the last-applied annotation: compact JSON of the manifest (keys sorted, its own
 * annotations without the last-applied one, `annotations: {}` when it has none) and a trailing newline.
 */
export function withLastApplied(object: Manifest): Manifest {
  const meta = object.metadata ?? {};
  const { [LAST_APPLIED]: _old, ...own } = meta.annotations ?? {};
  const applied = { ...object, metadata: { ...meta, annotations: own } };
  const text = `${JSON.stringify(sortKeys(applied))}\n`;
  return { ...object, metadata: { ...meta, annotations: { ...own, [LAST_APPLIED]: text } } };
}

function parseLastApplied(text: string | undefined): unknown {
  if (text === undefined) return {};
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
