/**
 * Transactions: the only way the cluster value changes. A transaction runs a function on a working copy
 * of the value (the root's fields plain, the nested records immer's drafts) and yields the next value;
 * if the function throws, the old value stays as it was.
 */
import { produce, setAutoFreeze } from "immer";
import type { KObject } from "../model/types";
import { type Bucket, editing, freezeStored, isMine, mine } from "./bucket";
import type { ClusterState } from "./state";

// Objects are frozen in development so a stray write outside a transaction fails loudly (immer freezes
// its part of the state, buckets the objects stored in them); freezing 10,000 pods on every commit costs
// more than it is worth in the benchmark, so it stays on only where tests run (vitest sets NODE_ENV=test).
const FREEZE = typeof process !== "undefined" && process.env?.NODE_ENV === "test";
setAutoFreeze(FREEZE);
freezeStored(FREEZE);

/** The result of a transaction. */
export interface Committed<T> {
  state: ClusterState;
  result: T;
}

/**
 * Runs `fn` on a working copy of `state` (see above). If `fn` throws, nothing changes (the error propagates and the old
 * value stays as it was), which is what keeps bad input from corrupting the cluster. No immer patches
 * are recorded: nothing reads them (snapshots are whole values, shared structurally), and recording
 * them cost a tenth of a 10,000-replica rollout.
 */
export function transact<T>(state: ClusterState, fn: (draft: ClusterState) => T): Committed<T> {
  let result: T | undefined;
  const next = editing(() =>
    produce(state, (d) => {
      const draft = d as ClusterState;
      // The root's own fields are counters (clock, resourceVersion, uids, the generator) and opaque
      // values (events, decisions) read thousands of times a pass; through the root's proxy each read
      // cost about 100 ns, a tenth of a 10,000-replica rollout. So `fn` edits a plain copy of the root
      // whose `runtime` is immer's draft, and what it changed is written back at the end. `objects` is
      // the committed record, copied on the first write (editObjects): it only maps resources to
      // buckets, and reading a bucket through its proxy cost another 3% of that rollout.
      const work: ClusterState = { ...state, runtime: draft.runtime };
      committedStates.set(work, state);
      result = fn(work);
      writeBack(draft, work, state);
    }),
  );
  return { state: next, result: result as T };
}

/**
 * The draft state's `objects`, made changeable in place: the first call of a transaction puts a copy in
 * `state.objects` (its buckets shared, as buckets are persistent) and later calls return that copy.
 */
export function editObjects(state: ClusterState): Record<string, Bucket<KObject>> {
  if (isMine(state.objects)) return state.objects;
  const copy = mine({ ...state.objects });
  state.objects = copy;
  return copy;
}

/** The committed value each running transaction's working root started from (see `committedState`). */
const committedStates = new WeakMap<ClusterState, ClusterState>();

/**
 * The committed value a transaction's working state started from (the state itself outside one): what a
 * controller reads as its informer cache would show it. Read it freely, never write it.
 */
export function committedState(state: ClusterState): ClusterState {
  return committedStates.get(state) ?? state;
}

/** Copies the root fields `work` changed (against `base`) into immer's `draft` of the root. */
function writeBack(draft: ClusterState, work: ClusterState, base: ClusterState): void {
  const into = draft as unknown as Record<string, unknown>;
  const from = work as unknown as Record<string, unknown>;
  const was = base as unknown as Record<string, unknown>;
  for (const key of Object.keys(from)) {
    // `runtime` is the draft's own child unless `fn` replaced it; `objects` is the committed record
    // unless a write copied it (editObjects).
    if (from[key] !== was[key] && from[key] !== into[key]) into[key] = from[key];
  }
  for (const key of Object.keys(was)) if (!(key in from)) delete into[key];
}
