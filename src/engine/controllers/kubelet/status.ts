/**
 * The pod status the kubelet reports (kubelet_pods.go generateAPIPodStatus / getPhase): container
 * statuses from the runtime records, the phase (Pending while every container waits without having run;
 * Running once one runs or has run and will restart; Succeeded/Failed when all stopped for good), and
 * the conditions PodReadyToStartContainers, Initialized, Ready, ContainersReady, PodScheduled in that
 * order, each keeping its lastTransitionTime while its status does not change.
 */
import { qosClass } from "../../api/pod-strategy";
import { fullReference, parseImageRef } from "../../model/images";
import { memoize } from "../../model/memo";
import type { KObject } from "../../model/types";
import { type ClusterState, timestamp } from "../../store/state";
import { baseState } from "../podutil";
import { type ContainerRuntime, hex64, type PodRuntime, type Termination } from "./runtime";

// biome-ignore lint/suspicious/noExplicitAny: status parts are loosely typed
type Loose = Record<string, any>;

/** The zero time Go prints for a container that never started (StartError). */
const ZERO_TIME = "1970-01-01T00:00:00Z";

/** The status object for `pod` from its runtime record. */
export function podStatus(state: ClusterState, pod: KObject, rt: PodRuntime): Loose {
  const containerStatuses = rt.containers.map((c) => containerStatus(state, c));
  const unready = rt.containers.filter((c) => !c.ready).map((c) => c.name);
  const old: Loose[] = pod.status?.conditions ?? [];
  const started = timestamp(state, rt.startedAt);
  const now = timestamp(state, state.now);
  const readyStatus = unready.length === 0 ? "True" : "False";
  const notReady = unready.length ? `containers with unready status: [${unready.join(" ")}]` : undefined;
  const conditions = [
    keep(old, "PodReadyToStartContainers", "True", undefined, started, now),
    keep(old, "Initialized", "True", undefined, started, now),
    keep(old, "Ready", readyStatus, notReady, started, now),
    keep(old, "ContainersReady", readyStatus, notReady, started, now),
    ...old.filter((c) => c.type === "PodScheduled"),
  ];
  const hostIP = nodeIp(state, rt.node);
  return {
    phase: podPhase(pod, rt.containers),
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    podIP: rt.ip,
    podIPs: [{ ip: rt.ip }],
    startTime: started,
    containerStatuses,
    // qos.GetPodQOS: the class the API server set at creation (from the admitted spec, which LimitRanger
    // may have given resources), computed again only when a status lacks it.
    qosClass: pod.status?.qosClass || qosClass(pod.spec ?? {}),
  };
}

/**
 * The node's InternalIP (the pod's hostIP), read from the committed nodes: through the transaction's
 * draft, every status write of every pod paid for an immer proxy.
 */
function nodeIp(state: ClusterState, node: string): string {
  const addresses: Loose[] = baseState(state).objects.nodes?.get(node)?.status?.addresses ?? [];
  return addresses.find((a) => a.type === "InternalIP")?.address ?? "";
}

/**
 * A condition with the old lastTransitionTime when its status is unchanged, else `first` (first report)
 * or `now`; `notReady` adds reason ContainersNotReady and that message. Built field by field: four
 * conditions per status write of every pod.
 */
function keep(
  old: Loose[],
  type: string,
  status: string,
  notReady: string | undefined,
  first: string,
  now: string,
): Loose {
  const prev = old.find((c) => c.type === type);
  const lastTransitionTime = prev ? (prev.status === status ? prev.lastTransitionTime : now) : first;
  if (notReady === undefined) return { type, status, lastProbeTime: null, lastTransitionTime };
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime,
    reason: "ContainersNotReady",
    message: notReady,
  };
}

function containerStatus(state: ClusterState, c: ContainerRuntime): Loose {
  const out: Loose = { name: c.name, state: {}, lastState: {} };
  if (c.step === "running" && c.startedAt !== undefined)
    out.state = { running: { startedAt: timestamp(state, c.startedAt) } };
  else if (c.terminated && (c.step === "done" || !c.waiting))
    out.state = { terminated: termination(state, c.terminated) };
  else out.state = { waiting: { ...(c.waiting ?? { reason: "ContainerCreating" }) } };
  if (c.last) out.lastState = { terminated: termination(state, c.last) };
  out.ready = c.ready;
  out.restartCount = c.restartCount;
  out.image = c.image;
  const pulled = c.containerId !== undefined;
  out.imageID = pulled ? imageId(c.image) : "";
  if (c.containerId) out.containerID = c.containerId;
  out.started = c.step === "running";
  return out;
}

function termination(state: ClusterState, t: Termination): Loose {
  const out: Loose = { exitCode: t.exitCode, reason: t.reason };
  if (t.message) out.message = t.message;
  out.startedAt = t.startedAt === undefined ? ZERO_TIME : timestamp(state, t.startedAt);
  out.finishedAt = timestamp(state, t.finishedAt);
  if (t.containerId) out.containerID = t.containerId;
  return out;
}

/** `docker.io/gasbugs/http-go@sha256:…`: the digest containerd reports, stable per reference. */
export const imageId: (image: string) => string = memoize((image: string) => {
  // Remembered: every status write of every pod asks, and hashing the reference takes eight rounds.
  const full = fullReference(image);
  const repo = full.slice(0, full.length - parseImageRef(image).tag.length - 1);
  return `${repo}@sha256:${hex64(full)}`;
});

/** getPhase for the container records. */
function podPhase(pod: KObject, containers: readonly ContainerRuntime[]): string {
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  for (const c of containers) {
    if (c.step === "running") running++;
    else if (c.step === "done" && c.terminated) {
      if (c.terminated.exitCode === 0) succeeded++;
    } else if (!c.last && !c.terminated) waiting++;
  }
  // A container waiting without ever having run keeps the pod Pending; one that ran counts as stopped.
  if (waiting > 0) return "Pending";
  if (running > 0) return "Running";
  const policy = pod.spec?.restartPolicy ?? "Always";
  if (policy === "Always") return "Running";
  const done = containers.filter((c) => c.step === "done").length;
  if (done < containers.length) return "Running";
  return succeeded === containers.length ? "Succeeded" : "Failed";
}
