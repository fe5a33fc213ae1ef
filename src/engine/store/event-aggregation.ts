/**
 * client-go's EventCorrelator (tools/record/events_cache.go), which every kube-controller-manager
 * controller and the kubelet run before an event reaches the API server:
 *
 *  1. Aggregation (EventAggregator): events that differ only in their message (same source, object, type,
 *     reason: `FailedCreate` with a new pod name each time) are counted per group. Groups last 600 s
 *     after their latest event. The 10th distinct message within a group, and every new one after it,
 *     becomes one event `(combined from similar events): <latest message>` whose count grows.
 *  2. Counting (eventLogger): a repeat of the same key bumps `count` of the stored event, and the
 *     counts of repeats the spam filter dropped are not lost (the logger counted them before filtering).
 *  3. Spam filter (EventSourceObjectSpamFilter): a token bucket per source + object, 25 tokens, refilled
 *     at 1 per 300 s. An event that finds the bucket empty is dropped.
 *
 * The scheduler records through the newer events API (tools/events), which has no correlator: its events
 * pass unchanged. Not modelled: the 4,096-entry LRU caches (a learner's cluster never fills them) and the
 * random choice of the message dropped from a full group (here: the oldest, for reproducibility).
 */
import { Bucket } from "./bucket";
import { byUidChunk, editChunk, editEvents, uidChunk } from "./event-store";
import type { ClusterState } from "./state";

/** Distinct messages of a group before the next one is combined (defaultAggregateMaxEvents). */
export const AGGREGATE_MAX_EVENTS = 10;
/** A group is forgotten this long after its latest event (defaultAggregateIntervalInSeconds = 600). */
export const AGGREGATE_INTERVAL_MS = 600_000;
/** Events a source may record about one object at once (defaultSpamBurst). */
export const SPAM_BURST = 25;
/** One token comes back every 300 s (defaultSpamQPS = 1/300). */
export const SPAM_REFILL_MS = 300_000;
/** The prefix of a combined event's message (EventAggregatorByReasonMessageFunc). */
export const COMBINED_PREFIX = "(combined from similar events): ";

/** What the correlator decided for an event that is recorded (not dropped). */
export interface Correlated {
  /** The message to store: the original, or the combined one. */
  message: string;
  /** The key a repeat of this event is found under (full key, or the group's key for a combined event). */
  key: string;
  /** Earlier repeats under `key` the spam filter dropped: they count (count = stored + skipped + 1). */
  skipped: number;
  /** When `key` was first observed, if that observation was dropped (the event's firstTimestamp). */
  firstSeen?: number;
}

/** The fields of an event the correlator looks at. */
export interface EventFacts {
  uid: string;
  type: string;
  reason: string;
  message: string;
  component: string;
  host?: string;
}

/** An aggregation group: the events of one type and reason (the source and object are the record's). */
interface Group {
  readonly type: string;
  readonly reason: string;
  /** Simulated ms of the group's latest event. */
  readonly at: number;
  /** Distinct messages seen, oldest first (at most AGGREGATE_MAX_EVENTS - 1 kept). */
  readonly messages: readonly string[];
}

/**
 * One source + object (the spam key): its token bucket, aggregation groups and dropped repeats. The
 * groups are a short list (a pod's kubelet has five: Pulling, Pulled, Created, Started, Killing) found
 * by type and reason, not a record keyed by `type|reason`: that made a key string per event and a
 * dictionary-mode object per record, copied on each of the 55,000 events of a 10,000-replica rollout.
 */
export interface SourceRecord {
  tokens: number;
  at: number;
  /** Replaced, never changed: the list and its groups are shared with the stored record. */
  groups: readonly Group[];
  skipped?: Record<string, { n: number; first: number }>;
}

/** Sources whose recorder has no correlator (the scheduler uses the events.k8s.io recorder). */
const UNCORRELATED = new Set(["default-scheduler"]);

/** The correlation key of an event that is not aggregated: every field that makes it distinct. */
export function eventKey(e: EventFacts): string {
  return `${e.uid}|${e.type}|${e.reason}|${e.component}|${e.host ?? ""}|${e.message}`;
}

/** The correlation key of a combined event: the group's (source, object, type, reason), without the message. */
export function combinedKey(e: EventFacts): string {
  return `${e.uid}|${e.type}|${e.reason}|${e.component}|${e.host ?? ""}|\u0000combined`;
}

/**
 * Drops the record of each event's source + object once it is at rest, when keeping it changes nothing: the
 * bucket has refilled to SPAM_BURST (25 tokens at 1 per 300 s: at most 7,500 s), every group is older
 * than AGGREGATE_INTERVAL_MS (a new event starts it afresh anyway) and no dropped repeat waits to be
 * counted. A fresh record behaves the same, so a long session does not keep one per deleted pod.
 */
export function forgetIdleSources(state: ClusterState, sources: readonly EventFacts[]): void {
  const all = editEvents(state).sources;
  for (const [id, facts] of byUidChunk(sources)) {
    editChunk(all, id, (chunk) => {
      let rest = chunk;
      for (const e of facts) {
        const key = spamKey(e);
        const rec = rest.get(key);
        if (rec && atRest(rec, state.now)) rest = rest.without(key);
      }
      return rest;
    });
  }
}

/** The spam filter's key (getSpamKey): the source and the object, not the reason or message. */
function spamKey(e: EventFacts): string {
  return `${e.uid}|${e.component}|${e.host ?? ""}`;
}

function atRest(rec: SourceRecord, now: number): boolean {
  if (rec.skipped && Object.keys(rec.skipped).length > 0) return false;
  if (rec.tokens + (now - rec.at) / SPAM_REFILL_MS < SPAM_BURST) return false;
  for (const g of rec.groups) if (now - g.at <= AGGREGATE_INTERVAL_MS) return false;
  return true;
}

/**
 * Runs the correlator over an event about to be recorded at `state.now`, in the draft state. Returns
 * undefined when the spam filter drops it. Example: the 10th FailedCreate (each naming another pod)
 * within 600 s returns message `(combined from similar events): Error creating: …` and the group's key.
 */
export function correlateEvent(state: ClusterState, e: EventFacts): Correlated | undefined {
  if (UNCORRELATED.has(e.component)) return { message: e.message, key: eventKey(e), skipped: 0 };
  const now = state.now;
  const id = uidChunk(e.uid);
  const key = spamKey(e);
  const rec = sourceRecord(state.events.sources[id]?.get(key), now);
  const decided = correlate(rec, e, now);
  const all = editEvents(state).sources;
  all[id] = (all[id] ?? Bucket.empty()).with(key, rec);
  return decided;
}

/** Aggregation, the spam filter and the count of dropped repeats, on `rec` (a copy the caller stores back). */
function correlate(rec: SourceRecord, e: EventFacts, now: number): Correlated | undefined {
  let message = e.message;
  let key = eventKey(e);
  if (aggregate(rec, e, now)) {
    message = COMBINED_PREFIX + e.message;
    key = combinedKey(e);
  }
  if (!takeToken(rec, now)) {
    rec.skipped ??= {};
    const s = rec.skipped[key];
    rec.skipped[key] = { n: (s?.n ?? 0) + 1, first: s?.first ?? now };
    return undefined;
  }
  const dropped = rec.skipped?.[key];
  if (!dropped) return { message, key, skipped: 0 };
  delete rec.skipped?.[key];
  return { message, key, skipped: dropped.n, firstSeen: dropped.first };
}

/**
 * A copy of the source + object's record (or a fresh one) whose own fields and maps may be changed; the
 * groups and skipped counts in them are shared with the stored record and replaced, never changed.
 */
function sourceRecord(rec: SourceRecord | undefined, now: number): SourceRecord {
  if (!rec) return { tokens: SPAM_BURST, at: now, groups: [] };
  const copy: SourceRecord = { tokens: rec.tokens, at: rec.at, groups: rec.groups };
  if (rec.skipped) copy.skipped = { ...rec.skipped };
  return copy;
}

/** EventAggregate: true when this event is to be combined with its group (whose new value goes into `rec`). */
function aggregate(rec: SourceRecord, e: EventFacts, now: number): boolean {
  const groups = rec.groups;
  let i = 0;
  while (
    i < groups.length &&
    !((groups[i] as Group).type === e.type && (groups[i] as Group).reason === e.reason)
  )
    i++;
  const stored = groups[i];
  const fresh = !stored || now - stored.at > AGGREGATE_INTERVAL_MS;
  let messages: readonly string[] = fresh ? [] : stored.messages;
  if (!messages.includes(e.message)) messages = [...messages, e.message];
  // The set never grows past the maximum: one message leaves (Go's PopAny; here the oldest).
  const combined = messages.length >= AGGREGATE_MAX_EVENTS;
  if (combined) messages = messages.slice(1);
  const next = groups.slice();
  next[i] = { type: e.type, reason: e.reason, at: now, messages };
  rec.groups = next;
  return combined;
}

/** The spam filter's TryAccept on a bucket refilled continuously at 1 token per SPAM_REFILL_MS. */
function takeToken(rec: SourceRecord, now: number): boolean {
  rec.tokens = Math.min(SPAM_BURST, rec.tokens + (now - rec.at) / SPAM_REFILL_MS);
  rec.at = now;
  if (rec.tokens < 1) return false;
  rec.tokens -= 1;
  return true;
}
