/**
 * The simulated clock. Time moves only here: `advance` walks from one due instant to the next (the
 * earliest `nextWake` of any controller), settles the controllers at each, and stops at the target.
 * Nothing reads the wall clock.
 */
import type { Controller } from "../controllers/controller";
import type { ClusterState } from "../store/state";
import { type Settled, settle } from "./loop";

/** The earliest instant after `state.now` at which some controller has work, or undefined if the cluster is quiet. */
export function nextWake(state: ClusterState, controllers: readonly Controller[]): number | undefined {
  let earliest: number | undefined;
  for (const c of controllers) {
    const t = c.nextWake(state);
    if (t !== undefined && t > state.now && (earliest === undefined || t < earliest)) earliest = t;
  }
  return earliest;
}

/** Sets the clock; it never goes backwards (time travel restores an older state value instead). */
function setNow(state: ClusterState, t: number): ClusterState {
  return t > state.now ? { ...state, now: t } : state;
}

/**
 * Moves the clock forward by `ms`, firing every due instant on the way in order, and running the
 * controllers to quiescence at each. Returns the new state and the rounds it took.
 */
export function advance(state: ClusterState, controllers: readonly Controller[], ms: number): Settled {
  const target = state.now + Math.max(0, ms);
  let rounds = 0;
  const step = (s: ClusterState): ClusterState => {
    const r = settle(s, controllers);
    rounds += r.rounds;
    return r.state;
  };
  let current = step(state);
  for (;;) {
    const wake = nextWake(current, controllers);
    if (wake === undefined || wake > target) break;
    current = step(setNow(current, wake));
  }
  current = step(setNow(current, target));
  return { state: current, rounds };
}
