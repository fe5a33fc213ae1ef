/**
 * `kubectl rollout history`: the REVISION/CHANGE-CAUSE table of a Deployment's ReplicaSets, or with
 * `--revision=N` the pod template of that revision (raw TABs, as kubectl prints it).
 */
import type { KObject, PodTemplateSpec } from "../../engine";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { ROLLOUT_HISTORY_HELP } from "../help/rollout-history";
import { describePodTemplate } from "../printers/describe-common";
import { PrefixWriter } from "../printers/prefix-writer";
import { alignTabs, DESCRIBE_TABS } from "../printers/tabwriter";
import { done, type Program } from "../program";
import { nameOf, replicaSetsOf, revisionOf, rolloutTargets } from "./rollout-common";
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
  for (const info of infos) {
    try {
      if (info.type.kind !== "Deployment") {
        const gk = info.type.group ? `${info.type.kind}.${info.type.group}` : info.type.kind;
        throw new CmdError(`no history viewer has been implemented for "${gk}"`);
      }
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
