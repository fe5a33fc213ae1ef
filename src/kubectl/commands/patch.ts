/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`: text starting with `{` is sent as is
 * (the server answers JSON syntax errors), anything else is read as YAML first (`error: unable to parse
 * "<patch>": yaml: …`). No `fieldValidation` is sent, so unknown fields come back as warnings.
 * `deployment.apps/http-go patched`, or `patched (no change)` when the server's object did not move.
 */
import { parse } from "yaml";
import { ApiError, type PatchType } from "../../engine";
import { CmdError, ErrorList } from "../errors";
import { flagsFromHelp } from "../flags-from-help";
import { PATCH_HELP } from "../help/patch";
import { done } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandSpec } from "./types";
import {
  CHANGE_CAUSE,
  changeCause,
  NO_RESOURCES,
  printWarnings,
  RECORD_FLAG,
  targets,
  typedName,
} from "./write-support";

const TYPES = ["json", "merge", "strategic"];

/** `kubectl patch`. */
export const patchCommand: CommandSpec = {
  name: "patch",
  short: "Update fields of a resource",
  flags: flagsFromHelp(PATCH_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "filename", shorthand: "f", kind: "strings" },
    { name: "type", kind: "string", default: "strategic" },
  ]),
  help: PATCH_HELP,
  run(args, flags, ctx) {
    const text = flags.changed("patch-file")
      ? (ctx.files.read(flags.string("patch-file")) ?? "")
      : flags.string("patch");
    if (text === "")
      throw new CmdError("must specify --patch or --patch-file containing the contents of the patch");
    const type = flags.string("type");
    if (!TYPES.includes(type))
      throw new CmdError(`--type must be one of [json merge strategic], not "${type}"`);
    if (args.length === 0 && flags.list("filename").length === 0) throw new CmdError(NO_RESOURCES);
    const body = toJsonBody(text);
    const dryRun = dryRunOf(flags, ctx);
    const { infos, errors } = targets(args, flags, ctx);
    for (const info of infos) {
      const { namespace, name } = info.obj.metadata;
      try {
        if (dryRun === "client") {
          ctx.io.out(`${typedName(info.type, info.obj)} patched (dry run)\n`);
          continue;
        }
        const r = ctx.cluster.request((api) => {
          const out = api.patch(info.type.resource, namespace, name, type as PatchType, body, {
            dryRun: dryRun === "server",
          });
          if (!flags.bool("record")) return out;
          const record = { metadata: { annotations: { [CHANGE_CAUSE]: changeCause(args, flags, ctx) } } };
          return api.patch(info.type.resource, namespace, name, "merge", record, {
            dryRun: dryRun === "server",
          });
        }, ctx.user);
        printWarnings(ctx, r.warnings);
        const changed = r.result.metadata.resourceVersion !== info.obj.metadata.resourceVersion;
        const suffix = dryRun === "server" ? " (server dry run)" : "";
        ctx.io.out(`${typedName(info.type, info.obj)} patched${changed ? "" : " (no change)"}${suffix}\n`);
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(e);
      }
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return done(0);
  },
};

/** yaml.ToJSON: JSON object text unchanged, anything else converted from YAML client-side. */
function toJsonBody(text: string): string {
  if (/^\s*\{/.test(text)) return text;
  try {
    return JSON.stringify(parse(text, { logLevel: "error" }) ?? null);
  } catch (e) {
    const first = ((e as Error).message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
    throw new CmdError(`unable to parse "${text}": yaml: ${first}`);
  }
}
