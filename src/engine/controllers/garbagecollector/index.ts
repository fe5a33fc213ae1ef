/**
 * The garbage collector (background cascading deletion): an object whose owner references all point
 * at owners that no longer exist (same uid) is deleted, so deleting a Deployment removes its
 * ReplicaSets, and deleting a ReplicaSet its pods (which then terminate gracefully).
 *
 * An owner is looked up as the real collector does (garbagecollector.go isDangling): by the reference's
 * apiVersion and kind, the dependent's namespace and the owner's name, then compared by uid; a kind
 * the server does not serve is never taken for gone. One lookup per reference, instead of a set of
 * every uid rebuilt on each pass (20,000 uids while 10,000 pods roll over).
 */
import { readStored } from "../../api/storage";
import { memoize } from "../../model/memo";
import { type ResourceType, resourceTypeForKind } from "../../model/resources";
import type { KObject, OwnerReference } from "../../model/types";
import type { Bucket } from "../../store/bucket";
import type { ClusterState } from "../../store/state";
import { objectKey } from "../../store/state";
import type { Controller } from "../controller";
import { baseState } from "../podutil";
import { OwnerRefIndex } from "./ref-index";

/** Resources whose objects can have owners in the sandbox. */
const DEPENDENT_RESOURCES = ["replicasets", "pods", "endpoints"] as const;

/**
 * The objects of the latest pass that deleted nothing: no dependent there had only dangling owner
 * references. A pass reads again only the dependents that changed since then, unless an owner
 * some dependent names disappeared (or came back with another uid): then it reads all of them. Reading
 * all 20,000 pods' references in each of 61 rounds was most of the collector's time in a 10,000-replica
 * rollout. A cache: any other value only makes the pass read more.
 */
let lastQuiet: Record<string, Bucket<KObject>> | undefined;
const references = new OwnerRefIndex();

/** The garbage collector. */
export const garbageCollector: Controller = {
  name: "garbage-collector",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    for (const resource of DEPENDENT_RESOURCES) references.follow(resource, base.objects[resource]);
    const since = lastQuiet && !namedOwnerLost(base.objects, lastQuiet) ? lastQuiet : undefined;
    let wrote = false;
    for (const resource of DEPENDENT_RESOURCES) {
      base.objects[resource]?.forEachChanged(since?.[resource], (obj) => {
        const refs: OwnerReference[] | undefined = obj.metadata.ownerReferences;
        if (!refs || refs.length === 0 || obj.metadata.deletionTimestamp) return;
        if (!refs.every((r) => isDangling(base, obj, r))) return;
        ctx.api.delete(resource, obj.metadata.namespace, obj.metadata.name);
        ctx.decide(
          `${resource}/${objectKey(obj.metadata.namespace, obj.metadata.name)}`,
          `deleted ${obj.metadata.name}: its owner ${refs.map((r) => `${r.kind}/${r.name}`).join(", ")} is gone`,
        );
        wrote = true;
      });
    }
    // A deletion can leave its own dependents dangling in the result, so only a quiet pass is a baseline.
    lastQuiet = wrote ? undefined : base.objects;
    return wrote;
  },
  nextWake: () => undefined,
};

/** True when an object some dependent names as its owner is gone from `now`, or has another uid there. */
function namedOwnerLost(
  now: Record<string, Bucket<KObject>>,
  before: Record<string, Bucket<KObject>>,
): boolean {
  for (const resource of Object.keys(before)) {
    const old = before[resource];
    const cur = now[resource];
    if (!old || old === cur) continue;
    let lost = false;
    old.forEachChanged(cur, (o, key) => {
      const uid = o.metadata.uid ?? "";
      // Whether anyone names it first: most entries are pods, which own nothing, so no lookup is needed.
      if (!lost && references.isReferenced(uid) && cur?.get(key)?.metadata.uid !== uid) lost = true;
    });
    if (lost) return true;
  }
  return false;
}

/** True when the owner `ref` names is not there: no object of its kind and name, or one with another uid. */
function isDangling(state: ClusterState, dependent: KObject, ref: OwnerReference): boolean {
  const t = ownerType(ref);
  if (!t) return false;
  const owner = readStored(state, t, dependent.metadata.namespace, ref.name);
  return owner?.metadata.uid !== ref.uid;
}

/** The served type of an owner reference's apiVersion and kind (memoized: one per pod and pass otherwise). */
function ownerType(ref: OwnerReference): ResourceType | undefined {
  return typeOfOwner(JSON.stringify([ref.apiVersion, ref.kind]));
}

/** By `[apiVersion, kind]` as JSON: any two strings, kept apart exactly (references are what users write). */
const typeOfOwner = memoize((id: string) => {
  // JSON writes a missing apiVersion as null; the lookup takes it as missing again.
  const [apiVersion, kind] = JSON.parse(id) as [string | null, string];
  return resourceTypeForKind(kind, apiVersion ?? undefined);
}, 1024);
