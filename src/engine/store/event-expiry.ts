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
import type { CoreEvent, KObject } from "../model/types";
import {
  COMBINED_PREFIX,
  combinedKey,
  type EventFacts,
  eventKey,
  forgetIdleSource,
} from "./event-aggregation";
import { type EventStore, forgetCorrelation } from "./event-store";
import type { ClusterState } from "./state";

/** The instant the next event may expire (a lower bound: the clock wakes there), or undefined if none waits. */
export function nextEventExpiry(state: Pick<ClusterState, "events">): number | undefined {
  return state.events.next;
}

/**
 * Deletes, in the draft state, every event whose hour has passed (`expiry <= now`), and the correlator's
 * bookkeeping that only pointed at them. Visits only the chunks whose lower bound has come. Returns how
 * many events it deleted. The deletions are one etcd revision (one resourceVersion), as a lease revoke
 * deletes all its keys in one transaction.
 */
export function expireEvents(state: ClusterState): number {
  const store = state.events;
  if (store.next === undefined || store.next > state.now) return 0;
  let deleted = 0;
  const due = (store.due ??= {});
  for (const id of Object.keys(due)) {
    if ((due[id] ?? Number.POSITIVE_INFINITY) <= state.now) deleted += sweepChunk(state, store, id);
  }
  store.next = earliest(due);
  if (deleted > 0) state.resourceVersion += 1;
  return deleted;
}

/** Deletes the expired events of one chunk and sets its `due` to its exact earliest expiry. */
function sweepChunk(state: ClusterState, store: EventStore, id: string): number {
  const expiry = store.expiry?.[id] ?? {};
  const chunk = store.chunks[id] ?? {};
  let deleted = 0;
  let first = Number.POSITIVE_INFINITY;
  for (const key of Object.keys(expiry)) {
    const at = expiry[key] ?? 0;
    if (at > state.now) {
      first = Math.min(first, at);
      continue;
    }
    const event = chunk[key];
    delete expiry[key];
    if (!event) continue;
    delete chunk[key];
    forgetBookkeeping(state, event, key);
    deleted++;
  }
  if (first === Number.POSITIVE_INFINITY) {
    delete store.due?.[id];
    delete store.expiry?.[id];
    if (store.chunks[id] && Object.keys(chunk).length === 0) delete store.chunks[id];
  } else if (store.due) store.due[id] = first;
  return deleted;
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
 * The correlator's index entry of an expired event (its key is derived from the event as the recorder
 * made it: events.ts), and the source's spam/aggregation record once it is at rest.
 */
function forgetBookkeeping(state: ClusterState, obj: KObject, key: string): void {
  const e = obj as CoreEvent;
  const facts: EventFacts = {
    uid: e.involvedObject?.uid ?? "",
    type: e.type ?? "",
    reason: e.reason ?? "",
    message: e.message ?? "",
    component: e.source?.component || e.reportingComponent || "",
    host: e.source?.host,
  };
  const combined = facts.message.startsWith(COMBINED_PREFIX);
  forgetCorrelation(state, facts.uid, combined ? combinedKey(facts) : eventKey(facts), key);
  forgetIdleSource(state, facts);
}
