/**
 * Where the API server keeps objects: `state.objects[resource].get(key)` (a Bucket), except events, which live in
 * chunks (store/event-store.ts) because they outnumber everything else.
 */
import type { ResourceType } from "../model/resources";
import type { KObject } from "../model/types";
import { Bucket } from "../store/bucket";
import { allEvents, getEvent, putEvent, removeEvent } from "../store/event-store";
import { type ClusterState, objectKey } from "../store/state";
import { editObjects } from "../store/transaction";

/** The stored object of type `t` named `name` (in `namespace` when namespaced). */
export function readStored(
  state: ClusterState,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
): KObject | undefined {
  const key = objectKey(t.namespaced ? namespace : undefined, name);
  return t.resource === "events" ? getEvent(state, key) : state.objects[t.resource]?.get(key);
}

/** Stores (adds or replaces) `obj`, in the draft state. */
export function writeStored(state: ClusterState, t: ResourceType, obj: KObject): void {
  const key = objectKey(t.namespaced ? obj.metadata.namespace : undefined, obj.metadata.name);
  if (t.resource === "events") putEvent(state, key, obj);
  else {
    const objects = editObjects(state);
    objects[t.resource] = (objects[t.resource] ?? Bucket.empty()).with(key, obj);
  }
}

/** Removes the stored object, in the draft state (nothing happens when it is not there). */
export function deleteStored(
  state: ClusterState,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
): void {
  const key = objectKey(t.namespaced ? namespace : undefined, name);
  if (t.resource === "events") removeEvent(state, key);
  else {
    const bucket = state.objects[t.resource];
    if (bucket?.has(key)) editObjects(state)[t.resource] = bucket.without(key);
  }
}

/** The stored objects of a type, sorted by key (namespace, then name), as the API server lists them. */
export function listStored(state: ClusterState, t: ResourceType, namespace?: string): KObject[] {
  const stored = t.resource === "events" ? allEvents(state) : (state.objects[t.resource]?.values() ?? []);
  const items = stored.filter(
    (o) => namespace === undefined || !t.namespaced || o.metadata.namespace === namespace,
  );
  return items.sort((a, b) => compareKeys(a, b));
}

function compareKeys(a: KObject, b: KObject): number {
  const ka = objectKey(a.metadata.namespace, a.metadata.name);
  const kb = objectKey(b.metadata.namespace, b.metadata.name);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
