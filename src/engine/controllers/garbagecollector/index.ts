/**
 * The garbage collector (background cascading deletion): an object whose owner references all point
 * at owners that no longer exist (same name and uid) is deleted, so deleting a Deployment removes its
 * ReplicaSets, and deleting a ReplicaSet its pods (which then terminate gracefully).
 */
import { resourceTypeForKind } from "../../model/resources";
import type { KObject } from "../../model/types";
import { objectKey } from "../../store/state";
import type { Controller } from "../controller";
import { baseState } from "../podutil";

/** Resources whose objects can have owners in the sandbox. */
const DEPENDENT_RESOURCES = ["replicasets", "pods", "endpoints", "events"] as const;

let lastClean: unknown[] | undefined;

/** The garbage collector. */
export const garbageCollector: Controller = {
  name: "garbage-collector",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    const buckets = Object.keys(base.objects)
      .sort()
      .map((r) => base.objects[r]);
    if (lastClean && lastClean.length === buckets.length && buckets.every((b, i) => b === lastClean?.[i]))
      return false;
    let wrote = false;
    for (const resource of DEPENDENT_RESOURCES) {
      for (const obj of Object.values(base.objects[resource] ?? {})) {
        const refs = obj.metadata.ownerReferences ?? [];
        if (refs.length === 0 || obj.metadata.deletionTimestamp) continue;
        if (refs.some((r) => ownerExists(base.objects, obj, r))) continue;
        ctx.api.delete(resource, obj.metadata.namespace, obj.metadata.name);
        ctx.decide(
          `${resource}/${objectKey(obj.metadata.namespace, obj.metadata.name)}`,
          `deleted ${obj.metadata.name}: its owner ${refs.map((r) => `${r.kind}/${r.name}`).join(", ")} is gone`,
        );
        wrote = true;
      }
    }
    if (!wrote) lastClean = buckets;
    return wrote;
  },
  nextWake: () => undefined,
};

function ownerExists(
  objects: Record<string, Record<string, KObject>>,
  obj: KObject,
  ref: { kind: string; name: string; uid: string; apiVersion: string },
): boolean {
  const t = resourceTypeForKind(ref.kind, ref.apiVersion);
  // An owner of a kind the sandbox does not serve cannot be checked: keep the dependent.
  if (!t) return true;
  const owner = objects[t.resource]?.[objectKey(t.namespaced ? obj.metadata.namespace : undefined, ref.name)];
  return !!owner && owner.metadata.uid === ref.uid;
}
