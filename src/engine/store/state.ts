/**
 * The whole simulated world as one immutable value: stored objects, the simulated clock, the seeded
 * random generator and the decision log. Every change goes through a transaction (transaction.ts);
 * any earlier value stays valid, which is what time travel and snapshots rely on.
 */
import { memoize } from "../model/memo";
import type { KObject } from "../model/types";
import type { Bucket } from "./bucket";
import { DecisionLog } from "./decision-log";
import { type EventStore, emptyEventStore } from "./event-store";

/** A plain-language reason for one controller write ("why did the controller do that"). */
export interface Decision {
  /** Simulated milliseconds since the sandbox started. */
  t: number;
  controller: string;
  /** The object written, `deployments/default/http-go`. */
  object: string;
  message: string;
}

/** The one value that holds everything. */
export interface ClusterState {
  /** Simulated milliseconds since the sandbox started. Only the clock (sim/clock.ts) moves it. */
  now: number;
  /** Wall-clock epoch (ms) that `now = 0` corresponds to; fixed, so timestamps are reproducible. */
  epoch: number;
  /** Last resourceVersion handed out (the store increments it on every write). */
  resourceVersion: number;
  /** Counter behind generated uids. */
  uidCounter: number;
  /** State of the seeded random generator (sim/random.ts). */
  rng: number;
  /** Objects by REST resource (`deployments`), then by key (`default/http-go`, or `node-1` when cluster-scoped), in a persistent bucket (bucket.ts). Events are not here: see `events`. */
  objects: Record<string, Bucket<KObject>>;
  /** Events, in chunks (event-store.ts): they outnumber every other kind, and a flat record was copied whole on each write. */
  events: EventStore;
  /** Private, serializable bookkeeping of the simulated components (kubelet pod runtimes, image caches, …), by component. */
  // biome-ignore lint/suspicious/noExplicitAny: each component owns and types its own slot (see its accessor)
  runtime: Record<string, any>;
  /** Every controller decision, oldest first (an append-only log outside immer's drafts: decision-log.ts). */
  decisions: DecisionLog<Decision>;
}

/** 2026-01-01T00:00:00Z: the moment the simulated clock starts at. */
export const DEFAULT_EPOCH = Date.UTC(2026, 0, 1, 0, 0, 0);

/** A state with no objects, the clock at 0 and the generator seeded with `seed`. */
export function emptyState(seed: number, epoch = DEFAULT_EPOCH): ClusterState {
  return {
    now: 0,
    epoch,
    resourceVersion: 0,
    uidCounter: 0,
    rng: seed >>> 0,
    objects: {},
    events: emptyEventStore(),
    runtime: {},
    decisions: DecisionLog.empty(),
  };
}

/** The store key of an object: `namespace/name`, or just `name` for cluster-scoped objects. */
export function objectKey(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** RFC 3339 timestamp (second precision, as the API server serializes metav1.Time) of a simulated instant. */
export function timestamp(state: Pick<ClusterState, "epoch">, simMs: number): string {
  return formatWall(state.epoch + wholeSecond(simMs));
}

/**
 * The start of the second that `simMs` falls in: the instant a controller compares with second-precision
 * timestamps. Checks of the form "timestamp + N s is before now" (minReadySeconds, the progress deadline)
 * then change only at whole seconds, where the controllers' wakes are; with the exact instant, a clock
 * tick that happened to fall inside the second (60 a second in the browser) changed the outcome, and a
 * session's record (ticks merged) replayed differently from the live run.
 */
export function wholeSecond(simMs: number): number {
  return Math.floor(simMs / 1000) * 1000;
}

/** Simulated milliseconds of an RFC 3339 timestamp, the inverse of `timestamp`. */
export function simTime(state: Pick<ClusterState, "epoch">, rfc3339: string | undefined): number | undefined {
  const wall = wallTime(rfc3339);
  return wall === undefined ? undefined : wall - state.epoch;
}

/** Epoch ms of an RFC 3339 timestamp (undefined when missing or unreadable). */
export function wallTime(rfc3339: string | undefined): number | undefined {
  if (!rfc3339) return undefined;
  const ms = parseWall(rfc3339);
  return Number.isNaN(ms) ? undefined : ms;
}

// Remembered conversions (model/memo.ts): a controller pass stamps and reads thousands of objects with a
// handful of seconds, in turn (a 10,000-pod pass formats the same instant 10,000 times; a scale-down ranks
// 10,000 pods by ready and creation times, where a one-entry memo re-parsed at almost every pod).
const formatWall = memoize((wall: number) => new Date(wall).toISOString().replace(".000Z", "Z"));
const parseWall = memoize((text: string) => Date.parse(text));
