/**
 * `kubectl annotate` and `kubectl label`: `TYPE NAME key=value… key-…` with kubectl's overwrite rules.
 * annotate: an existing key with another value needs `--overwrite` (`error: --overwrite is false but found
 * the following declared annotation(s): 'team' already has a value (a)`), except
 * `kubernetes.io/change-cause`; label: any existing key needs it (`error: 'app' already has a value
 * (http-go), and --overwrite is false`). Success: `deployment.apps/http-go annotated` / `labeled`
 * (`not labeled` when nothing changed).
 */
import { ApiError, declarativePatch, type KObject } from "../../engine";
import type { Info } from "../builder";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { ANNOTATE_HELP } from "../help/annotate";
import { LABEL_HELP } from "../help/label";
import { done, type Program } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import { CHANGE_CAUSE, RECORD_FLAG, recordIfAsked, targets, typedName } from "./write-support";

interface Changes {
  set: Record<string, string>;
  remove: string[];
}

type Field = "annotations" | "labels";

function metaCommand(name: string, field: Field, help: string, short: string): CommandSpec {
  return {
    name,
    short,
    flags: flagsFromHelp(help, [
      DRY_RUN_FLAG,
      RECORD_FLAG,
      { name: "filename", shorthand: "f", kind: "strings" },
    ]),
    help,
    run(args, flags, ctx): Program {
      const resources = args.filter((a) => !a.includes("=") && !a.endsWith("-"));
      const changes = parseChanges(args.filter((a) => a.includes("=") || a.endsWith("-")));
      if (resources.length === 0 && flags.list("filename").length === 0)
        throw new CmdError(
          "one or more resources must be specified as <resource> <name> or <resource>/<name>",
        );
      if (Object.keys(changes.set).length === 0 && changes.remove.length === 0)
        throw new CmdError(`at least one ${field === "labels" ? "label" : "annotation"} update is required`);
      const { infos, errors } = targets(resources, flags, ctx, { all: flags.bool("all") });
      for (const info of infos) {
        try {
          applyChanges(info, field, changes, { args, flags, ctx });
        } catch (e) {
          if (!(e instanceof ApiError) && !(e instanceof CmdError)) throw e;
          errors.push(e);
        }
      }
      if (errors.length > 0) throw new ErrorList(errors);
      return done(0);
    },
  };
}

function parseChanges(list: string[]): Changes {
  const out: Changes = { set: {}, remove: [] };
  for (const c of list) {
    const eq = c.indexOf("=");
    if (eq >= 0) out.set[c.slice(0, eq)] = c.slice(eq + 1);
    else out.remove.push(c.slice(0, -1));
  }
  return out;
}

function checkOverwrite(
  field: Field,
  current: Record<string, string>,
  changes: Changes,
  overwrite: boolean,
): void {
  if (overwrite) return;
  for (const [key, value] of Object.entries(changes.set)) {
    if (!(key in current)) continue;
    if (field === "labels")
      throw new CmdError(`'${key}' already has a value (${current[key]}), and --overwrite is false`);
    if (key !== CHANGE_CAUSE && current[key] !== value)
      throw new CmdError(
        `--overwrite is false but found the following declared annotation(s): '${key}' already has a value (${current[key]})`,
      );
  }
}

function applyChanges(
  info: Info,
  field: Field,
  changes: Changes,
  run: { args: string[]; flags: Flags; ctx: CommandContext },
): void {
  const { flags, ctx } = run;
  const current = { ...(info.obj.metadata[field] ?? {}) };
  checkOverwrite(field, current, changes, flags.bool("overwrite"));
  const copy = JSON.parse(JSON.stringify(info.obj)) as KObject;
  const next: Record<string, string> = { ...current, ...changes.set };
  for (const k of changes.remove) delete next[k];
  copy.metadata[field] = next;
  recordIfAsked(copy, run.args, flags, ctx);
  const patch = declarativePatch(info.type.kind, info.obj, copy);
  const dryRun = dryRunOf(flags, ctx);
  const empty = Object.keys(patch).length === 0;
  if (!empty && dryRun !== "client") {
    const { namespace, name } = info.obj.metadata;
    ctx.cluster.request(
      (api) =>
        api.patch(info.type.resource, namespace, name, "strategic", patch, { dryRun: dryRun === "server" }),
      ctx.user,
    );
  }
  const verb = field === "labels" ? (empty ? "not labeled" : "labeled") : "annotated";
  const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
  ctx.io.out(`${typedName(info.type, info.obj)} ${verb}${suffix}\n`);
}

/** `kubectl annotate`. */
export const annotateCommand = metaCommand(
  "annotate",
  "annotations",
  ANNOTATE_HELP,
  "Update the annotations on a resource",
);

/** `kubectl label`. */
export const labelCommand = metaCommand("label", "labels", LABEL_HELP, "Update the labels on a resource");
