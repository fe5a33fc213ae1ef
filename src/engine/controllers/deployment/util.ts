/**
 * The pure rollout arithmetic of pkg/controller/deployment/util/deployment_util.go, under the upstream
 * names and shapes: fenceposts, maxSurge/maxUnavailable, the new ReplicaSet's next size, saturation,
 * completeness, progress, time-outs, proportional-scaling fractions, and finding the new and old sets.
 * Every function takes Kubernetes-shaped objects and changes nothing.
 */
import { canonicalJson } from "../../model/canonical";
import { type IntOrString, scaledValue } from "../../model/intstr";
import { jsonClone } from "../../model/json";
import type { Deployment, DeploymentStatus, PodTemplateSpec, ReplicaSet } from "../../model/types";

/** Anything with a Deployment's metadata/spec/status (a stored object or a kubernetes-types Deployment). */
export type DeploymentLike = Pick<Deployment, "metadata" | "spec" | "status">;
/** Anything with a ReplicaSet's metadata/spec/status. */
export type ReplicaSetLike = Pick<ReplicaSet, "metadata" | "spec" | "status">;

/** The label that tells the ReplicaSets of one Deployment apart. */
export const POD_TEMPLATE_HASH_LABEL = "pod-template-hash";
/** `deployment.kubernetes.io/desired-replicas`: spec.replicas when the controller last wrote the RS. */
export const DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
/** `deployment.kubernetes.io/max-replicas`: spec.replicas + maxSurge when the controller last wrote the RS. */
export const MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
/** The largest int32: a revisionHistoryLimit or progressDeadlineSeconds of this value means "none". */
export const MAX_INT32 = 2147483647;

/** spec.replicas of a Deployment or ReplicaSet (the API defaults it to 1). */
export function specReplicas(obj: DeploymentLike | ReplicaSetLike | undefined): number {
  return obj?.spec?.replicas ?? 1;
}

/**
 * ResolveFenceposts: maxSurge rounds UP and maxUnavailable rounds DOWN against `desired`; if both come
 * out 0, maxUnavailable becomes 1 ("surge might not work due to quota"). Returns [surge, unavailable, error].
 * Examples (TestResolveFenceposts): 39%/39% of 10 → 4/3; undefined/39% → 0/3; 39%/undefined → 4/0;
 * undefined/undefined → 0/1; "oops" → error. Default 25%/25% of 3 → 1/0, of 10 → 3/2.
 */
export function resolveFenceposts(
  maxSurge: IntOrString | undefined,
  maxUnavailable: IntOrString | undefined,
  desired: number,
): [surge: number, unavailable: number, error: Error | undefined] {
  let surge: number;
  let unavailable: number;
  try {
    surge = scaledValue(maxSurge ?? 0, desired, true);
    unavailable = scaledValue(maxUnavailable ?? 0, desired, false);
  } catch (e) {
    return [0, 0, e as Error];
  }
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return [surge, unavailable, undefined];
}

/** True for the RollingUpdate strategy (the API defaults an empty type to it). */
export function isRollingUpdate(d: DeploymentLike): boolean {
  return (d.spec?.strategy?.type ?? "RollingUpdate") === "RollingUpdate";
}

/**
 * MaxUnavailable: 0 for Recreate or replicas 0; otherwise the resolved value capped at spec.replicas.
 * Example: 25% of 4 → 1; maxUnavailable 5 with 3 replicas → 3; 0%/0% of 0 replicas → 0 (not the fencepost 1).
 */
export function maxUnavailable(d: DeploymentLike): number {
  const replicas = specReplicas(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const [, unavailable] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, replicas);
  return Math.min(unavailable, replicas);
}

/** MaxSurge: 0 for Recreate; otherwise the resolved surge, NOT capped ("200%" of 3 → 6). */
export function maxSurge(d: DeploymentLike): number {
  if (!isRollingUpdate(d)) return 0;
  const ru = d.spec?.strategy?.rollingUpdate;
  const [surge] = resolveFenceposts(ru?.maxSurge, ru?.maxUnavailable, specReplicas(d));
  return surge;
}

/** MinAvailable: replicas − maxUnavailable for RollingUpdate, 0 for Recreate. 10 at 25% → 8. */
export function minAvailable(d: DeploymentLike): number {
  return isRollingUpdate(d) ? specReplicas(d) - maxUnavailable(d) : 0;
}

/** GetReplicaCountForReplicaSets: Σ spec.replicas (pods the controller asked for, existing or not). */
export function getReplicaCountForReplicaSets(sets: readonly (ReplicaSetLike | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs ? specReplicas(rs) : 0), 0);
}

/** GetActualReplicaCountForReplicaSets: Σ status.replicas (active pods that exist). */
export function getActualReplicaCountForReplicaSets(sets: readonly (ReplicaSetLike | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.replicas ?? 0), 0);
}

/** GetReadyReplicaCountForReplicaSets: Σ status.readyReplicas. */
export function getReadyReplicaCountForReplicaSets(sets: readonly (ReplicaSetLike | undefined)[]): number {
  return sets.reduce((n, rs) => n + (rs?.status?.readyReplicas ?? 0), 0);
}

/** GetAvailableReplicaCountForReplicaSets: Σ status.availableReplicas. */
export function getAvailableReplicaCountForReplicaSets(
  sets: readonly (ReplicaSetLike | undefined)[],
): number {
  return sets.reduce((n, rs) => n + (rs?.status?.availableReplicas ?? 0), 0);
}

/**
 * NewRSNewReplicas: the next size of the new ReplicaSet. RollingUpdate: with maxTotal = replicas +
 * maxSurge and current = Σ spec over all sets, unchanged if current ≥ maxTotal, else
 * new + min(maxTotal − current, replicas − new). Recreate: replicas.
 * Example: replicas 3, surge 1, old 3, new 0 → 0 + min(4 − 3, 3 − 0) = 1; with maxSurge 0 → 0.
 */
export function newRSNewReplicas(
  d: DeploymentLike,
  allReplicaSets: readonly (ReplicaSetLike | undefined)[],
  newReplicaSet: ReplicaSetLike,
): number {
  const replicas = specReplicas(d);
  const type = d.spec?.strategy?.type ?? "RollingUpdate";
  if (type === "Recreate") return replicas;
  if (type !== "RollingUpdate") throw new Error(`deployment type ${type} isn't supported`);
  const surge = scaledValue(d.spec?.strategy?.rollingUpdate?.maxSurge ?? 0, replicas, true);
  const current = getReplicaCountForReplicaSets(allReplicaSets);
  const maxTotal = replicas + surge;
  const newSize = specReplicas(newReplicaSet);
  if (current >= maxTotal) return newSize;
  return newSize + Math.min(maxTotal - current, replicas - newSize);
}

/** The desired-replicas annotation of a ReplicaSet as a number, if it parses. */
export function getDesiredReplicasAnnotation(rs: ReplicaSetLike): number | undefined {
  return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
}

/** The max-replicas annotation of a ReplicaSet as a number, if it parses. */
export function getMaxReplicasAnnotation(rs: ReplicaSetLike): number | undefined {
  return intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
}

function intAnnotation(rs: ReplicaSetLike, key: string): number | undefined {
  const v = rs.metadata?.annotations?.[key];
  if (v === undefined || !/^[+-]?[0-9]+$/.test(v)) return undefined;
  return Number.parseInt(v, 10);
}

/**
 * IsSaturated: the new set has spec == desired-replicas annotation == available == d.spec.replicas.
 * Example: replicas 3, new RS spec 3, annotation "3", 3 available → true (old sets can go to 0).
 */
export function isSaturated(d: DeploymentLike, rs: ReplicaSetLike | undefined): boolean {
  if (!rs) return false;
  const desired = getDesiredReplicasAnnotation(rs);
  if (desired === undefined) return false;
  const replicas = specReplicas(d);
  return (
    specReplicas(rs) === replicas && desired === replicas && (rs.status?.availableReplicas ?? 0) === replicas
  );
}

/**
 * DeploymentComplete: updated == replicas == total == available and the generation is observed.
 * Example: replicas 3, status 3/3/3 with observedGeneration 2 of generation 2 → true.
 */
export function deploymentComplete(d: DeploymentLike, newStatus: DeploymentStatus): boolean {
  const replicas = specReplicas(d);
  return (
    (newStatus.updatedReplicas ?? 0) === replicas &&
    (newStatus.replicas ?? 0) === replicas &&
    (newStatus.availableReplicas ?? 0) === replicas &&
    (newStatus.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0)
  );
}

/**
 * DeploymentProgressing: comparing the stored status with the new one, more updated pods, fewer old
 * pods, more ready or more available pods. Example: updated 1 → 2 is progress; nothing moved is not.
 */
export function deploymentProgressing(d: DeploymentLike, newStatus: DeploymentStatus): boolean {
  const old = d.status ?? {};
  const oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0);
  const newOld = (newStatus.replicas ?? 0) - (newStatus.updatedReplicas ?? 0);
  return (
    (newStatus.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (newStatus.readyReplicas ?? 0) > (old.readyReplicas ?? 0) ||
    (newStatus.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
  );
}

/** HasProgressDeadline: progressDeadlineSeconds is set and not MaxInt32. */
export function hasProgressDeadline(d: DeploymentLike): boolean {
  const s = d.spec?.progressDeadlineSeconds;
  return s !== undefined && s !== MAX_INT32;
}

/** HasRevisionHistoryLimit: revisionHistoryLimit is set and not MaxInt32 ("keep all"). */
export function hasRevisionHistoryLimit(d: DeploymentLike): boolean {
  const n = d.spec?.revisionHistoryLimit;
  return n !== undefined && n !== MAX_INT32;
}

/**
 * DeploymentTimedOut: the Progressing condition's lastUpdateTime + progressDeadlineSeconds is strictly
 * before `nowMs` (epoch milliseconds). False once complete (NewReplicaSetAvailable); true once reported.
 * Example (TestDeploymentTimedOut): deadline 60 s, last update 18:49:00 → at 18:50:00 false, 18:50:01 true.
 */
export function deploymentTimedOut(d: DeploymentLike, newStatus: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const cond = (newStatus.conditions ?? []).find((c) => c.type === "Progressing");
  if (!cond) return false;
  if (cond.reason === "NewReplicaSetAvailable") return false;
  if (cond.reason === "ProgressDeadlineExceeded") return true;
  const from = cond.lastUpdateTime ? Date.parse(cond.lastUpdateTime) : 0;
  return from + (d.spec?.progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

/** integer.RoundToInt32: Go's math.Round, half away from zero (JS Math.round(-2.5) is -2, Go gives -3). */
export function roundHalfAwayFromZero(x: number): number {
  return Math.sign(x) * Math.round(Math.abs(x));
}

/**
 * getReplicaSetFraction: round(rs.spec × (replicas + maxSurge) / max-replicas annotation) − rs.spec;
 * −rs.spec when scaling to 0. Without the annotation (or 0) it falls back to d.status.replicas, and to 0.
 * Docs example: old 8 with max-replicas 13, Deployment now 15 + 3 = 18 → round(8·18/13) − 8 = 11 − 8 = 3.
 */
export function getReplicaSetFraction(rs: ReplicaSetLike, d: DeploymentLike): number {
  const replicas = specReplicas(d);
  const size = specReplicas(rs);
  if (replicas === 0) return -size;
  const deploymentMax = replicas + maxSurge(d);
  let before = getMaxReplicasAnnotation(rs) ?? 0;
  if (before === 0) {
    before = d.status?.replicas ?? 0;
    if (before === 0) return 0;
  }
  return roundHalfAwayFromZero((size * deploymentMax) / before) - size;
}

/**
 * GetProportion: this set's share of `toAdd`, bounded by what is left (toAdd − added): the smaller of
 * fraction and what is left when scaling up, the larger when scaling down. 0 for an empty set.
 * Example: toAdd 5, added 3, fraction 2 → 2; toAdd 5, added 4, fraction 2 → 1.
 */
export function getProportion(
  rs: ReplicaSetLike | undefined,
  d: DeploymentLike,
  toAdd: number,
  added: number,
): number {
  if (!rs || specReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const fraction = getReplicaSetFraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(fraction, allowed) : Math.max(fraction, allowed);
}

/** Creation time then name, oldest first (controller.ReplicaSetsByCreationTimestamp). */
export function compareByCreation(a: ReplicaSetLike, b: ReplicaSetLike): number {
  const ta = a.metadata?.creationTimestamp ?? "";
  const tb = b.metadata?.creationTimestamp ?? "";
  if (ta !== tb) return Date.parse(ta || "0") - Date.parse(tb || "0") || (ta < tb ? -1 : 1);
  const na = a.metadata?.name ?? "";
  const nb = b.metadata?.name ?? "";
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** ReplicaSetsBySizeNewer: larger first, equal sizes newest first (scaling up). */
export function compareBySizeNewer(a: ReplicaSetLike, b: ReplicaSetLike): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : compareByCreation(b, a);
}

/** ReplicaSetsBySizeOlder: larger first, equal sizes oldest first (scaling down). */
export function compareBySizeOlder(a: ReplicaSetLike, b: ReplicaSetLike): number {
  const d = specReplicas(b) - specReplicas(a);
  return d !== 0 ? d : compareByCreation(a, b);
}

/** FilterActiveReplicaSets: the sets with spec.replicas > 0. */
export function filterActiveReplicaSets<T extends ReplicaSetLike>(sets: readonly (T | undefined)[]): T[] {
  return sets.filter((rs): rs is T => !!rs && specReplicas(rs) > 0);
}

/**
 * EqualIgnoreHash: two pod templates are equal once the pod-template-hash label is removed from both.
 * Labels, annotations (e.g. `kubectl.kubernetes.io/restartedAt`) and the whole spec count.
 */
export function equalIgnoreHash(t1: PodTemplateSpec | undefined, t2: PodTemplateSpec | undefined): boolean {
  return canonicalJson(withoutHash(t1)) === canonicalJson(withoutHash(t2));
}

/** A template without the pod-template-hash label (and without an empty labels map left behind). */
export function withoutHash(t: PodTemplateSpec | undefined): PodTemplateSpec {
  const copy: PodTemplateSpec = jsonClone(t ?? {});
  const labels = copy.metadata?.labels;
  if (labels && POD_TEMPLATE_HASH_LABEL in labels) {
    delete labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(labels).length === 0 && copy.metadata) delete copy.metadata.labels;
  }
  return copy;
}

/**
 * FindNewReplicaSet: the OLDEST set whose template equals the Deployment's ignoring the hash label
 * (issue #40415: with several matches the others are treated as old and scaled down).
 */
export function findNewReplicaSet<T extends ReplicaSetLike>(
  d: DeploymentLike,
  sets: readonly T[],
): T | undefined {
  const sorted = [...sets].sort(compareByCreation);
  return sorted.find((rs) => equalIgnoreHash(rs.spec?.template, d.spec?.template));
}

/** FindOldReplicaSets: every set except the new one (by uid). */
export function findOldReplicaSets<T extends ReplicaSetLike>(d: DeploymentLike, sets: readonly T[]): T[] {
  const newRS = findNewReplicaSet(d, sets);
  return sets.filter((rs) => !newRS || rs.metadata?.uid !== newRS.metadata?.uid);
}

/**
 * FindActiveOrLatest: with at most one active set, that set (none active: the new one, else the newest
 * old one); with several active sets, undefined (proportional scaling decides).
 */
export function findActiveOrLatest<T extends ReplicaSetLike>(
  newRS: T | undefined,
  oldRSs: readonly T[],
): T | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => compareByCreation(b, a));
  const active = filterActiveReplicaSets([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}
