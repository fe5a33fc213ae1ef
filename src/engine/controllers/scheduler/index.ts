/**
 * The scheduler (default-scheduler): binds every unassigned pod to the node with the fewest active
 * pods (ties: the first node by name), sets its PodScheduled condition and records the `Scheduled`
 * event (`Successfully assigned default/<pod> to minikube`). Deterministic: no randomness needed.
 */
import type { KObject } from "../../model/types";
import type { Bucket } from "../../store/bucket";
import { recordEvent } from "../../store/events";
import type { Controller, ControllerContext } from "../controller";
import { baseState, isPodActive } from "../podutil";

const SOURCE = { component: "default-scheduler" };

/**
 * A pods bucket in which no pod waited for a node. A pass looks for waiting pods only among the entries
 * that differ from it (Bucket.forEachChanged), as the scheduling queue hears only of new pods; reading every
 * pod in each of the 61 rounds of a 10,000-replica rollout was most of the scheduler's time. A cache:
 * any other value only makes the pass read more.
 */
let settledPods: Bucket<KObject> | undefined;

/** The scheduler. */
export const schedulerController: Controller = {
  name: "scheduler",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    const nodes = (base.objects.nodes?.values() ?? [])
      .filter((n) => !n.spec?.unschedulable)
      .map((n) => n.metadata.name)
      .sort();
    if (nodes.length === 0) return false;
    const all = base.objects.pods;
    // A pod waits only where a chunk changed since the last pass in which none waited.
    const pending = all ? waitingIn(all, settledPods) : [];
    if (!all || pending.length === 0) {
      settledPods = all;
      return false;
    }
    // One node takes every pod: its load matters only when there is a choice.
    const load = nodes.length > 1 ? nodeLoad(all, nodes) : new Map(nodes.map((n) => [n, 0]));
    for (const pod of pending) {
      const node = leastLoaded(nodes, load);
      load.set(node, (load.get(node) ?? 0) + 1);
      bind(ctx, pod, node);
    }
    // Every waiting pod is bound now: the bucket this pass commits has none waiting, so the next pass
    // reads only what changes after it (not this pass's chunks again: 20,000 pods a rollout).
    settledPods = ctx.state.objects.pods;
    return true;
  },
  nextWake: () => undefined,
};

/** True when the default scheduler is to place `pod`: no node yet, not being deleted. */
function waits(pod: KObject): boolean {
  return (
    !pod.spec?.nodeName &&
    !pod.metadata.deletionTimestamp &&
    (pod.spec?.schedulerName ?? "default-scheduler") === "default-scheduler"
  );
}

/** The pods waiting for a node among the entries of `pods` that `settled` does not hold, in bucket order. */
function waitingIn(pods: Bucket<KObject>, settled: Bucket<KObject> | undefined): KObject[] {
  const out: KObject[] = [];
  pods.forEachChanged(settled, (pod) => {
    if (waits(pod)) out.push(pod);
  });
  return out;
}

/** Active pods per node (every node of `nodes` listed, from 0). */
function nodeLoad(pods: Bucket<KObject>, nodes: readonly string[]): Map<string, number> {
  const load = new Map<string, number>(nodes.map((n) => [n, 0]));
  pods.forEach((pod) => {
    const node = pod.spec?.nodeName;
    if (node && isPodActive(pod)) load.set(node, (load.get(node) ?? 0) + 1);
  });
  return load;
}

function leastLoaded(nodes: readonly string[], load: Map<string, number>): string {
  let best = nodes[0] as string;
  for (const n of nodes) if ((load.get(n) ?? 0) < (load.get(best) ?? 0)) best = n;
  return best;
}

/** The binding (pods/binding): spec.nodeName plus PodScheduled=True, and the Scheduled event. */
function bind(ctx: ControllerContext, pod: KObject, node: string): void {
  const ns = pod.metadata.namespace ?? "default";
  ctx.api.bind(ns, pod.metadata.name, node);
  recordEvent(
    ctx.state,
    pod,
    "Normal",
    "Scheduled",
    `Successfully assigned ${ns}/${pod.metadata.name} to ${node}`,
    SOURCE,
  );
  ctx.decide(
    `pods/${ns}/${pod.metadata.name}`,
    `assigned ${pod.metadata.name} to ${node}, the node with the fewest pods`,
  );
}
