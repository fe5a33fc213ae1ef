/**
 * The live view's data, derived from one cluster value: each Deployment of the namespace with its
 * ReplicaSets (newest revision first) and their pods, the Services that select its pods with their
 * endpoints, and the rollout's bounds. Pure, so a past snapshot renders exactly like the present.
 */
import type { ClusterState, Deployment, Endpoints, Pod, ReplicaSet, Service } from "../../engine";
import { type RolloutBounds, rolloutBounds } from "./bounds";
import { type PodState, podState } from "./pod-state";

/** A pod as drawn. */
export interface LivePod {
  name: string;
  state: PodState;
  ip: string | undefined;
  restarts: number;
  /** What kubectl's STATUS column would say (for the tooltip). */
  detail: string;
}

/** A ReplicaSet as drawn. */
export interface LiveReplicaSet {
  name: string;
  revision: string;
  hash: string;
  images: string[];
  desired: number;
  current: number;
  ready: number;
  available: number;
  pods: LivePod[];
}

/** A Service selecting the Deployment's pods. */
export interface LiveService {
  name: string;
  clusterIP: string;
  ports: string;
  /** Ready endpoint addresses with their pod names. */
  ready: Array<{ ip: string; pod: string }>;
  notReady: Array<{ ip: string; pod: string }>;
}

/** Where a Deployment's rollout stands. */
export type RolloutPhase = "running" | "complete" | "paused" | "stalled";

/** A Deployment as drawn. */
export interface LiveDeployment {
  name: string;
  namespace: string;
  replicas: number;
  strategy: string;
  phase: RolloutPhase;
  replicaSets: LiveReplicaSet[];
  services: LiveService[];
  bounds: RolloutBounds | undefined;
}

/** Everything the live view draws for one namespace. */
export interface LiveModel {
  deployments: LiveDeployment[];
  /** Pods no ReplicaSet owns (the busybox pod of the monitor loop, `kubectl run`). */
  loosePods: LivePod[];
}

function list<T>(state: ClusterState, resource: string, namespace: string): T[] {
  const prefix = `${namespace}/`;
  return (state.objects[resource]?.entries() ?? [])
    .filter(([key]) => key.startsWith(prefix))
    .map(([, o]) => o as unknown as T);
}

/** Anything with owner references. */
interface Owned {
  metadata?: { ownerReferences?: Array<{ uid: string; controller?: boolean }> };
}

function ownedBy(o: Owned, uid: string | undefined): boolean {
  return !!uid && (o.metadata?.ownerReferences ?? []).some((r) => r.uid === uid && r.controller);
}

function matches(
  labels: Record<string, string> | undefined,
  selector: Record<string, string> | undefined,
): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  return Object.entries(selector).every(([k, v]) => labels?.[k] === v);
}

function livePod(state: ClusterState, pod: Pod, minReadySeconds: number): LivePod {
  const statuses = pod.status?.containerStatuses ?? [];
  const waiting = statuses.map((c) => c.state?.waiting?.reason).find((r) => r);
  const terminated = statuses.map((c) => c.state?.terminated?.reason).find((r) => r);
  return {
    name: pod.metadata?.name ?? "",
    state: podState(state, pod, minReadySeconds),
    ip: pod.status?.podIP,
    restarts: statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0),
    detail: waiting ?? terminated ?? pod.status?.phase ?? "Pending",
  };
}

/** Pods sorted so the picture is stable: by creation, then name. */
function byAge(a: Pod, b: Pod): number {
  const ta = a.metadata?.creationTimestamp ?? "";
  const tb = b.metadata?.creationTimestamp ?? "";
  return ta === tb ? (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? "") : ta.localeCompare(tb);
}

function liveReplicaSet(state: ClusterState, rs: ReplicaSet, pods: Pod[]): LiveReplicaSet {
  const min = rs.spec?.minReadySeconds ?? 0;
  return {
    name: rs.metadata?.name ?? "",
    revision: rs.metadata?.annotations?.["deployment.kubernetes.io/revision"] ?? "",
    hash: rs.metadata?.labels?.["pod-template-hash"] ?? "",
    images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ""),
    desired: rs.spec?.replicas ?? 0,
    current: rs.status?.replicas ?? 0,
    ready: rs.status?.readyReplicas ?? 0,
    available: rs.status?.availableReplicas ?? 0,
    pods: pods
      .filter((p) => ownedBy(p, rs.metadata?.uid))
      .sort(byAge)
      .map((p) => livePod(state, p, min)),
  };
}

function liveService(svc: Service, endpoints: Endpoints | undefined): LiveService {
  const ready: LiveService["ready"] = [];
  const notReady: LiveService["notReady"] = [];
  for (const subset of endpoints?.subsets ?? []) {
    for (const a of subset.addresses ?? []) ready.push({ ip: a.ip, pod: a.targetRef?.name ?? "" });
    for (const a of subset.notReadyAddresses ?? []) notReady.push({ ip: a.ip, pod: a.targetRef?.name ?? "" });
  }
  const ports = (svc.spec?.ports ?? []).map((p) => `${p.port}/${p.protocol ?? "TCP"}`).join(",");
  return { name: svc.metadata?.name ?? "", clusterIP: svc.spec?.clusterIP ?? "", ports, ready, notReady };
}

function phaseOf(d: Deployment): RolloutPhase {
  const progressing = d.status?.conditions?.find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") return "stalled";
  if (d.spec?.paused) return "paused";
  const want = d.spec?.replicas ?? 1;
  const s = d.status;
  const done =
    !!s &&
    (s.observedGeneration ?? 0) >= (d.metadata?.generation ?? 0) &&
    (s.updatedReplicas ?? 0) === want &&
    (s.replicas ?? 0) === want &&
    (s.availableReplicas ?? 0) === want;
  return done ? "complete" : "running";
}

/** Revision number of a ReplicaSet (0 when missing), for sorting newest first. */
function revisionOf(rs: ReplicaSet): number {
  return Number(rs.metadata?.annotations?.["deployment.kubernetes.io/revision"] ?? 0) || 0;
}

/** The live view's model of `namespace` in `state`. */
export function liveModel(state: ClusterState, namespace = "default"): LiveModel {
  const deployments = list<Deployment>(state, "deployments", namespace);
  const replicaSets = list<ReplicaSet>(state, "replicasets", namespace);
  const pods = list<Pod>(state, "pods", namespace);
  const services = list<Service>(state, "services", namespace);
  const endpoints = list<Endpoints>(state, "endpoints", namespace);
  const ownedPods = new Set<string>();
  const result: LiveDeployment[] = deployments
    .sort((a, b) => (a.metadata?.name ?? "").localeCompare(b.metadata?.name ?? ""))
    .map((d) => {
      const rss = replicaSets
        .filter((rs) => ownedBy(rs, d.metadata?.uid))
        .sort((a, b) => revisionOf(b) - revisionOf(a))
        .map((rs) => liveReplicaSet(state, rs, pods));
      for (const rs of rss) for (const p of rs.pods) ownedPods.add(p.name);
      const podLabels = d.spec?.template?.metadata?.labels;
      const svcs = services
        .filter((s) => matches(podLabels, s.spec?.selector))
        .map((s) =>
          liveService(
            s,
            endpoints.find((e) => e.metadata?.name === s.metadata?.name),
          ),
        );
      const phase = phaseOf(d);
      return {
        name: d.metadata?.name ?? "",
        namespace,
        replicas: d.spec?.replicas ?? 1,
        strategy: d.spec?.strategy?.type ?? "RollingUpdate",
        phase,
        replicaSets: rss,
        services: svcs,
        bounds: rolloutBounds(d, rss),
      };
    });
  const rsPods = new Set(replicaSets.flatMap((rs) => pods.filter((p) => ownedBy(p, rs.metadata?.uid))));
  const loosePods = pods
    .filter((p) => !rsPods.has(p) && !ownedPods.has(p.metadata?.name ?? ""))
    .sort(byAge)
    .map((p) => livePod(state, p, 0));
  return { deployments: result, loosePods };
}
