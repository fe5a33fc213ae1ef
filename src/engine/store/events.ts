/**
 * Events as the API server stores them (core/v1 Event): one object per (involved object, type, reason,
 * message) with a count and first/last seen, as the event recorder's correlator aggregates repeats.
 */
import { memoize } from "../model/memo";
import type { CoreEvent, KObject } from "../model/types";
import { correlateEvent } from "./event-aggregation";
import { EVENT_TTL_MS, getEvent, putEvent, putStored } from "./event-store";
import { type ClusterState, timestamp } from "./state";
import { type EventsApiRecorder, RecordedEvent } from "./stored-event";

/** The component that reported an event: `deployment-controller`, `replicaset-controller`, `kubelet`, `default-scheduler`. */
export interface EventSource {
  component: string;
  host?: string;
}

/**
 * Recorders of the events.k8s.io API (client-go tools/events): the scheduler. Its Eventf names an
 * action (`Scheduled` is recorded with action `Binding`), and NewRecorder sets reportingInstance to
 * `<reportingController>-<hostname>`: minikube's control plane runs on the host `minikube`.
 */
const EVENTS_API_RECORDERS: Record<string, EventsApiRecorder> = {
  "default-scheduler": {
    instance: "default-scheduler-minikube",
    actions: { Scheduled: "Binding", FailedScheduling: "Scheduling" },
  },
};

/** metav1.MicroTime as JSON (RFC3339Micro, `2006-01-02T15:04:05.000000Z07:00`) of a simulated instant. */
export function microTimestamp(state: Pick<ClusterState, "epoch">, simMs: number): string {
  return formatMicro(state.epoch + Math.floor(simMs));
}

// Remembered: the scheduler binds a batch of pods at one instant and records an event for each.
const formatMicro = memoize((wall: number) => new Date(wall).toISOString().replace(/Z$/, "000Z"));

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
  const uid = obj.metadata.uid ?? "";
  // Aggregation, counting and the spam filter of client-go's EventCorrelator, and the recorder's cache
  // that finds the stored event a repeat goes to (event-aggregation.ts).
  const c = correlateEvent(
    state,
    { uid, type, reason, message, component: source.component, host: source.host },
    () => newEventKey(state, ns, obj.metadata.name),
  );
  if (!c) return;
  const viaEventsApi = EVENTS_API_RECORDERS[source.component];
  const existing = c.isNew ? undefined : (getEvent(state, c.key) as CoreEvent);
  if (existing && viaEventsApi) {
    // tools/events: the first isomorphic repeat writes series {count: 2, lastObservedTime}; later ones
    // only bump the recorder's cached series until its 30-minute heartbeat, which is not modelled.
    if (existing.series) return;
    state.resourceVersion += 1;
    putEvent(state, c.key, {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(state.resourceVersion) },
      series: { count: 2, lastObservedTime: microTimestamp(state, state.now) },
    } as KObject);
    return;
  }
  state.resourceVersion += 1;
  if (existing) {
    // A stored event is shared with older snapshots: the repeat is a new value, never an edit in place.
    putEvent(state, c.key, {
      ...existing,
      metadata: { ...existing.metadata, resourceVersion: String(state.resourceVersion) },
      count: (existing.count ?? 1) + 1 + c.skipped,
      message: c.message,
      lastTimestamp: now,
    } as KObject);
    return;
  }
  const recorded = new RecordedEvent(
    {
      key: c.key,
      namespace: ns,
      uidCounter: state.uidCounter,
      resourceVersion: state.resourceVersion,
      created: now,
      involvedApiVersion: obj.apiVersion,
      involvedKind: obj.kind,
      involvedName: obj.metadata.name,
      involvedUid: obj.metadata.uid,
      involvedVersion: obj.metadata.resourceVersion,
      reason,
      message: c.message,
      type,
      count: 1 + c.skipped,
      firstTimestamp: c.firstSeen === undefined ? now : timestamp(state, c.firstSeen),
      component: source.component,
      host: source.host,
      eventsApi: viaEventsApi,
      eventTime: viaEventsApi && microTimestamp(state, state.now),
    },
    state.now + EVENT_TTL_MS,
  );
  putStored(state, c.key, recorded);
}

/**
 * The store key of a new event about `name`, taking the next uid counter (the event's uid comes from it).
 * Real event names are `<object>.<hex nanoseconds>`; a counter gives the same shape reproducibly:
 * 0x17f0000000000000 + counter, written without BigInt (the counter stays far below 16^13).
 */
function newEventKey(state: ClusterState, ns: string, name: string): string {
  state.uidCounter += 1;
  return `${ns}/${name}.17f${state.uidCounter.toString(16).padStart(13, "0")}`;
}
