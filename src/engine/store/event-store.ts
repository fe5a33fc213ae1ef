/**
 * Where events live: in chunks, not one flat record. A 10,000-replica rollout records about 100,000
 * events; in one flat record every controller pass that recorded a single event copied all of them
 * (immer copies a changed object whole), which cost 37 of the 60 seconds the rollout took. Chunks of at
 * most 256 events, filled in creation order, make a pass copy only the chunks it touched; each chunk is
 * a Bucket (bucket.ts), so immer makes no proxy of it or of an event (recording events through immer
 * drafts was 3.6 of the 8.5 s that rollout took).
 *
 * Why not one bucket for all events (and one for the correlator's records): a bucket's key index is by
 * hash, with no locality; when it had 64 shards of hundreds of keys, a pass recording events about a
 * batch of pods touched, and copied, every shard, and the rollout took 7–8 s instead of 5. Chunks by
 * creation sequence and by uid counter keep a pass's writes together.
 */
import type { KObject } from "../model/types";
import { Bucket, editing, isMine, mine } from "./bucket";
import type { SourceRecord } from "./event-aggregation";
import type { ClusterState } from "./state";
import { type StoredEvent, storedEvent } from "./stored-event";

/**
 * Events by chunk (each with its expiry: stored-event.ts) and the correlator's per-source records
 * (with the recorder's cache entries) by `uidChunk` of the involved object. Written only through
 * `editEvents`, never through immer: see there.
 */
export interface EventStore {
  chunks: Record<string, Bucket<StoredEvent>>;
  /** The correlator's record per source + object (event-aggregation.ts), by `uidChunk` of the object. */
  sources: Record<string, Bucket<SourceRecord>>;
  /** Per chunk, an instant no later than its earliest expiry (exact after a sweep; an update can leave it early). */
  due: Record<string, number>;
  /** An instant no later than every chunk's `due`, or undefined when nothing waits: what the clock wakes for. */
  next?: number;
}

/** An empty store. */
export function emptyEventStore(): EventStore {
  // Made as an edit of its own, so that where tests run it is frozen like every committed store.
  return editing(() => ownedStore({}, {}, {}, undefined));
}

/**
 * The store as a class instance: immer drafts only plain objects and arrays, so it leaves this one as it
 * is, and reading it costs no proxy. Recording an event went through five to ten draft reads and writes
 * (chunk, expiry, due, correlator), half a second of a 10,000-replica rollout.
 */
class OpaqueEventStore implements EventStore {
  constructor(
    public chunks: Record<string, Bucket<StoredEvent>>,
    public sources: Record<string, Bucket<SourceRecord>>,
    public due: Record<string, number>,
    public next: number | undefined,
  ) {}
}

/**
 * The draft state's event store, made changeable in place: the first call of a transaction puts a copy
 * in `state.events` (its maps copied, their buckets shared, as the buckets are persistent) and later
 * calls return that copy. Older values keep their own store untouched.
 */
export function editEvents(state: ClusterState): EventStore {
  const current = state.events;
  if (isMine(current)) return current;
  const copy = ownedStore({ ...current.chunks }, { ...current.sources }, { ...current.due }, current.next);
  state.events = copy;
  return copy;
}

/** A store and its maps, owned by the running edit (and so frozen when it ends, where tests run). */
function ownedStore(...parts: ConstructorParameters<typeof OpaqueEventStore>): EventStore {
  const [chunks, sources, due, next] = parts;
  return mine(new OpaqueEventStore(mine(chunks), mine(sources), mine(due), next));
}

/** `--event-ttl` of the API server: 1h0m0s by default (kube-apiserver options, DefaultEventTTL). */
export const EVENT_TTL_MS = 3_600_000;

/** Events per sequence chunk: 256 keeps a chunk copy under a few microseconds. */
const CHUNK_SIZE = 256;
/** Real-looking event names end in `.17f` + 13 hex digits: the recorder's counter (see events.ts). */
const SEQUENCE_DIGITS = 13;
const SEQUENCE_PREFIX = ".17f";

/**
 * The chunk of per-object bookkeeping (the correlator's records, event-aggregation.ts): a uid's 3rd-
 * and 4th-last characters, the counter's hex digits above the last two (uidFor). Objects made one
 * after another share a chunk of 256, and a controller pass mostly records about objects made together
 * (a slow-start batch of pods), so it copies a few chunks; the last two characters spread every batch
 * over all 256 chunks, and a 10,000-pod pass copied all of them.
 */
export function uidChunk(uid: string): string {
  return uid.slice(-4, -2) || "_";
}

/** The chunk of an event key: by creation sequence when the name carries one (appends touch one chunk), else by its tail. */
export function eventChunk(key: string): string {
  const sequence = sequenceOf(key);
  if (sequence !== undefined) return `s${Math.floor(sequence / CHUNK_SIZE)}`;
  return `h${key.slice(-2)}`;
}

/** The counter in a key ending in `.17f` + 13 lowercase hex digits, read by hand: every event write asks. */
function sequenceOf(key: string): number | undefined {
  const start = key.length - SEQUENCE_DIGITS;
  if (start < SEQUENCE_PREFIX.length || !key.startsWith(SEQUENCE_PREFIX, start - SEQUENCE_PREFIX.length))
    return undefined;
  let n = 0;
  for (let i = start; i < key.length; i++) {
    const c = key.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : -1;
    if (digit < 0) return undefined;
    n = n * 16 + digit;
  }
  return n;
}

/** The stored event under `key` (`namespace/name`). */
export function getEvent(state: ClusterState, key: string): KObject | undefined {
  return state.events.chunks[eventChunk(key)]?.get(key)?.object;
}

/** True when an event is stored under `key` (its API object is not built to tell: stored-event.ts). */
export function hasEvent(state: ClusterState, key: string): boolean {
  return state.events.chunks[eventChunk(key)]?.has(key) ?? false;
}

/** Stores (adds or replaces) `event` under `key`, in the draft state; its hour (EVENT_TTL_MS) starts again. */
export function putEvent(state: ClusterState, key: string, event: KObject): void {
  putStored(state, key, storedEvent(event, state.now + EVENT_TTL_MS));
}

/**
 * Stores (adds or replaces) an event under `key`, in the draft state, expiring at `stored.expires`: every
 * write starts its hour again (a fresh etcd lease: event-expiry.ts). Time never runs backwards, so the
 * new expiry is the latest of all and the chunks' lower bounds stay valid.
 */
export function putStored(state: ClusterState, key: string, stored: StoredEvent): void {
  const store = editEvents(state);
  const chunks = store.chunks;
  const id = eventChunk(key);
  chunks[id] = (chunks[id] ?? Bucket.empty()).with(key, stored);
  const due = store.due;
  if (due[id] === undefined) due[id] = stored.expires;
  if (store.next === undefined) store.next = stored.expires;
}

/** Removes the event under `key`, in the draft state. */
export function removeEvent(state: ClusterState, key: string): void {
  const id = eventChunk(key);
  if (!state.events.chunks[id]?.has(key)) return;
  const store = editEvents(state);
  const rest = (store.chunks[id] as Bucket<StoredEvent>).without(key);
  // The chunk's lower bound (`due`) may stay: a sweep that finds nothing there drops it.
  if (rest.size > 0) store.chunks[id] = rest;
  else delete store.chunks[id];
}

/** Every stored event, in no particular order. */
export function allEvents(state: Pick<ClusterState, "events">): KObject[] {
  const out: KObject[] = [];
  for (const id in state.events.chunks) {
    state.events.chunks[id]?.forEach((e) => {
      out.push(e.object);
    });
  }
  return out;
}

/** Items grouped by `uidChunk` of their `uid`. */
export function byUidChunk<T extends { uid: string }>(items: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const id = uidChunk(item.uid);
    const group = groups.get(id);
    if (group) group.push(item);
    else groups.set(id, [item]);
  }
  return groups;
}

/** Replaces the chunk `parent[id]` with what `edit` makes of it, or removes it when that is empty. */
export function editChunk<V>(
  parent: Record<string, Bucket<V>>,
  id: string,
  edit: (chunk: Bucket<V>) => Bucket<V>,
): void {
  const found = parent[id];
  if (!found) return;
  const next = edit(found);
  if (next.size > 0) parent[id] = next;
  else delete parent[id];
}
