/**
 * What the rollout subcommands share: resolving their resources (`deployment/x`, `deployment x`, `-l`),
 * kubectl's "not implemented for this kind" errors, and the Deployment's ReplicaSets by revision
 * (deploymentutil.GetAllReplicaSets: RSs in the namespace controlled by the Deployment).
 */
import {
  type Deployment,
  type KObject,
  qualifiedKind,
  qualifiedResource,
  type ReplicaSet,
} from "../../engine";
import { build, type Info, noResourcesFound } from "../builder";
import { CmdError, ErrorList, SilentError } from "../errors";
import type { Flags } from "../flags";
import { sortKeys } from "../printers/output";
import type { CommandContext } from "./types";

/** The objects named by args, `-f FILE|-` or `-l`; throws `required resource not specified` when nothing was named. */
export function rolloutTargets(
  args: string[],
  flags: Flags,
  ctx: CommandContext,
): { infos: Info[]; errors: Error[] } {
  const selector = flags.string("selector");
  const filenames = flags.list("filename");
  if (args.length === 0 && filenames.length === 0) throw new CmdError("required resource not specified");
  const sel = { namespace: ctx.namespace, selector };
  const fetched = build(ctx, { ...sel, args, filenames });
  if (fetched.infos.length === 0 && fetched.errors.length === 0) {
    ctx.io.err(noResourcesFound(sel));
    throw new SilentError(0);
  }
  return fetched;
}

/** Throws the collected errors (one line each), if any. */
export function throwAll(errors: Error[]): void {
  if (errors.length > 0) throw new ErrorList(errors);
}

/** `deployment.apps/http-go`. */
export function nameOf(info: Info): string {
  return `${qualifiedKind(info.type)}/${info.obj.metadata.name}`;
}

/** `deployments.apps`: the resource string of pause/resume/restart errors. */
export function resourceString(info: Info): string {
  return qualifiedResource(info.type);
}

/** The kinds polymorphichelpers' GroupKindElement visits; any other kind has "no visitor method". */
const VISITED_KINDS = ["Deployment", "DaemonSet", "Job", "Pod", "ReplicaSet", "ReplicationController"];

/**
 * HistoryViewerFor / RollbackerFor on a kind other than Deployment: a visited kind without a helper is
 * `no history viewer has been implemented for "ReplicaSet.apps"`, any other kind
 * `error retrieving history for "Service", no visitor method exists for { Service}`.
 */
export function noHelperFor(info: Info, retrieving: string, helper: string): CmdError {
  const gk = groupKind(info);
  if ([...VISITED_KINDS, "StatefulSet", "CronJob"].includes(info.type.kind))
    return new CmdError(`no ${helper} has been implemented for "${gk}"`);
  return new CmdError(
    `error retrieving ${retrieving} for "${gk}", no visitor method exists for {${info.type.group} ${info.type.kind}}`,
  );
}

/** Go's GroupKind.String(): `ReplicaSet.apps`, `Pod`. */
export function groupKind(info: Info): string {
  return info.type.group ? `${info.type.kind}.${info.type.group}` : info.type.kind;
}

/** The revision annotation of an object, or undefined when it has none or it does not parse. */
export function revisionOf(obj: KObject): number | undefined {
  const v = obj.metadata.annotations?.["deployment.kubernetes.io/revision"];
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isInteger(n) ? n : undefined;
}

/** The ReplicaSets controlled by `d`; a list failure is kubectl's `failed to retrieve replica sets …` error. */
export function replicaSetsOf(ctx: CommandContext, d: KObject): ReplicaSet[] {
  let all: KObject[];
  try {
    all = ctx.cluster.read((api) => api.list("replicasets", d.metadata.namespace), ctx.user);
  } catch (e) {
    throw new CmdError(
      `failed to retrieve replica sets from deployment ${d.metadata.name}: ${(e as Error).message}`,
    );
  }
  return all.filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some(
      (o) =>
        o.controller && o.kind === "Deployment" && (o.uid === d.metadata.uid || o.name === d.metadata.name),
    ),
  ) as ReplicaSet[];
}

/** The pod template without the pod-template-hash label, keys sorted (to compare templates as EqualIgnoreHash does). */
export function templateKey(t: KObject["spec"]["template"]): string {
  const copy = JSON.parse(JSON.stringify(t ?? {}));
  if (copy.metadata?.labels) delete copy.metadata.labels["pod-template-hash"];
  return JSON.stringify(sortKeys(copy));
}

/** The Deployment's new ReplicaSet (same template ignoring the hash), if any. */
export function newReplicaSet(d: Deployment, rss: ReplicaSet[]): ReplicaSet | undefined {
  const key = templateKey(d.spec?.template);
  return rss.find((rs) => templateKey(rs.spec?.template) === key);
}
