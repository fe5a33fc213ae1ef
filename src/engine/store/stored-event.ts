/**
 * How one event is kept in the event store: with the instant its hour runs out (event-expiry.ts), and
 * either as the API object a client wrote (`ApiEvent`) or, for what the recorder writes, flat
 * (`RecordedEvent`). A 10,000-replica rollout records about 55,000 events that nothing reads unless a
 * learner asks; each was four objects plus a uid and a resourceVersion string, all copied twice by the
 * young-generation GC before they settled. A recorded event keeps the recorder's values in one flat
 * object, and its API object is built the first time it is read (and kept for later reads).
 */
import type { KObject } from "../model/types";
import { frozenLikeStored } from "./bucket";
import type { EventFacts } from "./event-aggregation";
import type { EventSource } from "./events";
import { uidFor } from "./uid";

/** An event in the store: its API object and when it expires (simulated ms: its latest write + the TTL). */
export interface StoredEvent {
  readonly object: KObject;
  readonly expires: number;
}

/** An event object written through the API (or a repeat of a recorded one), kept as written. */
class ApiEvent implements StoredEvent {
  constructor(
    readonly object: KObject,
    readonly expires: number,
  ) {}
}

/** `object` as stored, expiring at `expires`. */
export function storedEvent(object: KObject, expires: number): StoredEvent {
  return new ApiEvent(object, expires);
}

/** The events.k8s.io recorder's fields of an event (tools/events), where the recorder used that API. */
export interface EventsApiFields {
  eventTime: string;
  action: string | undefined;
  instance: string;
}

/**
 * What the recorder knows of a new event: every field of its API object, none nested. The involved
 * object's reference fields, not the object: an event outlives its pod by up to an hour.
 */
export interface RecordedFields {
  name: string;
  namespace: string;
  /** The uid counter the event's uid comes from (uidFor). */
  uidCounter: number;
  resourceVersion: number;
  /** The creation (and last) timestamp. */
  created: string;
  involvedApiVersion: string;
  involvedKind: string;
  involvedName: string;
  involvedUid: string | undefined;
  involvedVersion: string | undefined;
  reason: string;
  message: string;
  type: string;
  count: number;
  firstTimestamp: string;
  source: EventSource;
  eventsApi: EventsApiFields | undefined;
}

/** API objects already built for recorded events: only events that were read have one. */
const built = new WeakMap<RecordedEvent, KObject>();

/** A new event as the recorder made it (events.ts), kept flat; `object` builds its API object once. */
export class RecordedEvent implements StoredEvent {
  constructor(
    private readonly f: Readonly<RecordedFields>,
    readonly expires: number,
  ) {}

  /** The core/v1 Event, built on first read; the same object on every later read. */
  get object(): KObject {
    let object = built.get(this);
    if (!object) {
      // Frozen where tests run, as every stored object is: a reader that edits it fails loudly.
      object = frozenLikeStored(this.build());
      built.set(this, object);
    }
    return object;
  }

  /** What the correlator looked at when it recorded this event (the same as read from `object`). */
  facts(): EventFacts {
    const f = this.f;
    return {
      uid: f.involvedUid ?? "",
      type: f.type,
      reason: f.reason,
      message: f.message,
      component: f.source.component,
      // Through the events API the stored source is empty (asEventsApiEvent).
      host: f.eventsApi ? undefined : f.source.host,
    };
  }

  private build(): KObject {
    const f = this.f;
    // Fields in the order the recorder wrote them (tools/record makeEvent), which `-o yaml` keeps.
    const event: Record<string, unknown> = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        name: f.name,
        namespace: f.namespace,
        creationTimestamp: f.created,
        resourceVersion: String(f.resourceVersion),
        uid: uidFor(f.uidCounter),
      },
      involvedObject: {
        apiVersion: f.involvedApiVersion,
        kind: f.involvedKind,
        name: f.involvedName,
        namespace: f.namespace,
        uid: f.involvedUid,
        resourceVersion: f.involvedVersion,
      },
      reason: f.reason,
      message: f.message,
      type: f.type,
      count: f.count,
      firstTimestamp: f.firstTimestamp,
      lastTimestamp: f.created,
      source: f.source,
      // The old recorder (tools/record makeEvent) leaves EventTime zero: a zero metav1.MicroTime is a
      // struct, so `omitempty` keeps it and it marshals as JSON null (`eventTime: null` in -o yaml).
      eventTime: null,
      reportingComponent: "",
      reportingInstance: "",
    };
    if (f.eventsApi) asEventsApiEvent(event, f.eventsApi);
    return event as unknown as KObject;
  }
}

/**
 * An events.k8s.io Event as the API server shows it through core/v1 (pkg/apis/events/v1 conversion):
 * eventTime, action and reportingController/Instance are set; the deprecated fields (source, count,
 * first/lastTimestamp) stay zero, so `count` is omitted, the timestamps are null and `source: {}`.
 */
function asEventsApiEvent(event: Record<string, unknown>, api: EventsApiFields): void {
  const source = event.source as EventSource;
  event.eventTime = api.eventTime;
  if (api.action) event.action = api.action;
  event.reportingComponent = source.component;
  event.reportingInstance = api.instance;
  event.source = {};
  event.firstTimestamp = null;
  event.lastTimestamp = null;
  delete event.count;
}
