/**
 * Pod helpers the replicaset, endpoints, kubelet and garbage-collector loops share: readiness, activity,
 * a read-only view of the state (no immer proxies on the hot path: reading 10,000 pods through a draft
 * would create 10,000 proxies per pass), and an index of pods by owner uid cached per pods bucket.
 */
import type { KObject } from "../model/types";
import type { Bucket } from "../store/bucket";
import type { ClusterState } from "../store/state";
import { committedState } from "../store/transaction";

/** The committed state a transaction's working state started from (or the state itself): read it freely, never write it. */
export function baseState(state: ClusterState): ClusterState {
  return committedState(state);
}

/** The Ready condition of a pod, if it has one. */
export function readyCondition(pod: KObject): { status: string; lastTransitionTime?: string } | undefined {
  // A loop, not find with an arrow: asked for every pod on every count, rank and claim.
  for (const c of pod.status?.conditions ?? NONE) if (c.type === "Ready") return c;
  return undefined;
}

const NONE: readonly KObject[] = [];

/** True when the pod's Ready condition is True (podutil.IsPodReady). */
export function isPodReady(pod: KObject): boolean {
  return readyCondition(pod)?.status === "True";
}

/** Active: not Succeeded/Failed and no deletionTimestamp (controller.IsPodActive). */
export function isPodActive(pod: KObject): boolean {
  const phase = pod.status?.phase;
  return phase !== "Succeeded" && phase !== "Failed" && !pod.metadata.deletionTimestamp;
}

/** The uid of the controlling owner reference, if any. */
export function controllerUid(obj: KObject): string | undefined {
  for (const r of obj.metadata.ownerReferences ?? NONE) if (r.controller) return r.uid;
  return undefined;
}

const ownerIndexCache = new WeakMap<object, Map<string, KObject[]>>();

/**
 * Each chunk's pods by controller uid, keyed by the chunk's token (Bucket.chunkToken: the same object
 * exactly where the chunk is unchanged). A scale-down of 10,000 pods rebuilt the whole index at each of
 * its 20 syncs, reading the owner references of 20,000 pods scattered over the heap each time; most
 * chunks had not changed since the sync before.
 */
const ownersByChunk = new WeakMap<object, Map<string, KObject[]>>();

/** The podsByOwner key of the pods that have no controller (orphans, for the ReplicaSet's adoption). */
export const ORPHANS = "<orphans>";

/** Pods by the uid of their controller (ORPHANS: none), in bucket order, computed once per pods bucket value (buckets are immutable between commits). */
export function podsByOwner(state: ClusterState): Map<string, KObject[]> {
  const bucket = baseState(state).objects.pods;
  if (!bucket) return NO_PODS;
  let index = ownerIndexCache.get(bucket);
  if (!index) {
    index = new Map();
    for (let n = 0; n < bucket.chunkCount; n++) {
      for (const [uid, pods] of chunkOwners(bucket, n)) {
        const list = index.get(uid);
        if (list) for (const pod of pods) list.push(pod);
        else index.set(uid, pods.slice());
      }
    }
    ownerIndexCache.set(bucket, index);
  }
  return index;
}

/** The pods of chunk `n` by controller uid (remembered per chunk token). */
function chunkOwners(bucket: Bucket<KObject>, n: number): Map<string, KObject[]> {
  const token = bucket.chunkToken(n);
  if (!token) return NO_PODS;
  let owners = ownersByChunk.get(token);
  if (!owners) {
    const found = new Map<string, KObject[]>();
    bucket.forEachInChunk(n, (pod) => {
      const uid = controllerUid(pod) ?? ORPHANS;
      const list = found.get(uid);
      if (list) list.push(pod);
      else found.set(uid, [pod]);
    });
    ownersByChunk.set(token, found);
    owners = found;
  }
  return owners;
}

const NO_PODS = new Map<string, KObject[]>();
