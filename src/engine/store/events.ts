/**
 * Events as the API server stores them (core/v1 Event): one object per (involved object, type, reason,
 * message) with a count and first/last seen, as the event recorder's correlator aggregates repeats.
 */
import type { CoreEvent, KObject } from "../model/types";
import { correlateEvent } from "./event-aggregation";
import { correlatedEvent, getEvent, putEvent, rememberCorrelation } from "./event-store";
import { type ClusterState, timestamp } from "./state";

/** The component that reported an event: `deployment-controller`, `replicaset-controller`, `kubelet`, `default-scheduler`. */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * Records an event about `obj` in the draft state. A repeat of the same type, reason and message on the
 * same object bumps `count` and `lastTimestamp` instead of adding an object, as the real recorder does.
 */
export function recordEvent(
  state: ClusterState,
  obj: KObject,
  type: "Normal" | "Warning",
  reason: string,
  message: string,
  source: EventSource,
): void {
  const ns = obj.metadata.namespace ?? "default";
  const now = timestamp(state, state.now);
  // The correlator's index: aggregation key → event key, so a repeat is found without scanning every event.
  const uid = obj.metadata.uid ?? "";
  // Aggregation, counting and the spam filter of client-go's EventCorrelator (event-aggregation.ts).
  const c = correlateEvent(state, {
    uid,
    type,
    reason,
    message,
    component: source.component,
    host: source.host,
  });
  if (!c) return;
  const correlation = c.key;
  const existingKey = correlatedEvent(state, uid, correlation);
  const existing = existingKey ? (getEvent(state, existingKey) as CoreEvent | undefined) : undefined;
  state.resourceVersion += 1;
  if (existing) {
    existing.count = (existing.count ?? 1) + 1 + c.skipped;
    existing.message = c.message;
    existing.lastTimestamp = now;
    existing.metadata.resourceVersion = String(state.resourceVersion);
    return;
  }
  state.uidCounter += 1;
  // Real event names are `<object>.<hex nanoseconds>`; a counter gives the same shape reproducibly.
  const name = `${obj.metadata.name}.${(0x17f0000000000000n + BigInt(state.uidCounter)).toString(16)}`;
  const event: CoreEvent = {
    apiVersion: "v1",
    kind: "Event",
    metadata: {
      name,
      namespace: ns,
      creationTimestamp: now,
      resourceVersion: String(state.resourceVersion),
      uid: `event-${state.uidCounter}`,
    },
    involvedObject: {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      namespace: ns,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    },
    reason,
    message: c.message,
    type,
    count: 1 + c.skipped,
    firstTimestamp: c.firstSeen === undefined ? now : timestamp(state, c.firstSeen),
    lastTimestamp: now,
    source,
    reportingComponent: "",
    reportingInstance: "",
  };
  putEvent(state, `${ns}/${name}`, event as KObject);
  rememberCorrelation(state, uid, correlation, `${ns}/${name}`);
}
