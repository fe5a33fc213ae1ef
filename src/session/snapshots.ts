/**
 * The cluster values a session keeps for time travel. A value is kept only when something besides the
 * clock changed since the last kept one: where the clock happened to be stopped (how ticks were cut)
 * must not matter, so a replay with merged ticks keeps the same values and travel lands on the same one.
 * Immer shares structure, so a kept value costs only what changed.
 */
import type { ClusterState } from "../engine";

/** A cluster value kept for time travel. */
export interface Snapshot {
  /** Simulated ms. */
  t: number;
  state: ClusterState;
}

/** The kept values, oldest first. */
export class SnapshotLog {
  private readonly snaps: Snapshot[] = [];

  /** Every kept value, oldest first. */
  get all(): readonly Snapshot[] {
    return this.snaps;
  }

  /** Keeps `state` (at its own time) unless only its clock moved; a second value at the same instant replaces the first. */
  keep(state: ClusterState): void {
    const last = this.snaps[this.snaps.length - 1];
    if (last && onlyClockMoved(last.state, state)) return;
    if (last && last.t === state.now) last.state = state;
    else this.snaps.push({ t: state.now, state });
  }

  /** As keep, but within one simulated second the last value replaces the earlier one (one per second while time runs). */
  keepSecond(state: ClusterState): void {
    const last = this.snaps[this.snaps.length - 1];
    if (last && onlyClockMoved(last.state, state)) return;
    if (last && Math.floor(last.t / 1000) === Math.floor(state.now / 1000)) {
      last.t = state.now;
      last.state = state;
    } else this.keep(state);
  }

  /** The last value kept at or before simulated ms `t`, or undefined if none. */
  at(t: number): Snapshot | undefined {
    let found: Snapshot | undefined;
    for (const s of this.snaps) if (s.t <= t) found = s;
    return found;
  }

  /** Forgets every value kept after `s` (time travel continues from it). */
  truncateAfter(s: Snapshot): void {
    this.snaps.splice(this.snaps.indexOf(s) + 1);
  }
}

/** True when `b` is `a` with only its clock moved (every other part is the very same value). */
function onlyClockMoved(a: ClusterState, b: ClusterState): boolean {
  if (a === b) return true;
  for (const k of Object.keys(b) as (keyof ClusterState)[]) if (k !== "now" && a[k] !== b[k]) return false;
  return Object.keys(a).length === Object.keys(b).length;
}
