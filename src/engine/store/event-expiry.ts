/**
 * The API server's event TTL (`--event-ttl`, default 1h0m0s): pkg/registry/core/event/storage gives the
 * store a TTLFunc that returns the TTL on create and on every update alike, and the etcd3 store attaches
 * a fresh lease of that many seconds to each write; so an event disappears one hour after its latest
 * create or update (a repeat at t + 1800 s keeps it until t + 5400 s). The events of a deleted object
 * expire the same way: nothing else deletes them.
 *
 * The instant: a lease granted at t with TTL 3600 s has expired at t + 3600 s, so the event is listed
 * at t + 3599 s and gone at t + 3600 s. (The etcd3 leaseManager may reuse a lease granted up to 60 s
 * earlier for up to ttl + 60 s, so a real event lives between 3600 and 3660 s; the sandbox takes the
 * nominal hour, the reading the flag documents.)
 *
 * Cheap on purpose: a 10,000-replica rollout stores ~100,000 events. Each chunk of event-store.ts keeps
 * its expiry instants and a lower bound of the earliest; a sweep visits only the chunks whose bound has
 * come, and the store keeps a lower bound of all of them for the clock (`nextEventExpiry`).
 */
import type { CoreEvent } from "../model/types";
import { type EventFacts, forgetExpired } from "./event-aggregation";
import { type EventStore, editChunk, editEvents } from "./event-store";
import type { ClusterState } from "./state";
import { RecordedEvent, type StoredEvent } from "./stored-event";

/** The instant the next event may expire (a lower bound: the clock wakes there), or undefined if none waits. */
export function nextEventExpiry(state: Pick<ClusterState, "events">): number | undefined {
  return state.events.next;
}

/**
 * Deletes, in the draft state, every event whose hour has passed (`expires <= now`), and the correlator's
 * bookkeeping that only pointed at them. Visits only the chunks whose lower bound has come. Returns how
 * many events it deleted. The deletions are one etcd revision (one resourceVersion), as a lease revoke
 * deletes all its keys in one transaction.
 */
export function expireEvents(state: ClusterState): number {
  if (state.events.next === undefined || state.events.next > state.now) return 0;
  const store = editEvents(state);
  const expired: [key: string, event: StoredEvent][] = [];
  const due = store.due;
  for (const id of Object.keys(due)) {
    if ((due[id] ?? Number.POSITIVE_INFINITY) <= state.now) sweepChunk(state.now, store, id, expired);
  }
  store.next = earliest(due);
  if (expired.length === 0) return 0;
  forgetBookkeeping(state, expired);
  state.resourceVersion += 1;
  return expired.length;
}

/**
 * Deletes the expired events of one chunk (collected in `expired`) and sets its `due` to its exact
 * earliest expiry, or drops it when nothing is left to expire there.
 */
function sweepChunk(now: number, store: EventStore, id: string, expired: [string, StoredEvent][]): void {
  let first = Number.POSITIVE_INFINITY;
  editChunk(store.chunks, id, (chunk) => {
    const gone: string[] = [];
    chunk.forEach((stored, key) => {
      if (stored.expires > now) first = Math.min(first, stored.expires);
      else {
        gone.push(key);
        expired.push([key, stored]);
      }
    });
    let rest = chunk;
    for (const key of gone) rest = rest.without(key);
    return rest;
  });
  const due = store.due;
  if (first === Number.POSITIVE_INFINITY) delete due[id];
  else due[id] = first;
}

/** The earliest of the chunks' lower bounds. */
function earliest(due: Record<string, number>): number | undefined {
  let min: number | undefined;
  for (const id in due) {
    const at = due[id];
    if (at !== undefined && (min === undefined || at < min)) min = at;
  }
  return min;
}

/**
 * The correlator's cache entries of expired events (found by what the recorder looked at: events.ts),
 * and their sources' spam/aggregation records once those are at rest.
 */
function forgetBookkeeping(state: ClusterState, expired: readonly [string, StoredEvent][]): void {
  // A recorded event tells its facts without building its API object (an hour after a rollout, thousands expire at once).
  forgetExpired(
    state,
    expired.map(([key, stored]) => ({
      key,
      ...(stored instanceof RecordedEvent ? stored.facts() : factsOf(stored.object as CoreEvent)),
    })),
  );
}

/** What the correlator looked at when the event was recorded. */
function factsOf(e: CoreEvent): EventFacts {
  return {
    uid: e.involvedObject?.uid ?? "",
    type: e.type ?? "",
    reason: e.reason ?? "",
    message: e.message ?? "",
    component: e.source?.component || e.reportingComponent || "",
    host: e.source?.host,
  };
}
