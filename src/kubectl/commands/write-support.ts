/**
 * What the write verbs share: the hidden, deprecated `--record` flag and the change-cause it records
 * (cli-runtime's parseCommandArguments: `kubectl` + every non-flag word + each given flag as
 * `--<long name>=<value>` in command-line order), `--validate` → the request's fieldValidation, the
 * server's `Warning: …` lines, targets from `TYPE NAME`/`TYPE/NAME`/`-f`/`-l`, and wrapping of API errors.
 */
import { ApiError, type KObject, qualifiedKind, type ResourceType } from "../../engine";
import { build, type Info } from "../builder";
import { CmdError, SilentError } from "../errors";
import type { FlagDef, Flags } from "../flags";
import type { CommandContext } from "./types";

/** The annotation `--record` writes. */
export const CHANGE_CAUSE = "kubernetes.io/change-cause";

/** `--record` (hidden from help since v1.22, still accepted, prints the deprecation warning). */
export const RECORD_FLAG: FlagDef = {
  name: "record",
  kind: "bool",
  default: "false",
  deprecated: "--record will be removed in the future",
};

/** The change-cause of this invocation: `kubectl set image deployment/http-go http-go=x:v2 --record=true`. */
export function changeCause(args: readonly string[], flags: Flags, ctx: CommandContext): string {
  const words = [...ctx.path.split(" "), ...args];
  const given = flags.given.filter((g) => g.name !== "help").map((g) => ` --${g.name}=${g.value}`);
  return `kubectl ${words.join(" ")}${given.join("")}`;
}

/** Sets the change-cause on `obj` (a copy the caller owns) when `--record` is true. */
export function recordIfAsked(
  obj: KObject,
  args: readonly string[],
  flags: Flags,
  ctx: CommandContext,
): void {
  if (!flags.bool("record")) return;
  obj.metadata.annotations = {
    ...(obj.metadata.annotations ?? {}),
    [CHANGE_CAUSE]: changeCause(args, flags, ctx),
  };
}

/** The fieldValidation a `--validate` value asks the server for (strict by default since kubectl v1.24). */
export function fieldValidationOf(flags: Flags): "Strict" | "Warn" | "Ignore" {
  const v = flags.changed("validate") ? flags.string("validate") : "strict";
  if (v === "strict" || v === "true") return "Strict";
  if (v === "warn") return "Warn";
  if (v === "ignore" || v === "false") return "Ignore";
  throw new CmdError(
    `invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`,
  );
}

/** Prints the server's warnings as kubectl does (`Warning: unknown field "spec.x"` on stderr). */
export function printWarnings(ctx: CommandContext, warnings: readonly string[]): void {
  for (const w of warnings) ctx.io.err(`Warning: ${w}\n`);
}

/** `deployment.apps/http-go`. */
export function typedName(t: ResourceType, obj: { metadata?: { name?: string } }): string {
  return `${qualifiedKind(t)}/${obj.metadata?.name ?? ""}`;
}

/** An API error with `<prefix>: ` put before its message (`error when creating "x.yaml": …`), kind kept. */
export function prefixed(e: unknown, prefix: string): unknown {
  if (!(e instanceof ApiError) || e.reason === "Invalid") return e;
  return new ApiError(e.reason, e.code, `${prefix}: ${e.message}`, e.details);
}

/** The objects a write verb acts on: `TYPE NAME…`, `TYPE/NAME…`, `-f FILE|-` (looked up live, or as
 * written with `latest: false`), `-l`/`--field-selector` or `--all`. */
export function targets(
  args: readonly string[],
  flags: Flags,
  ctx: CommandContext,
  opts: { all?: boolean; latest?: boolean } = {},
): { infos: Info[]; errors: Error[] } {
  const has = (name: string) => flags.defs.has(name);
  return build(ctx, {
    args,
    filenames: has("filename") ? flags.list("filename") : [],
    namespace: ctx.namespace,
    selector: has("selector") ? flags.string("selector") : "",
    fieldSelector: has("field-selector") ? flags.string("field-selector") : "",
    all: opts.all,
    requireNames: true,
    latest: opts.latest,
  });
}

/**
 * A required flag missing (v1.31+ logs it through klog instead of printing `error:`):
 * `E0106 10:15:30.000000       1 run.go:72] "command failed" err="required flag(s) \"image\" not set"`.
 */
export function requiredFlagMissing(ctx: CommandContext, flag: string): SilentError {
  const d = new Date(ctx.cluster.state.epoch + ctx.cluster.now);
  const two = (n: number) => String(n).padStart(2, "0");
  const head = `E${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.000000       1 run.go:72]`;
  ctx.io.err(`${head} "command failed" err="required flag(s) \\"${flag}\\" not set"\n`);
  return new SilentError(1);
}

/** kubectl's error when no resource was named at all. */
export const NO_RESOURCES = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;
