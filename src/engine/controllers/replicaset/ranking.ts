/**
 * Which pods a ReplicaSet deletes first when it scales down (controller_utils.go ActivePodsWithRanks,
 * replica_set.go getPodsToDelete), first = deleted first:
 *   1. unassigned before assigned; 2. Pending < Unknown < Running; 3. not ready before ready;
 *   4. lower pod-deletion-cost first; 5. higher rank (related pods on the same node) first;
 *   6. both ready: ready for a shorter time first (log2 buckets of nanoseconds, uid tie-break);
 *   7. more container restarts first; 8. newer first (same log2 bucketing, uid tie-break).
 */
import type { KObject } from "../../model/types";
import { wallTime } from "../../store/state";
import { readyCondition } from "../podutil";

/** The annotation that lowers or raises a pod's deletion priority (PodDeletionCost, on since v1.22). */
export const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

const PHASE_ORDER: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };

/** The sort keys that depend on the pod alone (a stored pod never changes, so they are worked out once). */
interface PodKeys {
  node: string | undefined;
  assigned: number;
  phase: number;
  ready: number;
  cost: number;
  /** Wall-clock ms of the Ready condition's last transition and of the creation. */
  readyAt: number | undefined;
  createdAt: number | undefined;
  restarts: number;
  uid: string;
}

/**
 * A pod with every sort key computed once: a sort compares about n·log2(n) pairs (130,000 for 10,000
 * pods), and reading conditions, annotations and logarithms on each comparison was most of a scale-down.
 */
interface Ranked {
  pod: KObject;
  keys: PodKeys;
  rank: number;
  /** The log2 buckets of the ages (newerFirst), worked out when a comparison first needs them (NaN until then). */
  readyBucket: number;
  createdBucket: number;
}

/**
 * The pod-only keys of the pods the latest ranking saw. A scale-down of 10,000 pods deletes 500 per
 * sync (BurstReplicas) and ranks the rest again: 105,000 pods ranked in 20 syncs, nine in ten of them
 * seen by the sync before, and reading a pod's fields was most of a ranking (the sort of an already
 * ordered list is a single pass). A cache of the latest ranking's pods only; a pod missing from it is
 * worked out again.
 */
let seenKeys = new Map<KObject, PodKeys>();

/**
 * The `count` pods to delete out of `pods`. `related` are the active pods of every ReplicaSet of the
 * same Deployment (they give the rank: pods on crowded nodes go first), or a function that lists them
 * when they are needed. When every pod goes, list order is kept.
 */
export function getPodsToDelete(
  pods: readonly KObject[],
  related: readonly KObject[] | (() => readonly KObject[]),
  count: number,
  now: number,
  epoch: number,
): KObject[] {
  if (count >= pods.length) return [...pods];
  const keys = new Map<KObject, PodKeys>();
  const ranked = pods.map((pod) => rankOf(pod, keys));
  seenKeys = keys;
  // The rank orders assigned pods against each other only (an unassigned pod goes first whatever its
  // rank). Pods that all run on one node have one rank, and the related pods (20,000 in a 10,000-replica
  // rollout, read at every one of its 20 scale-downs) need not be counted.
  if (nodeCount(ranked) > 1) {
    const onNode = podsPerNode(typeof related === "function" ? related() : related);
    for (const r of ranked) r.rank = r.keys.node ? (onNode.get(r.keys.node) ?? 0) : 0;
  }
  rankingNow = now + epoch;
  ranked.sort(compareForDeletion);
  return ranked.slice(0, count).map((r) => r.pod);
}

/** The wall-clock instant of the running sort (the ages are taken from it). */
let rankingNow = 0;

/** How many nodes the assigned pods of `ranked` run on (counting stops at 2). */
function nodeCount(ranked: readonly Ranked[]): number {
  let first: string | undefined;
  for (const r of ranked) {
    const node = r.keys.node;
    if (!node) continue;
    if (first === undefined) first = node;
    else if (node !== first) return 2;
  }
  return first === undefined ? 0 : 1;
}

/** Active pods per node. */
function podsPerNode(pods: readonly KObject[]): Map<string, number> {
  const onNode = new Map<string, number>();
  for (const p of pods) {
    const node = p.spec?.nodeName;
    if (node) onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  return onNode;
}

function rankOf(pod: KObject, seen: Map<KObject, PodKeys>): Ranked {
  const keys = seenKeys.get(pod) ?? keysOf(pod);
  seen.set(pod, keys);
  return {
    pod,
    keys,
    // Set by getPodsToDelete where ranks differ.
    rank: 0,
    // Most comparisons of a ranking are between pods of one batch (the same instants), which need none.
    readyBucket: Number.NaN,
    createdBucket: Number.NaN,
  };
}

function keysOf(pod: KObject): PodKeys {
  const condition = readyCondition(pod);
  const node: string | undefined = pod.spec?.nodeName || undefined;
  return {
    node,
    assigned: Number(!!node),
    phase: phaseRank(pod),
    ready: Number(condition?.status === "True"),
    cost: deletionCost(pod),
    readyAt: wallTime(condition?.lastTransitionTime),
    createdAt: wallTime(pod.metadata.creationTimestamp),
    restarts: maxRestarts(pod),
    uid: pod.metadata.uid ?? "",
  };
}

/** Negative when `a` should be deleted before `b`. */
function compareForDeletion(ra: Ranked, rb: Ranked): number {
  const a = ra.keys;
  const b = rb.keys;
  if (a.assigned !== b.assigned) return a.assigned - b.assigned;
  if (a.phase !== b.phase) return a.phase - b.phase;
  if (a.ready !== b.ready) return a.ready - b.ready;
  if (a.cost !== b.cost) return a.cost - b.cost;
  if (ra.rank !== rb.rank) return rb.rank - ra.rank;
  if (a.ready && b.ready && a.readyAt !== b.readyAt) {
    const byReady = newerFirst(a.readyAt, readyBucket(ra), b.readyAt, readyBucket(rb), a.uid, b.uid);
    if (byReady !== 0) return byReady;
  }
  if (a.restarts !== b.restarts) return b.restarts - a.restarts;
  if (a.createdAt !== b.createdAt)
    return newerFirst(a.createdAt, createdBucket(ra), b.createdAt, createdBucket(rb), a.uid, b.uid);
  return 0;
}

function readyBucket(r: Ranked): number {
  if (Number.isNaN(r.readyBucket)) r.readyBucket = ageBucket(r.keys.readyAt);
  return r.readyBucket;
}

function createdBucket(r: Ranked): number {
  if (Number.isNaN(r.createdBucket)) r.createdBucket = ageBucket(r.keys.createdAt);
  return r.createdBucket;
}

/** logBucket of the age at the running sort's instant (0 for a missing time, which newerFirst decides alone). */
function ageBucket(wall: number | undefined): number {
  return wall === undefined ? 0 : logBucket(rankingNow - wall);
}

function phaseRank(pod: KObject): number {
  return PHASE_ORDER[pod.status?.phase ?? "Pending"] ?? 0;
}

function deletionCost(pod: KObject): number {
  const cost = pod.metadata.annotations?.[POD_DELETION_COST];
  if (cost === undefined) return 0;
  const v = Number.parseInt(cost, 10);
  return Number.isNaN(v) ? 0 : v;
}

function maxRestarts(pod: KObject): number {
  let max = 0;
  for (const s of pod.status?.containerStatuses ?? []) max = Math.max(max, s.restartCount ?? 0);
  return max;
}

/**
 * The LogarithmicScaleDown comparison: times whose ages fall in the same power-of-two bucket (ages in
 * nanoseconds, as Go's time.Duration: `bucket` is logBucket of the age) are equal and ordered by uid;
 * otherwise the younger goes first. A missing time goes first (afterOrZero).
 */
function newerFirst(
  t1: number | undefined,
  bucket1: number,
  t2: number | undefined,
  bucket2: number,
  uid1: string,
  uid2: string,
): number {
  if (t1 === undefined || t2 === undefined) return t1 === undefined ? -1 : 1;
  if (bucket1 !== bucket2) return bucket1 - bucket2;
  return uid1 < uid2 ? -1 : uid1 > uid2 ? 1 : 0;
}

function logBucket(ageMs: number): number {
  return ageMs > 0 ? Math.floor(Math.log2(ageMs * 1e6)) : -1;
}
