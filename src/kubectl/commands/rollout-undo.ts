/**
 * `kubectl rollout undo [--to-revision=N]`: client-side, as kubectl's DeploymentRollbacker does it — find
 * the ReplicaSet of the revision (default: the second newest), refuse paused deployments, skip when the
 * template already matches, else replace the Deployment's template (minus pod-template-hash) and
 * annotations (the RS's, keeping the Deployment-only ones) in one write.
 */
import { ApiError, type Deployment, type KObject, type ReplicaSet } from "../../engine";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { ROLLOUT_UNDO_HELP } from "../help/rollout-undo";
import { done, type Program } from "../program";
import {
  nameOf,
  noHelperFor,
  replicaSetsOf,
  revisionOf,
  rolloutTargets,
  templateKey,
} from "./rollout-common";
import { printTemplate } from "./rollout-history";
import type { CommandContext, CommandSpec } from "./types";

/** Deployment annotations an undo keeps from the Deployment rather than copying from the ReplicaSet. */
const ANNOTATIONS_TO_SKIP = [
  "kubectl.kubernetes.io/last-applied-configuration",
  "deployment.kubernetes.io/revision",
  "deployment.kubernetes.io/revision-history",
  "deployment.kubernetes.io/desired-replicas",
  "deployment.kubernetes.io/max-replicas",
  "deprecated.deployment.rollback.to",
];

/** `kubectl rollout undo`. */
export const rolloutUndoCommand: CommandSpec = {
  name: "undo",
  parent: "rollout",
  short: "Undo a previous rollout",
  flags: flagsFromHelp(ROLLOUT_UNDO_HELP, [
    { name: "dry-run", kind: "string", default: "none", noOptDefault: "unchanged" },
  ]),
  help: ROLLOUT_UNDO_HELP,
  run: runUndo,
};

function runUndo(args: string[], flags: Flags, ctx: CommandContext): Program {
  const dryRun = flags.string("dry-run");
  if (!["none", "client", "server", "unchanged"].includes(dryRun))
    throw new CmdError(`Invalid dry-run value (${dryRun}). Must be "none", "server", or "client".`);
  const { infos, errors } = rolloutTargets(args, flags, ctx);
  for (const info of infos) {
    try {
      if (info.type.kind !== "Deployment") throw noHelperFor(info, "rollbacker", "rollbacker");
      const result = rollback(ctx, info.obj as Deployment, flags.int("to-revision"), dryRun);
      const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
      ctx.io.out(`${nameOf(info)} ${result}${suffix}\n`);
    } catch (e) {
      errors.push(e as Error);
    }
  }
  if (errors.length > 0) throw new ErrorList(errors);
  return done(0);
}

function revisionNotFound(n: number): CmdError {
  return new CmdError(`unable to find specified revision ${n} in history`);
}

/** Finds the RS of `toRevision` (0 = the second newest revision). */
function replicaSetForRevision(ctx: CommandContext, d: Deployment, toRevision: number): ReplicaSet {
  let latest: { v: number; rs?: ReplicaSet } = { v: -1 };
  let previous: { v: number; rs?: ReplicaSet } = { v: -1 };
  for (const rs of replicaSetsOf(ctx, d as KObject)) {
    const v = revisionOf(rs as KObject);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latest.v < v) {
        previous = latest;
        latest = { v, rs };
      } else if (previous.v < v) previous = { v, rs };
    } else if (v === toRevision) return rs;
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (!previous.rs) throw new CmdError(`no rollout history found for deployment "${d.metadata?.name}"`);
  return previous.rs;
}

/** DeploymentRollbacker.Rollback: the operation text (`rolled back`, `skipped rollback (…)`, or a dry-run template). */
function rollback(ctx: CommandContext, d: Deployment, toRevision: number, dryRun: string): string {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  const rs = replicaSetForRevision(ctx, d, toRevision);
  if (d.spec?.paused) {
    throw new CmdError(
      "you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    );
  }
  if (templateKey(rs.spec?.template) === templateKey(d.spec?.template)) {
    return `skipped rollback (current template already matches revision ${toRevision})`;
  }
  // A client dry run prints the revision's template as stored, pod-template-hash included.
  if (dryRun === "client") return printTemplate(rs.spec?.template ?? {});
  const template = JSON.parse(JSON.stringify(rs.spec?.template ?? {}));
  if (template.metadata?.labels) delete template.metadata.labels["pod-template-hash"];
  const annotations: Record<string, string> = {};
  for (const k of ANNOTATIONS_TO_SKIP) {
    const v = d.metadata?.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata?.annotations ?? {}))
    if (!ANNOTATIONS_TO_SKIP.includes(k)) annotations[k] = v;
  const { namespace, name } = d.metadata ?? {};
  try {
    ctx.cluster.request((api) => {
      const live = api.get("deployments", namespace, name ?? "");
      const next = { ...live, metadata: { ...live.metadata, annotations }, spec: { ...live.spec, template } };
      api.update("deployments", next, { dryRun: dryRun === "server" });
    }, ctx.user);
  } catch (e) {
    if (e instanceof ApiError) throw new CmdError(`failed restoring revision ${toRevision}: ${e.message}`);
    throw e;
  }
  return "rolled back";
}
