/**
 * The garbage collector (background cascading deletion): an object whose owner references all point
 * at owners that no longer exist (same uid) is deleted, so deleting a Deployment removes its
 * ReplicaSets, and deleting a ReplicaSet its pods (which then terminate gracefully).
 */
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import { objectKey } from "../../store/state";
import type { Controller } from "../controller";
import { baseState } from "../podutil";

/** Resources whose objects can have owners in the sandbox. */
const DEPENDENT_RESOURCES = ["replicasets", "pods", "endpoints"] as const;

/** Buckets too large to be owners here, and never owners in the sandbox. */
const NOT_OWNERS = new Set(["events"]);

/** The garbage collector. */
export const garbageCollector: Controller = {
  name: "garbage-collector",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    const uids = ownerUids(base);
    let wrote = false;
    for (const resource of DEPENDENT_RESOURCES) {
      const bucket = base.objects[resource] ?? {};
      for (const key in bucket) {
        const obj = bucket[key] as KObject;
        const refs = obj.metadata.ownerReferences;
        if (!refs || refs.length === 0 || obj.metadata.deletionTimestamp) continue;
        if (refs.some((r) => uids.has(r.uid))) continue;
        ctx.api.delete(resource, obj.metadata.namespace, obj.metadata.name);
        ctx.decide(
          `${resource}/${objectKey(obj.metadata.namespace, obj.metadata.name)}`,
          `deleted ${obj.metadata.name}: its owner ${refs.map((r) => `${r.kind}/${r.name}`).join(", ")} is gone`,
        );
        wrote = true;
      }
    }
    return wrote;
  },
  nextWake: () => undefined,
};

const uidCache = new WeakMap<object, Set<string>>();

/** Every uid that can own something, memoized per objects value. */
function ownerUids(state: ClusterState): Set<string> {
  const cached = uidCache.get(state.objects);
  if (cached) return cached;
  const uids = new Set<string>();
  for (const resource in state.objects) {
    if (NOT_OWNERS.has(resource)) continue;
    const bucket = state.objects[resource] ?? {};
    for (const key in bucket) {
      const uid = bucket[key]?.metadata.uid;
      if (uid) uids.add(uid);
    }
  }
  uidCache.set(state.objects, uids);
  return uids;
}
