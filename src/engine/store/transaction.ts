/**
 * Transactions: the only way the cluster value changes. A transaction runs a function on an immer draft
 * and yields the next value plus what changed, tagged with its source (user, controller, kubelet).
 */
import { enablePatches, type Patch, produceWithPatches, setAutoFreeze } from "immer";
import type { ClusterState } from "./state";

enablePatches();
// Objects are frozen by immer in development so a stray write outside a transaction fails loudly;
// freezing 10,000 pods on every commit costs more than it is worth in the benchmark, so it stays on
// only where tests run (vitest sets NODE_ENV=test).
setAutoFreeze(typeof process !== "undefined" && process.env?.NODE_ENV === "test");

/** Who made a change: `user`, or the name of a controller (`deployment`, `replicaset`, `kubelet`, …). */
export type Source = string;

/** What one transaction changed: the object keys (`pods/default/x`) added, updated and removed. */
export interface Diff {
  source: Source;
  added: string[];
  updated: string[];
  removed: string[];
}

/** The result of a transaction. */
export interface Committed<T> {
  state: ClusterState;
  result: T;
  diff: Diff;
}

/**
 * Runs `fn` on a draft of `state`. If `fn` throws, nothing changes (the error propagates and the old
 * value stays as it was), which is what keeps bad input from corrupting the cluster.
 */
export function transact<T>(
  state: ClusterState,
  source: Source,
  fn: (draft: ClusterState) => T,
): Committed<T> {
  let result: T | undefined;
  const [next, patches] = produceWithPatches(state, (draft) => {
    result = fn(draft as ClusterState);
  });
  return { state: next, result: result as T, diff: diffOf(source, patches) };
}

function diffOf(source: Source, patches: Patch[]): Diff {
  const added = new Set<string>();
  const updated = new Set<string>();
  const removed = new Set<string>();
  for (const p of patches) {
    if (p.path[0] !== "objects" || p.path.length < 3) continue;
    const key = `${String(p.path[1])}/${String(p.path[2])}`;
    if (p.path.length === 3 && p.op === "add") added.add(key);
    else if (p.path.length === 3 && p.op === "remove") removed.add(key);
    else updated.add(key);
  }
  for (const k of added) updated.delete(k);
  return {
    source,
    added: [...added],
    updated: [...updated].filter((k) => !removed.has(k)),
    removed: [...removed],
  };
}
