/**
 * The engine's facade: one cluster value, the controllers that act on it, and the clock. Requests run
 * as transactions (a request that throws leaves the cluster exactly as it was) and are followed by the
 * controllers settling; `advance` moves simulated time. Listeners hear every new state.
 */
import { Api } from "../api/api";
import { ADMIN_USER, type UserInfo } from "../api/authorization";
import type { Controller } from "../controllers/controller";
import { type ClusterState, emptyState } from "../store/state";
import { transact } from "../store/transaction";
import { advance, nextWake } from "./clock";
import { settle } from "./loop";

/** Called with every new state. */
export type ClusterListener = (state: ClusterState) => void;

/** How to build a cluster. */
export interface ClusterOptions {
  /** Seed of the random generator (pod name suffixes, IPs). Same seed + same requests = same cluster. */
  seed?: number;
  /** The components that run (default: all of them, see controllers/index.ts). */
  controllers: readonly Controller[];
  /** Writes the starting objects (namespaces, nodes, the `kubernetes` Service, …). */
  bootstrap?: (api: Api) => void;
}

/** A running simulated cluster. */
export class Cluster {
  private current: ClusterState;
  private readonly listeners = new Set<ClusterListener>();
  readonly controllers: readonly Controller[];
  /** Controller rounds run since the cluster was made (the benchmark reports it; it is not part of the state). */
  rounds = 0;

  constructor(opts: ClusterOptions) {
    this.controllers = opts.controllers;
    let state = emptyState(opts.seed ?? 1);
    if (opts.bootstrap) state = transact(state, (d) => opts.bootstrap?.(new Api(d))).state;
    this.current = settle(state, this.controllers).state;
  }

  /** The current cluster value (immutable; keep it as a snapshot if you like). */
  get state(): ClusterState {
    return this.current;
  }

  /** Simulated milliseconds since the start. */
  get now(): number {
    return this.current.now;
  }

  /**
   * Makes API requests as `user` in one transaction, then lets the controllers settle. If `fn` throws,
   * the cluster is unchanged and the error propagates. Returns what `fn` returned and the server's warnings.
   */
  request<T>(fn: (api: Api) => T, user: UserInfo = ADMIN_USER): { result: T; warnings: string[] } {
    let warnings: string[] = [];
    const committed = transact(this.current, (draft) => {
      const api = new Api(draft, user);
      const result = fn(api);
      warnings = api.warnings;
      return result;
    });
    const settled = settle(committed.state, this.controllers);
    this.rounds += settled.rounds;
    this.publish(settled.state);
    return { result: committed.result, warnings };
  }

  /** Reads through the API as `user` (authorization applies) without changing anything. */
  read<T>(fn: (api: Api) => T, user: UserInfo = ADMIN_USER): T {
    // Reads never write; in tests the state is frozen, so a read that tried to would throw.
    return fn(new Api(this.current, user));
  }

  /** Moves the simulated clock forward by `ms`, firing everything due on the way. */
  advance(ms: number): void {
    const r = advance(this.current, this.controllers, ms);
    this.rounds += r.rounds;
    this.publish(r.state);
  }

  /** The next instant at which something will happen by itself, or undefined if the cluster is quiet. */
  nextWake(): number | undefined {
    return nextWake(this.current, this.controllers);
  }

  /** Replaces the whole value (time travel: continue from an earlier snapshot). */
  restore(state: ClusterState): void {
    this.publish(state);
  }

  /** Registers a listener; returns the function that removes it. */
  subscribe(listener: ClusterListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(state: ClusterState): void {
    if (state === this.current) return;
    this.current = state;
    for (const l of this.listeners) l(state);
  }
}
