/**
 * The time-travel record: cluster values as the clock moves, one per simulated instant (the last
 * value reached at that instant). Values are immutable and share structure (immer), so keeping
 * thousands costs little; past 4,000 the older half is thinned to every other one.
 */
import type { ClusterState } from "../../engine";

/** One recorded moment. */
export interface Snapshot {
  /** Simulated ms. */
  t: number;
  state: ClusterState;
}

/** How many snapshots are kept before thinning (4,000 ≈ an hour of 1-second steps). */
export const SNAPSHOT_LIMIT = 4000;

/** The recorded moments, oldest first. */
export class SnapshotRecorder {
  private items: Snapshot[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(initial: ClusterState) {
    this.items.push({ t: initial.now, state: initial });
  }

  /** Every recorded moment, oldest first. */
  get snapshots(): readonly Snapshot[] {
    return this.items;
  }

  /** Records `state` (replacing the last one if the clock has not moved, dropping any recorded future). */
  record(state: ClusterState): void {
    while (this.items.length > 0 && (this.items[this.items.length - 1] as Snapshot).t > state.now)
      this.items.pop();
    const last = this.items[this.items.length - 1];
    if (last && last.t === state.now) last.state = state;
    else this.items.push({ t: state.now, state });
    if (this.items.length > SNAPSHOT_LIMIT) this.thin();
    for (const l of this.listeners) l();
  }

  /** The last snapshot at or before `t`. */
  at(t: number): Snapshot | undefined {
    let found: Snapshot | undefined;
    for (const s of this.items) {
      if (s.t > t) break;
      found = s;
    }
    return found ?? this.items[0];
  }

  /** Calls `listener` after each record; returns the function that removes it. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private thin(): void {
    const half = Math.floor(this.items.length / 2);
    const older = this.items.slice(0, half).filter((_, i) => i % 2 === 0);
    this.items = [...older, ...this.items.slice(half)];
  }
}
