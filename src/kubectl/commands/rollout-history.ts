/**
 * `kubectl rollout history`: the REVISION/CHANGE-CAUSE table of a Deployment's ReplicaSets, or with
 * `--revision=N` the pod template of that revision (raw TABs, as kubectl prints it).
 */
import type { KObject, PodTemplateSpec } from "../../engine";
import type { Info } from "../builder";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { ROLLOUT_HISTORY_HELP } from "../help/rollout-history";
import { describePodTemplate } from "../printers/describe-common";
import { printStructured } from "../printers/output";
import { PrefixWriter } from "../printers/prefix-writer";
import { alignTabs, DESCRIBE_TABS } from "../printers/tabwriter";
import { done, type Program } from "../program";
import { nameOf, noHelperFor, replicaSetsOf, revisionOf, rolloutTargets } from "./rollout-common";
import { printTypedReplicaSet } from "./rollout-typed";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl rollout history`. */
export const rolloutHistoryCommand: CommandSpec = {
  name: "history",
  parent: "rollout",
  short: "View rollout history",
  flags: flagsFromHelp(ROLLOUT_HISTORY_HELP),
  help: ROLLOUT_HISTORY_HELP,
  run: runHistory,
};

function runHistory(args: string[], flags: Flags, ctx: CommandContext): Program {
  const revision = flags.int("revision");
  if (args.length === 0 && flags.list("filename").length === 0)
    throw new CmdError("required resource not specified");
  if (revision < 0) throw new CmdError(`revision must be a positive integer: ${revision}`);
  const { infos, errors } = rolloutTargets(args, flags, ctx);
  const output = flags.string("output");
  if (output !== "") return printRevisions(ctx, infos, errors, { output, revision });
  for (const info of infos) {
    try {
      if (info.type.kind !== "Deployment") throw noHelperFor(info, "history", "history viewer");
      const text = viewHistory(ctx, info.obj, revision);
      const withRevision = revision > 0 ? `with revision #${revision}` : "";
      ctx.io.out(`${nameOf(info)} ${withRevision}\n${text}\n`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new ErrorList(errors);
  return done(0);
}

/** DeploymentHistoryViewer.ViewHistory: the table, one revision's template, or `No rollout history found.`. */
export function viewHistory(ctx: CommandContext, d: KObject, revision: number): string {
  const history = new Map<number, PodTemplateSpec>();
  for (const rs of replicaSetsOf(ctx, d)) {
    const v = revisionOf(rs as KObject);
    if (v === undefined) continue;
    const template: PodTemplateSpec = JSON.parse(JSON.stringify(rs.spec?.template ?? {}));
    const cause = rs.metadata?.annotations?.["kubernetes.io/change-cause"];
    template.metadata ??= {};
    template.metadata.annotations ??= {};
    if (cause) template.metadata.annotations["kubernetes.io/change-cause"] = cause;
    history.set(v, template);
  }
  if (history.size === 0) return "No rollout history found.";
  if (revision > 0) {
    const template = history.get(revision);
    if (!template) throw new CmdError("unable to find the specified revision");
    return printTemplate(template);
  }
  const rows = [...history.keys()]
    .sort((a, b) => a - b)
    .map((r) => `${r}\t${history.get(r)?.metadata?.annotations?.["kubernetes.io/change-cause"] || "<none>"}`);
  return `${alignTabs(["REVISION\tCHANGE-CAUSE", ...rows].join("\n"), DESCRIBE_TABS)}\n`;
}

/** printTemplate: DescribePodTemplate written without alignment (literal TABs). */
export function printTemplate(t: PodTemplateSpec): string {
  const w = new PrefixWriter();
  describePodTemplate(w, t);
  return w.toString();
}

/** The formats `rollout history -o` accepts (its PrintFlags: no tables, no custom columns). */
const HISTORY_FORMATS =
  "go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml";

/**
 * `rollout history -o FORMAT [--revision=N]` (v1.32): each revision's ReplicaSet printed as an object, in
 * revision order, one print per object (YAML documents separated by `---`, JSON objects one after the
 * other, jsonpath results run together). A missing revision makes v1.32 panic; the sandbox says
 * `unable to find the specified revision` instead.
 */
function printRevisions(
  ctx: CommandContext,
  infos: Info[],
  errors: Error[],
  opts: { output: string; revision: number },
): Program {
  const { output, revision } = opts;
  const format = output.split("=")[0] ?? "";
  if (!HISTORY_FORMATS.split(",").includes(format))
    throw new CmdError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: ${HISTORY_FORMATS}`,
    );
  let printed = 0;
  for (const info of infos) {
    try {
      if (info.type.kind !== "Deployment") throw noHelperFor(info, "history", "history viewer");
      const byRevision = new Map<number, KObject>();
      for (const rs of replicaSetsOf(ctx, info.obj)) {
        const v = revisionOf(rs as KObject);
        if (v !== undefined) byRevision.set(v, rs as KObject);
      }
      const chosen =
        revision > 0
          ? [byRevision.get(revision)]
          : [...byRevision.keys()].sort((a, b) => a - b).map((v) => byRevision.get(v));
      const rsType = ctx.cluster.read((api) => api.type("replicasets"));
      for (const rs of chosen) {
        if (!rs) throw new CmdError("unable to find the specified revision");
        const text =
          printTypedReplicaSet(format, rs) ?? printStructured(output, [{ type: rsType, obj: rs }], true);
        // The YAML printer starts every document after its first with `---`.
        ctx.io.out(format === "yaml" && printed > 0 ? `---\n${text}` : text);
        printed++;
      }
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new ErrorList(errors);
  return done(0);
}
