/**
 * The kubelet of every node: runs the pods bound to it. A pod it has not seen gets an IP and its
 * containers start their lifecycle (containers.ts); due steps, readiness probes (probes.ts) and
 * graceful termination run when their instant comes; the pod status (status.ts) is written whenever it
 * changed, and a terminated pod is removed from the store. Bookkeeping lives in state.runtime.kubelet.
 */

import { sameJson } from "../../model/json";
import type { KObject } from "../../model/types";
import type { Bucket } from "../../store/bucket";
import { recordEvent } from "../../store/events";
import { type ClusterState, simTime } from "../../store/state";
import type { Controller, ControllerContext } from "../controller";
import { baseState } from "../podutil";
import { advanceContainer, type StepContext } from "./containers";
import { type LogResult, podLogs } from "./logs";
import { runProbe } from "./probes";
import {
  allocatePodIp,
  type ContainerRuntime,
  type KubeletState,
  kubeletState,
  type PodRuntime,
  peekKubelet,
  releasePodIp,
} from "./runtime";
import { lookupImage } from "./serving";
import { podStatus } from "./status";
import { WakeIndex } from "./wake-index";

/**
 * What the kubelet's latest pass left behind (its pods and runtime buckets as committed). Every pod and
 * record there needed nothing more at that instant but the passage of time (`wake`), so the next pass
 * visits only the chunks that differ from these and the records that are due: the same pods, in the same
 * order, as a pass over everything would act on. A cache: any other value only makes the pass read more.
 */
let lastPass: { pods: Bucket<KObject> | undefined; runtime: Bucket<PodRuntime> | undefined } | undefined;
const wakes = new WakeIndex();

/** The kubelet (all nodes). */
export const kubeletController: Controller = {
  name: "kubelet",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    const seen = peekKubelet(base)?.pods;
    const pods = base.objects.pods;
    const before = lastPass?.pods;
    let wrote = false;
    // None in a running cluster: only the kubelet writes records. Time travel and another cluster make some.
    const changedRecords = changedKeys(seen, lastPass?.runtime);
    // A record outlives its pod only where the pod entry changed: the pod was removed or replaced.
    const goneOrReplaced = changedKeys(before, pods);
    const addedOrReplaced = changedKeys(pods, before);
    const toCheck = [...goneOrReplaced, ...addedOrReplaced, ...changedRecords];
    seen?.forEachOfKeys(toCheck, (rt, key) => {
      const pod = pods?.get(key);
      if (pod && pod.metadata.uid === rt.uid) return;
      const k = kubeletState(ctx.state);
      releasePodIp(k, rt.ip);
      k.pods = k.pods.without(key);
      wrote = true;
    });
    const now = ctx.state.now;
    wakes.follow(seen);
    // Pods whose entry changed, and those whose record changed or is due, in the order of the bucket.
    const toSync = [...addedOrReplaced, ...changedRecords, ...wakes.due(now)];
    pods?.forEachOfKeys(toSync, (pod, key) => {
      if (!pod.spec?.nodeName) return;
      const rt = seen?.get(key);
      const known = rt && rt.uid === pod.metadata.uid;
      const terminating = !!pod.metadata.deletionTimestamp && known && rt.removeAt === undefined;
      const due = known && rt.wake !== undefined && rt.wake <= now;
      if (known && !terminating && !due) return;
      if (!known && isFinished(pod)) return;
      syncPod(ctx, key, pod, rt);
      wrote = true;
    });
    // The draft's buckets are the ones this transaction commits (immer keeps them as they are).
    lastPass = { pods: ctx.state.objects.pods, runtime: peekKubelet(ctx.state)?.pods };
    return wrote;
  },
  nextWake(state) {
    wakes.follow(peekKubelet(state)?.pods);
    return wakes.next(state.now);
  },
};

/** Keys of the entries of `now` that `before` does not hold at the same place (Bucket.forEachChanged). */
function changedKeys<T>(now: Bucket<T> | undefined, before: Bucket<T> | undefined): string[] {
  const out: string[] = [];
  now?.forEachChanged(before, (_, key) => out.push(key));
  return out;
}

function isFinished(pod: KObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}

/** One sync of one pod (`prior`: its committed record, if any): start it, run what is due, terminate, write the status. */
function syncPod(ctx: ControllerContext, key: string, pod: KObject, prior: PodRuntime | undefined): void {
  const k = kubeletState(ctx.state);
  // Copy-on-write: work on a plain copy of the record and store it back once, instead of through immer
  // proxies of every container (10,000 pods made that the largest cost of a rollout).
  const rt = prior && prior.uid === pod.metadata.uid ? cloneRuntime(prior) : newRuntime(ctx, k, pod);
  if (pod.metadata.deletionTimestamp && rt.removeAt === undefined) beginTermination(ctx, pod, rt);
  if (rt.removeAt !== undefined && rt.removeAt <= ctx.state.now) {
    removePod(ctx, k, key, pod, rt);
    return;
  }
  if (rt.removeAt !== undefined) {
    rt.wake = rt.removeAt;
  } else {
    const specs: KObject[] = pod.spec?.containers ?? [];
    rt.containers.forEach((c, i) => {
      const sc: StepContext = { ctx, kubelet: k, pod, prt: rt, spec: specs[i] ?? {} };
      for (let guard = 0; guard < 20; guard++) {
        const stepped = advanceContainer(sc, c);
        const probed = probe(sc, c);
        if (!stepped && !probed) break;
      }
    });
    rt.wake = wakeOf(rt);
    writeStatus(ctx, pod, rt);
  }
  k.pods = k.pods.with(key, rt);
}

/** A copy of a runtime record that may be changed freely (nested values are replaced, never mutated). */
function cloneRuntime(rt: PodRuntime): PodRuntime {
  return { ...rt, containers: rt.containers.map((c) => ({ ...c })) };
}

function newRuntime(ctx: ControllerContext, k: KubeletState, pod: KObject): PodRuntime {
  const now = ctx.state.now;
  // Every field from the start, the optional ones undefined (JSON leaves them out): a field added later
  // moved the record to another hidden class and grew its property store, 3.6 KB a pod at start.
  const containers: ContainerRuntime[] = (pod.spec?.containers ?? []).map((c: KObject) => ({
    name: c.name,
    image: c.image,
    step: "pull",
    at: now,
    waiting: undefined,
    startedAt: undefined,
    terminated: undefined,
    last: undefined,
    restartCount: 0,
    backoffMs: 0,
    lastRestartAt: undefined,
    pullBackoffMs: 0,
    pullStartedAt: undefined,
    ready: false,
    started: false,
    probeAt: undefined,
    probeSuccesses: 0,
    probeFailures: 0,
    livenessAt: undefined,
    livenessFailures: undefined,
    killing: undefined,
    containerId: undefined,
    exit: undefined,
    serves: false,
    logs: [],
    previousLogs: [],
  }));
  ctx.decide(
    `pods/${pod.metadata.namespace}/${pod.metadata.name}`,
    `kubelet on ${pod.spec.nodeName} starts ${pod.metadata.name}`,
  );
  return {
    uid: pod.metadata.uid ?? "",
    node: pod.spec.nodeName,
    ip: allocatePodIp(k),
    startedAt: now,
    containers,
    removeAt: undefined,
    wake: undefined,
  };
}

/** Runs the readiness and liveness probes that are due; true if one ran. */
function probe(sc: StepContext, c: ContainerRuntime): boolean {
  const ready = readiness(sc, c);
  const live = liveness(sc, c);
  return ready || live;
}

function kubeletEvent(sc: StepContext, type: "Normal" | "Warning", reason: string, message: string): void {
  recordEvent(sc.ctx.state, sc.pod, type, reason, message, { component: "kubelet", host: sc.prt.node });
}

/** The readiness probe: successThreshold passes make the container ready, failureThreshold failures unready. */
function readiness(sc: StepContext, c: ContainerRuntime): boolean {
  const spec = sc.spec.readinessProbe;
  const now = sc.ctx.state.now;
  if (!spec || c.step !== "running" || c.probeAt === undefined || c.probeAt > now) return false;
  const result = runProbe(sc.ctx.state, sc.pod, sc.prt.ip, c, spec);
  if (result.ok) {
    c.probeFailures = 0;
    c.probeSuccesses += 1;
    if (c.probeSuccesses >= (spec.successThreshold ?? 1)) c.ready = true;
  } else {
    c.probeSuccesses = 0;
    c.probeFailures += 1;
    if (c.probeFailures >= (spec.failureThreshold ?? 3)) c.ready = false;
    kubeletEvent(sc, "Warning", "Unhealthy", `Readiness probe failed: ${result.message}`);
  }
  c.probeAt += (spec.periodSeconds ?? 10) * 1000;
  return true;
}

/**
 * The liveness probe: failureThreshold consecutive failures make the kubelet stop the container
 * (`Container x failed liveness probe, will be restarted`); the app exits on SIGTERM after its shutdown
 * time (exit 143, killed by the signal) and restarts under the crash back-off.
 */
function liveness(sc: StepContext, c: ContainerRuntime): boolean {
  const spec = sc.spec.livenessProbe;
  const now = sc.ctx.state.now;
  if (!spec || c.step !== "running" || c.killing || c.livenessAt === undefined || c.livenessAt > now)
    return false;
  const result = runProbe(sc.ctx.state, sc.pod, sc.prt.ip, c, spec);
  c.livenessAt += (spec.periodSeconds ?? 10) * 1000;
  if (result.ok) {
    c.livenessFailures = 0;
    return true;
  }
  c.livenessFailures = (c.livenessFailures ?? 0) + 1;
  kubeletEvent(sc, "Warning", "Unhealthy", `Liveness probe failed: ${result.message}`);
  if (c.livenessFailures < (spec.failureThreshold ?? 3)) return true;
  kubeletEvent(sc, "Normal", "Killing", `Container ${c.name} failed liveness probe, will be restarted`);
  const grace = sc.pod.spec?.terminationGracePeriodSeconds ?? 30;
  const shutdown = lookupImage(sc.ctx.state, c.image)?.shutdownSeconds ?? 1;
  c.killing = true;
  c.livenessAt = undefined;
  c.exit = { code: 143, reason: "Error" };
  c.at = now + Math.min(shutdown, grace) * 1000;
  return true;
}

function wakeOf(rt: PodRuntime): number | undefined {
  let earliest = rt.removeAt;
  for (const c of rt.containers) {
    for (const t of [c.at, c.probeAt, c.livenessAt])
      if (t !== undefined && (earliest === undefined || t < earliest)) earliest = t;
  }
  return earliest;
}

/** SIGTERM: `Stopping container x`; the app exits after its shutdown time, at most the grace period. */
function beginTermination(ctx: ControllerContext, pod: KObject, rt: PodRuntime): void {
  const now = ctx.state.now;
  const graceEnd = simTime(ctx.state, pod.metadata.deletionTimestamp) ?? now;
  let removeAt = now;
  for (const c of rt.containers) {
    if (c.step === "running") {
      recordEvent(ctx.state, pod, "Normal", "Killing", `Stopping container ${c.name}`, {
        component: "kubelet",
        host: rt.node,
      });
      const image = lookupImage(ctx.state, c.image);
      const exitAt = Math.min(now + (image?.shutdownSeconds ?? 1) * 1000, Math.max(graceEnd, now));
      removeAt = Math.max(removeAt, exitAt);
    }
    c.at = undefined;
    c.probeAt = undefined;
  }
  rt.removeAt = removeAt;
}

function removePod(ctx: ControllerContext, k: KubeletState, key: string, pod: KObject, rt: PodRuntime): void {
  ctx.api.remove(ctx.api.type("pods"), pod.metadata.namespace, pod.metadata.name);
  releasePodIp(k, rt.ip);
  k.pods = k.pods.without(key);
  ctx.decide(`pods/${key}`, `kubelet removed ${pod.metadata.name}: its containers stopped`);
}

function writeStatus(ctx: ControllerContext, pod: KObject, rt: PodRuntime): void {
  const status = podStatus(ctx.state, pod, rt);
  if (sameJson(status, pod.status ?? {})) return;
  // Handed off: the status was built for this write and nothing here keeps it.
  ctx.api.updateStatus("pods", { ...pod, status }, { handOff: true });
}

/** Logs of a container: the current run's or (previous) the last run's lines, or the API server's error (logs.ts). */
export function containerLogs(
  state: ClusterState,
  namespace: string,
  pod: string,
  container: string,
  previous = false,
): LogResult {
  return podLogs(state, namespace, pod, container, previous);
}
