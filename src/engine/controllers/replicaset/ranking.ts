/**
 * Which pods a ReplicaSet deletes first when it scales down (controller_utils.go ActivePodsWithRanks,
 * replica_set.go getPodsToDelete), first = deleted first:
 *   1. unassigned before assigned; 2. Pending < Unknown < Running; 3. not ready before ready;
 *   4. lower pod-deletion-cost first; 5. higher rank (related pods on the same node) first;
 *   6. both ready: ready for a shorter time first (log2 buckets of nanoseconds, uid tie-break);
 *   7. more container restarts first; 8. newer first (same log2 bucketing, uid tie-break).
 */
import type { KObject } from "../../model/types";
import { simTime } from "../../store/state";
import { isPodReady, readyCondition } from "../podutil";

/** The annotation that lowers or raises a pod's deletion priority (PodDeletionCost, on since v1.22). */
export const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

interface Ranked {
  pod: KObject;
  rank: number;
  readyAt: number | undefined;
  createdAt: number | undefined;
}

/**
 * The `count` pods to delete out of `pods`. `related` are the active pods of every ReplicaSet of the
 * same Deployment (they give the rank: pods on crowded nodes go first). When every pod goes, list order is kept.
 */
export function getPodsToDelete(
  pods: readonly KObject[],
  related: readonly KObject[],
  count: number,
  now: number,
  epoch: number,
): KObject[] {
  if (count >= pods.length) return [...pods];
  const onNode = new Map<string, number>();
  for (const p of related) {
    const node = p.spec?.nodeName;
    if (node) onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const at = (t: string | undefined) => simTime({ epoch }, t);
  const ranked: Ranked[] = pods.map((pod) => ({
    pod,
    rank: pod.spec?.nodeName ? (onNode.get(pod.spec.nodeName) ?? 0) : 0,
    readyAt: at(readyCondition(pod)?.lastTransitionTime),
    createdAt: at(pod.metadata.creationTimestamp),
  }));
  ranked.sort((a, b) => compareForDeletion(a, b, now));
  return ranked.slice(0, count).map((r) => r.pod);
}

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(a: Ranked, b: Ranked, now: number): number {
  const pa = a.pod;
  const pb = b.pod;
  const assigned = Number(!!pa.spec?.nodeName) - Number(!!pb.spec?.nodeName);
  if (assigned !== 0) return assigned;
  const phase = phaseRank(pa) - phaseRank(pb);
  if (phase !== 0) return phase;
  const ready = Number(isPodReady(pa)) - Number(isPodReady(pb));
  if (ready !== 0) return ready;
  const cost = deletionCost(pa) - deletionCost(pb);
  if (cost !== 0) return cost;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (isPodReady(pa) && isPodReady(pb) && a.readyAt !== b.readyAt) {
    const byReady = newerFirst(a.readyAt, b.readyAt, pa, pb, now);
    if (byReady !== 0) return byReady;
  }
  const restarts = maxRestarts(pb) - maxRestarts(pa);
  if (restarts !== 0) return restarts;
  if (a.createdAt !== b.createdAt) return newerFirst(a.createdAt, b.createdAt, pa, pb, now);
  return 0;
}

function phaseRank(pod: KObject): number {
  return PHASE_ORDER[pod.status?.phase ?? "Pending"] ?? 0;
}

function deletionCost(pod: KObject): number {
  const v = Number.parseInt(pod.metadata.annotations?.[POD_DELETION_COST] ?? "0", 10);
  return Number.isNaN(v) ? 0 : v;
}

function maxRestarts(pod: KObject): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/**
 * The LogarithmicScaleDown comparison: times whose ages fall in the same power-of-two bucket (ages in
 * nanoseconds, as Go's time.Duration) are equal and ordered by uid; otherwise the younger goes first.
 * A missing time goes first (afterOrZero).
 */
function newerFirst(
  t1: number | undefined,
  t2: number | undefined,
  p1: KObject,
  p2: KObject,
  now: number,
): number {
  if (t1 === undefined || t2 === undefined) return t1 === undefined ? -1 : 1;
  const diff = logBucket(now - t1) - logBucket(now - t2);
  if (diff !== 0) return diff;
  const u1 = p1.metadata.uid ?? "";
  const u2 = p2.metadata.uid ?? "";
  return u1 < u2 ? -1 : u1 > u2 ? 1 : 0;
}

function logBucket(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}
