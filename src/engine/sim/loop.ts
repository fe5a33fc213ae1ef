/**
 * The reconcile loop: after every change, run the controllers until none of them has anything left to
 * do, under a round cap that fails loudly (a controller that never settles is a bug, not a slow cluster).
 */
import { Api } from "../api/api";
import { controllerUser } from "../api/authorization";
import type { Controller } from "../controllers/controller";
import type { ClusterState, Decision } from "../store/state";
import { transact } from "../store/transaction";

/**
 * Rounds before the loop gives up. A 10,000-replica rollout settles each instant in well under 50
 * rounds (slow-start batches are 1, 2, 4 … 8192: 14 rounds), so 1,000 only trips on a real livelock.
 */
export const MAX_ROUNDS = 1000;

/** Thrown when the controllers keep writing for MAX_ROUNDS rounds. */
export class ReconcileLoopError extends Error {
  constructor(readonly busy: string[]) {
    super(`controllers did not settle after ${MAX_ROUNDS} rounds; still writing: ${busy.join(", ")}`);
    this.name = "ReconcileLoopError";
  }
}

/**
 * Runs one controller's pass as its own transaction. Controllers read the committed value of the pass's
 * start (as an informer cache would) and write through the API, so each pass needs its own base.
 */
export function runController(
  state: ClusterState,
  controller: Controller,
): { state: ClusterState; wrote: boolean } {
  const committed = transact(state, (draft) => {
    const api = new Api(draft, controllerUser(`${controller.name}-controller`));
    const decided: Decision[] = [];
    const wrote = controller.reconcile({
      api,
      state: draft,
      decide: (object, message) => {
        decided.push({ t: draft.now, controller: controller.name, object, message });
      },
    });
    draft.decisions = draft.decisions.append(decided);
    return wrote;
  });
  return { state: committed.state, wrote: committed.result };
}

/** The outcome of settling: the quiet state and how many rounds it took. */
export interface Settled {
  state: ClusterState;
  rounds: number;
}

/** Runs every controller, in order, until a whole round writes nothing. */
export function settle(state: ClusterState, controllers: readonly Controller[]): Settled {
  let current = state;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const busy: string[] = [];
    for (const c of controllers) {
      const r = runController(current, c);
      current = r.state;
      if (r.wrote) busy.push(c.name);
    }
    if (busy.length === 0) return { state: current, rounds: round + 1 };
    if (round === MAX_ROUNDS - 1) throw new ReconcileLoopError(busy);
  }
  return { state: current, rounds: MAX_ROUNDS };
}
