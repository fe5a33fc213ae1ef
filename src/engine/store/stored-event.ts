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

/** A recorder of the events.k8s.io API (client-go tools/events): what it sets on every event it writes. */
export interface EventsApiRecorder {
  /** reportingInstance: `<reportingController>-<hostname>`. */
  instance: string;
  /** The action it names for each reason (`Scheduled` is recorded with action `Binding`). */
  actions: Record<string, string>;
}

/**
 * What the recorder knows of a new event: every field of its API object, none nested. The involved
 * object's reference fields, not the object: an event outlives its pod by up to an hour.
 */
export interface RecordedFields {
  /** The store key, `namespace/name` (the name is read from it). */
  key: string;
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
  component: string;
  host: string | undefined;
  /** Where the recorder used the events.k8s.io API: the recorder, and the event's eventTime. */
  eventsApi: EventsApiRecorder | undefined;
  eventTime: string | undefined;
}

/** API objects already built for recorded events: only events that were read have one. */
const built = new WeakMap<RecordedEvent, KObject>();

/**
 * A new event as the recorder made it (events.ts), its values in one flat object; `object` builds its
 * API object once. Flat, with the name read from the key and the source and events-API parts kept as
 * shared values: each nested object or extra string was paid for 55,000 times in a 10,000-replica
 * rollout, and twice more when the young-generation GC copied it.
 */
export class RecordedEvent implements StoredEvent {
  readonly key: string;
  readonly namespace: string;
  readonly uidCounter: number;
  readonly resourceVersion: number;
  readonly created: string;
  readonly involvedApiVersion: string;
  readonly involvedKind: string;
  readonly involvedName: string;
  readonly involvedUid: string | undefined;
  readonly involvedVersion: string | undefined;
  readonly reason: string;
  readonly message: string;
  readonly type: string;
  readonly count: number;
  readonly firstTimestamp: string;
  readonly component: string;
  readonly host: string | undefined;
  readonly eventsApi: EventsApiRecorder | undefined;
  readonly eventTime: string | undefined;

  constructor(
    f: Readonly<RecordedFields>,
    readonly expires: number,
  ) {
    this.key = f.key;
    this.namespace = f.namespace;
    this.uidCounter = f.uidCounter;
    this.resourceVersion = f.resourceVersion;
    this.created = f.created;
    this.involvedApiVersion = f.involvedApiVersion;
    this.involvedKind = f.involvedKind;
    this.involvedName = f.involvedName;
    this.involvedUid = f.involvedUid;
    this.involvedVersion = f.involvedVersion;
    this.reason = f.reason;
    this.message = f.message;
    this.type = f.type;
    this.count = f.count;
    this.firstTimestamp = f.firstTimestamp;
    this.component = f.component;
    this.host = f.host;
    this.eventsApi = f.eventsApi;
    this.eventTime = f.eventTime;
  }

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
    return {
      uid: this.involvedUid ?? "",
      type: this.type,
      reason: this.reason,
      message: this.message,
      component: this.component,
      // Through the events API the stored source is empty (asEventsApiEvent).
      host: this.eventsApi ? undefined : this.host,
    };
  }

  private build(): KObject {
    // Fields in the order the recorder wrote them (tools/record makeEvent), which `-o yaml` keeps.
    const event: Record<string, unknown> = {
      apiVersion: "v1",
      kind: "Event",
      metadata: {
        name: this.key.slice(this.namespace.length + 1),
        namespace: this.namespace,
        creationTimestamp: this.created,
        resourceVersion: String(this.resourceVersion),
        uid: uidFor(this.uidCounter),
      },
      involvedObject: {
        apiVersion: this.involvedApiVersion,
        kind: this.involvedKind,
        name: this.involvedName,
        namespace: this.namespace,
        uid: this.involvedUid,
        resourceVersion: this.involvedVersion,
      },
      reason: this.reason,
      message: this.message,
      type: this.type,
      count: this.count,
      firstTimestamp: this.firstTimestamp,
      lastTimestamp: this.created,
      source:
        this.host === undefined
          ? { component: this.component }
          : { component: this.component, host: this.host },
      // The old recorder (tools/record makeEvent) leaves EventTime zero: a zero metav1.MicroTime is a
      // struct, so `omitempty` keeps it and it marshals as JSON null (`eventTime: null` in -o yaml).
      eventTime: null,
      reportingComponent: "",
      reportingInstance: "",
    };
    if (this.eventsApi) asEventsApiEvent(event, this.eventsApi, this.reason, this.eventTime ?? null);
    return event as unknown as KObject;
  }
}

/**
 * An events.k8s.io Event as the API server shows it through core/v1 (pkg/apis/events/v1 conversion):
 * eventTime, action and reportingController/Instance are set; the deprecated fields (source, count,
 * first/lastTimestamp) stay zero, so `count` is omitted, the timestamps are null and `source: {}`.
 */
function asEventsApiEvent(
  event: Record<string, unknown>,
  recorder: EventsApiRecorder,
  reason: string,
  eventTime: string | null,
): void {
  const source = event.source as EventSource;
  event.eventTime = eventTime;
  const action = recorder.actions[reason];
  if (action) event.action = action;
  event.reportingComponent = source.component;
  event.reportingInstance = recorder.instance;
  event.source = {};
  event.firstTimestamp = null;
  event.lastTimestamp = null;
  delete event.count;
}
