/**
 * Reading the cluster the way a check needs it: objects by name, pods and ReplicaSets by selector,
 * a Deployment's rollout history (its owned ReplicaSets by revision), events. Read-only helpers over
 * one ClusterState value.
 */
import type { ClusterState, KObject } from "../../engine";
import { matchesRequirements, parseSelector } from "../../engine";

/** The stored object `resource` `namespace/name` (or cluster-scoped `name`), if any. */
export function findObject(
  state: ClusterState,
  resource: string,
  namespace: string,
  name: string,
): KObject | undefined {
  const bucket = state.objects[resource];
  return bucket?.get(`${namespace}/${name}`) ?? bucket?.get(name);
}

/** The objects of `resource` in `namespace` whose labels match `selector` (`*` matches all). */
export function selectObjects(
  state: ClusterState,
  resource: string,
  namespace: string,
  selector: string,
): KObject[] {
  const reqs = selector === "*" ? [] : parseSelector(selector);
  return (state.objects[resource]?.values() ?? []).filter(
    (o) => o.metadata.namespace === namespace && matchesRequirements(reqs, o.metadata.labels),
  );
}

/** The revision annotation of a Deployment or ReplicaSet, as a number (0 when missing). */
export function revisionOf(obj: KObject): number {
  const v = obj.metadata.annotations?.["deployment.kubernetes.io/revision"];
  return v && /^\d+$/.test(v) ? Number(v) : 0;
}

/** The ReplicaSets a Deployment controls, ordered by revision ascending (what `rollout history` lists). */
export function historyOf(state: ClusterState, deployment: KObject): KObject[] {
  const uid = deployment.metadata.uid;
  return (state.objects.replicasets?.values() ?? [])
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((ref) => ref.uid === uid && ref.controller))
    .filter((rs) => rs.metadata.annotations?.["deployment.kubernetes.io/revision"] !== undefined)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
}

/** The containers of a pod template (Deployment, ReplicaSet) or of a pod. */
export function containersOf(obj: KObject): { name: string; image?: string }[] {
  return obj.spec?.template?.spec?.containers ?? obj.spec?.containers ?? [];
}

/** True if the pod is being deleted (kubectl shows Terminating). */
function terminating(pod: KObject): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** True if the pod's Ready condition is True and it is not terminating. */
export function podReady(pod: KObject): boolean {
  if (terminating(pod)) return false;
  const conds: { type: string; status: string }[] = pod.status?.conditions ?? [];
  return conds.some((c) => c.type === "Ready" && c.status === "True");
}

/** Every reason a pod shows: container waiting/terminated reasons (current and last), the pod's reason and phase. */
export function podReasons(pod: KObject): string[] {
  const out: string[] = [];
  for (const cs of pod.status?.containerStatuses ?? []) {
    for (const s of [cs.state, cs.lastState]) {
      if (s?.waiting?.reason) out.push(s.waiting.reason);
      if (s?.terminated?.reason) out.push(s.terminated.reason);
    }
  }
  if (pod.status?.reason) out.push(pod.status.reason);
  if (pod.status?.phase) out.push(pod.status.phase);
  if (terminating(pod)) out.push("Terminating");
  return out;
}

/** Number of pods counted by `metric`: count, ready, running, replicas, available (= ready), restarts (the highest). */
export function podMetric(pods: KObject[], metric: string): number {
  const live = pods.filter((p) => !terminating(p));
  switch (metric) {
    case "ready":
    case "available":
      return live.filter(podReady).length;
    case "running":
      return live.filter((p) => p.status?.phase === "Running").length;
    case "restarts":
      return Math.max(
        0,
        ...pods.flatMap((p) => (p.status?.containerStatuses ?? []).map((c: KObject) => c.restartCount ?? 0)),
      );
    default:
      return live.length;
  }
}

/** Sum over ReplicaSets for `metric`: count (of ReplicaSets), replicas (spec), ready, available, running (status.replicas). */
export function replicaSetMetric(sets: KObject[], metric: string): number {
  const sum = (f: (rs: KObject) => number | undefined) => sets.reduce((n, rs) => n + (f(rs) ?? 0), 0);
  switch (metric) {
    case "replicas":
      return sum((rs) => rs.spec?.replicas);
    case "ready":
      return sum((rs) => rs.status?.readyReplicas);
    case "available":
      return sum((rs) => rs.status?.availableReplicas);
    case "running":
      return sum((rs) => rs.status?.replicas);
    case "restarts":
      return 0;
    default:
      return sets.length;
  }
}

/** Ready addresses of the Service's Endpoints object. */
export function readyEndpoints(state: ClusterState, namespace: string, name: string): number {
  const ep = findObject(state, "endpoints", namespace, name);
  return (ep?.subsets ?? []).reduce((n: number, s: KObject) => n + (s.addresses?.length ?? 0), 0);
}

/** The value at a dotted path (`spec.ports.0.port`), or undefined. */
export function valueAt(obj: unknown, path: readonly string[]): unknown {
  let v: unknown = obj;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}
