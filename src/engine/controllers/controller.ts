/**
 * The shape every simulated control-plane component has (deployment, replicaset, scheduler, kubelet,
 * endpoints, garbage collector): read the cluster, make the writes it wants through the API, and say
 * when time alone would next give it work.
 */
import type { Api } from "../api/api";
import type { ClusterState } from "../store/state";

/** What a controller gets for one pass. */
export interface ControllerContext {
  /** The API server, acting as this controller's identity, on the draft state. */
  api: Api;
  /** The draft state (read freely; write only through `api`, `event` and `decide`). */
  state: ClusterState;
  /** Records a plain-language reason for a write, with its numbers, in the decision log. */
  decide(object: string, message: string): void;
}

/** One simulated component. */
export interface Controller {
  /** `deployment`, `replicaset`, `kubelet`, … (also the transaction source of its writes). */
  readonly name: string;
  /** One pass over every object it owns; returns true if it wrote anything (so the loop runs again). */
  reconcile(ctx: ControllerContext): boolean;
  /**
   * The earliest simulated instant (ms) after `state.now` at which the passage of time alone gives this
   * controller work (an image pull finishing, minReadySeconds passing, a progress deadline), if any.
   */
  nextWake(state: ClusterState): number | undefined;
}
