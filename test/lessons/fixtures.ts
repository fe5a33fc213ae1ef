/**
 * Fixture builders for lesson tests that read like the domain: a cluster state with a deployment, its
 * ReplicaSets and pods, written as plain objects (the shapes the API server stores), and a fake session.
 */
import { Bucket, type ClusterState, DecisionLog, emptyEventStore, type KObject } from "../../src/engine";
import { putEvent } from "../../src/engine/store/event-store";
import type { LessonSession, WorldCommand, WorldTerminal } from "../../src/lessons";

/** An empty state at simulated time `now`. */
export function emptyCluster(now = 0): ClusterState {
  return {
    now,
    epoch: 0,
    resourceVersion: 0,
    uidCounter: 0,
    rng: 1,
    objects: {},
    events: emptyEventStore(),
    runtime: {},
    decisions: DecisionLog.empty(),
  };
}

/** Adds `obj` to `state` under `resource` (returns the state for chaining). */
export function put(state: ClusterState, resource: string, obj: KObject): ClusterState {
  const key = obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name;
  if (resource === "events") putEvent(state, key, obj);
  else state.objects[resource] = (state.objects[resource] ?? Bucket.empty()).with(key, obj);
  return state;
}

/** Deployment `name` at `revision` with `image`, paused or not, and optional status. */
export function deployment(
  name: string,
  revision: number,
  image: string,
  extra: { paused?: boolean; available?: number; conditions?: object[]; minReadySeconds?: number } = {},
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name,
      namespace: "default",
      uid: `uid-${name}`,
      labels: { app: name },
      annotations: { "deployment.kubernetes.io/revision": String(revision) },
    },
    spec: {
      replicas: 3,
      paused: extra.paused,
      minReadySeconds: extra.minReadySeconds,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } },
    },
    status: { availableReplicas: extra.available ?? 3, conditions: extra.conditions ?? [] },
  };
}

/** ReplicaSet `hash` of deployment `owner`, at `revision`, with `replicas` and an optional change-cause. */
export function rs(
  owner: string,
  hash: string,
  revision: number,
  replicas: number,
  image: string,
  cause?: string,
): KObject {
  const annotations: Record<string, string> = { "deployment.kubernetes.io/revision": String(revision) };
  if (cause) annotations["kubernetes.io/change-cause"] = cause;
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${owner}-${hash}`,
      namespace: "default",
      uid: `uid-${owner}-${hash}`,
      labels: { app: owner, "pod-template-hash": hash },
      annotations,
      ownerReferences: [
        { apiVersion: "apps/v1", kind: "Deployment", name: owner, uid: `uid-${owner}`, controller: true },
      ],
    },
    spec: { replicas, template: { spec: { containers: [{ name: owner, image }] } } },
    status: { replicas, readyReplicas: replicas, availableReplicas: replicas },
  };
}

/** Pod `name` with label app=`app`, `image`, ready or not, and an optional waiting reason. */
export function pod(name: string, app: string, image: string, ready: boolean, waiting?: string): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, namespace: "default", uid: `uid-${name}`, labels: { app } },
    spec: { containers: [{ name: app, image }] },
    status: {
      phase: "Running",
      conditions: [{ type: "Ready", status: ready ? "True" : "False" }],
      containerStatuses: [
        {
          name: app,
          restartCount: waiting ? 3 : 0,
          state: waiting ? { waiting: { reason: waiting } } : { running: {} },
        },
      ],
    },
  };
}

/** An event `reason` about `kind`/`name`. */
export function event(
  reason: string,
  kind: string,
  name: string,
  message: string,
  type = "Warning",
): KObject {
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${name}.1`, namespace: "default" },
    involvedObject: { kind, name, namespace: "default" },
    reason,
    message,
    type,
  };
}

/** A command in the transcript. */
export function ran(line: string, exit: number | null, stdout = "", stderr = "", terminal = 1): WorldCommand {
  return { terminal, line, stdout, stderr, exit, t: 0 };
}

/** A session whose state, transcript and terminals a test sets by hand. */
export class FakeSession implements LessonSession {
  transcript: WorldCommand[] = [];
  terminals: WorldTerminal[] = [{ id: 1, busy: false }];
  readonly cluster: LessonSession["cluster"];
  private current: ClusterState;
  private readonly listeners = new Set<(s: ClusterState) => void>();

  constructor(state: ClusterState = emptyCluster()) {
    this.current = state;
    const session = this;
    this.cluster = {
      get state() {
        return session.current;
      },
      subscribe: (l) => {
        this.listeners.add(l);
        return () => this.listeners.delete(l);
      },
    };
  }

  /** Publishes a new cluster state, as the engine does after every transaction. */
  publish(state: ClusterState): void {
    this.current = state;
    for (const l of this.listeners) l(state);
  }
}
