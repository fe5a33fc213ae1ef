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
 * pass unchanged, and only the cache below applies.
 *
 * Each source + object's record also holds the recorders' cache entries (the eventLogger's, by type,
 * reason and message; the group's for a combined event): the stored event a repeat goes to. They were
 * an index of their own, keyed by a string of all six fields: two more store reads and writes and a
 * 150-character key per event, 55,000 times in a 10,000-replica rollout.
 *
 * Not modelled: the 4,096-entry LRU caches (a learner's cluster never fills them) and the random
 * choice of the message dropped from a full group (here: the oldest, for reproducibility).
 */
import { Bucket } from "./bucket";
import { byUidChunk, editChunk, editEvents, hasEvent, uidChunk } from "./event-store";
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
  /** The store key of the event to write: the stored one a repeat goes to, or the new event's. */
  key: string;
  /** True when `key` names a new event (no stored event matched). */
  isNew: boolean;
  /** Earlier repeats the spam filter dropped: they count (count = stored + skipped + 1). */
  skipped: number;
  /** When the repeat was first observed, if that observation was dropped (the event's firstTimestamp). */
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

/** A cache entry: the event of this type, reason and message (none: the group's combined event) is stored under `key`. */
interface Cached {
  readonly type: string;
  readonly reason: string;
  readonly message: string | undefined;
  readonly key: string;
}

/**
 * One source + object (the spam key): its token bucket, aggregation groups, dropped repeats and cache
 * entries. Groups and entries are short lists (a pod's kubelet has five: Pulling, Pulled, Created,
 * Started, Killing) found by type, reason and message, not records keyed by strings made for each event.
 */
export interface SourceRecord {
  tokens: number;
  at: number;
  /** Replaced, never changed: the list and its groups are shared with the stored record. */
  groups: readonly Group[];
  /** Replaced, never changed, as `groups`; an entry leaves when its event expires. */
  cached: readonly Cached[];
  /** Dropped repeats by `dropKey`, waiting to be counted. */
  skipped?: Record<string, { n: number; first: number }>;
}

/** Sources whose recorder has no correlator (the scheduler uses the events.k8s.io recorder). */
const UNCORRELATED = new Set(["default-scheduler"]);

/** The spam filter's key (getSpamKey): the source and the object, not the reason or message. */
function spamKey(e: EventFacts): string {
  return `${e.uid}|${e.component}|${e.host ?? ""}`;
}

/** The key of a dropped repeat within its record: type, reason and message (none for the combined event). */
function dropKey(e: EventFacts, combined: boolean): string {
  return `${e.type}|${e.reason}|${combined ? "\u0000combined" : e.message}`;
}

/**
 * Runs the correlator over an event about to be recorded at `state.now`, in the draft state. Returns
 * undefined when the spam filter drops it. Example: the 10th FailedCreate (each naming another pod)
 * within 600 s returns message `(combined from similar events): Error creating: …` and the key of the
 * group's combined event. `newKey` names a new event; it is called only when no stored event matches.
 */
export function correlateEvent(
  state: ClusterState,
  e: EventFacts,
  newKey: () => string,
): Correlated | undefined {
  const now = state.now;
  const id = uidChunk(e.uid);
  const key = spamKey(e);
  const stored = state.events.sources[id]?.get(key);
  const uncorrelated = UNCORRELATED.has(e.component);
  const rec = sourceRecord(stored, now);
  const decided = uncorrelated ? { message: e.message, combined: false, skipped: 0 } : correlate(rec, e, now);
  let result: Correlated | undefined;
  if (decided) {
    const found = cachedKey(state, rec, e, decided.combined);
    // An uncorrelated repeat changes nothing in the record.
    if (found && uncorrelated && stored) return { message: e.message, key: found, isNew: false, skipped: 0 };
    const eventKey = found ?? newKey();
    if (!found) remember(rec, e, decided.combined, eventKey);
    result = { message: decided.message, key: eventKey, isNew: !found, skipped: decided.skipped };
    if (decided.firstSeen !== undefined) result.firstSeen = decided.firstSeen;
  }
  const all = editEvents(state).sources;
  all[id] = (all[id] ?? Bucket.empty()).with(key, rec);
  return result;
}

/** An expired event: its store key and what the correlator looked at when it was recorded. */
export interface ExpiredEvent extends EventFacts {
  key: string;
}

/**
 * Forgets the cache entries of expired events, and drops the record of their source + object once no
 * entry is left and it is at rest, when keeping it changes nothing: the bucket has refilled to
 * SPAM_BURST (25 tokens at 1 per 300 s: at most 7,500 s), every group is older than
 * AGGREGATE_INTERVAL_MS (a new event starts it afresh anyway) and no dropped repeat waits to be
 * counted. A fresh record behaves the same, so a long session does not keep one per deleted pod.
 */
export function forgetExpired(state: ClusterState, expired: readonly ExpiredEvent[]): void {
  const all = editEvents(state).sources;
  for (const [id, events] of byUidChunk(expired)) {
    editChunk(all, id, (chunk) => {
      let rest = chunk;
      for (const e of events) {
        const key = spamKey(e);
        const rec = rest.get(key);
        if (!rec) continue;
        const cached = rec.cached.filter((c) => c.key !== e.key);
        if (cached.length === 0 && atRest(rec, state.now)) rest = rest.without(key);
        else if (cached.length < rec.cached.length) rest = rest.with(key, { ...rec, cached });
      }
      return rest;
    });
  }
}

function atRest(rec: SourceRecord, now: number): boolean {
  if (rec.skipped && Object.keys(rec.skipped).length > 0) return false;
  if (rec.tokens + (now - rec.at) / SPAM_REFILL_MS < SPAM_BURST) return false;
  for (const g of rec.groups) if (now - g.at <= AGGREGATE_INTERVAL_MS) return false;
  return true;
}

/** The key of the stored event a repeat of `e` goes to (the group's combined event when `combined`), if it is still stored. */
function cachedKey(
  state: ClusterState,
  rec: SourceRecord,
  e: EventFacts,
  combined: boolean,
): string | undefined {
  const message = combined ? undefined : e.message;
  const hit = rec.cached.find((c) => c.type === e.type && c.reason === e.reason && c.message === message);
  // An event deleted through the API (or expired) is not repeated: a new one is made.
  return hit && hasEvent(state, hit.key) ? hit.key : undefined;
}

/** Adds (or replaces) the cache entry of `e` in `rec`: its event is stored under `key` now. */
function remember(rec: SourceRecord, e: EventFacts, combined: boolean, key: string): void {
  const message = combined ? undefined : e.message;
  const cached = rec.cached.filter(
    (c) => !(c.type === e.type && c.reason === e.reason && c.message === message),
  );
  cached.push({ type: e.type, reason: e.reason, message, key });
  rec.cached = cached;
}

/** What the aggregation and spam filter decided for a recorded event. */
interface Decided {
  message: string;
  combined: boolean;
  skipped: number;
  firstSeen?: number;
}

/** Aggregation, the spam filter and the count of dropped repeats, on `rec` (a copy the caller stores back). */
function correlate(rec: SourceRecord, e: EventFacts, now: number): Decided | undefined {
  const combined = aggregate(rec, e, now);
  const message = combined ? COMBINED_PREFIX + e.message : e.message;
  if (!takeToken(rec, now)) {
    const key = dropKey(e, combined);
    rec.skipped ??= {};
    const s = rec.skipped[key];
    rec.skipped[key] = { n: (s?.n ?? 0) + 1, first: s?.first ?? now };
    return undefined;
  }
  if (!rec.skipped) return { message, combined, skipped: 0 };
  const key = dropKey(e, combined);
  const dropped = rec.skipped[key];
  if (!dropped) return { message, combined, skipped: 0 };
  delete rec.skipped[key];
  return { message, combined, skipped: dropped.n, firstSeen: dropped.first };
}

/**
 * A copy of the source + object's record (or a fresh one) whose own fields and maps may be changed; the
 * groups, cache entries and skipped counts in them are shared with the stored record and replaced,
 * never changed.
 */
function sourceRecord(rec: SourceRecord | undefined, now: number): SourceRecord {
  if (!rec) return { tokens: SPAM_BURST, at: now, groups: [], cached: [] };
  const copy: SourceRecord = { tokens: rec.tokens, at: rec.at, groups: rec.groups, cached: rec.cached };
  if (rec.skipped) copy.skipped = { ...rec.skipped };
  return copy;
}

/** EventAggregate: true when this event is to be combined with its group (whose new value goes into `rec`). */
function aggregate(rec: SourceRecord, e: EventFacts, now: number): boolean {
  const groups = rec.groups;
  const i = groupOf(groups, e);
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

/** Where the group of `e`'s type and reason is in `groups` (its length when there is none yet). */
function groupOf(groups: readonly Group[], e: EventFacts): number {
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] as Group;
    if (g.type === e.type && g.reason === e.reason) return i;
  }
  return groups.length;
}

/** The spam filter's TryAccept on a bucket refilled continuously at 1 token per SPAM_REFILL_MS. */
function takeToken(rec: SourceRecord, now: number): boolean {
  rec.tokens = Math.min(SPAM_BURST, rec.tokens + (now - rec.at) / SPAM_REFILL_MS);
  rec.at = now;
  if (rec.tokens < 1) return false;
  rec.tokens -= 1;
  return true;
}
