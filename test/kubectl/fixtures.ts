/** Hand-built objects in the shapes the controllers write, for printer tests (names from the reference sheet). */
import type { KObject } from "../../src/engine";
import { at } from "./support";

const template = (image: string, hash?: string) => ({
  metadata: { labels: { app: "http-go", ...(hash ? { "pod-template-hash": hash } : {}) } },
  spec: { containers: [{ name: "http-go", image, ports: [{ containerPort: 8080, protocol: "TCP" }] }] },
});

/** A Deployment `http-go` with the given status, created at t=0. */
export function deployment(
  status: Record<string, unknown>,
  extra: {
    generation?: number;
    replicas?: number;
    image?: string;
    annotations?: Record<string, string>;
  } = {},
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: {
      name: "http-go",
      namespace: "default",
      generation: extra.generation ?? 1,
      creationTimestamp: at(0),
      labels: { app: "http-go" },
      annotations: extra.annotations ?? { "deployment.kubernetes.io/revision": "1" },
    },
    spec: {
      replicas: extra.replicas ?? 3,
      selector: { matchLabels: { app: "http-go" } },
      template: template(extra.image ?? "example/http-go:v2"),
      strategy: { type: "RollingUpdate", rollingUpdate: { maxUnavailable: "25%", maxSurge: "25%" } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    },
    status,
  };
}

/** A ReplicaSet of http-go with `hash`, revision, image and replica counts. */
export function replicaSet(
  hash: string,
  revision: number,
  image: string,
  counts: { desired: number; current: number; ready: number },
  createdSec: number,
  changeCause?: string,
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `http-go-${hash}`,
      namespace: "default",
      creationTimestamp: at(createdSec),
      labels: { app: "http-go", "pod-template-hash": hash },
      annotations: {
        "deployment.kubernetes.io/desired-replicas": "3",
        "deployment.kubernetes.io/max-replicas": "4",
        "deployment.kubernetes.io/revision": String(revision),
        ...(changeCause ? { "kubernetes.io/change-cause": changeCause } : {}),
      },
      ownerReferences: [
        {
          apiVersion: "apps/v1",
          kind: "Deployment",
          name: "http-go",
          uid: "uid-http-go",
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      replicas: counts.desired,
      selector: { matchLabels: { app: "http-go", "pod-template-hash": hash } },
      template: template(image, hash),
    },
    status: { replicas: counts.current, readyReplicas: counts.ready, availableReplicas: counts.ready },
  };
}

/** A pod of an RS with a container status. */
export function pod(
  name: string,
  createdSec: number,
  status: Record<string, unknown>,
  deletedSec?: number,
): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name,
      namespace: "default",
      creationTimestamp: at(createdSec),
      labels: { app: "http-go" },
      ...(deletedSec !== undefined
        ? { deletionTimestamp: at(deletedSec), deletionGracePeriodSeconds: 30 }
        : {}),
    },
    spec: {
      nodeName: "minikube",
      containers: [{ name: "http-go", image: "example/http-go:v2" }],
    },
    status,
  };
}

/** A running, ready container status. */
export const running = (restarts = 0, lastFinishedSec?: number) => ({
  phase: "Running",
  podIP: "10.244.0.12",
  podIPs: [{ ip: "10.244.0.12" }],
  conditions: [{ type: "Ready", status: "True" }],
  containerStatuses: [
    {
      name: "http-go",
      ready: true,
      restartCount: restarts,
      image: "example/http-go:v2",
      imageID: "",
      state: { running: { startedAt: at(1) } },
      ...(lastFinishedSec !== undefined
        ? { lastState: { terminated: { exitCode: 2, reason: "Error", finishedAt: at(lastFinishedSec) } } }
        : {}),
    },
  ],
});

/** A pending pod whose container waits with `reason`. */
export const waiting = (reason: string) => ({
  phase: "Pending",
  containerStatuses: [
    {
      name: "http-go",
      ready: false,
      restartCount: 0,
      image: "x",
      imageID: "",
      state: { waiting: { reason } },
    },
  ],
});

let eventCounter = 0;

/** An event about `obj` (kind/name/uid as the fixture stores them), first seen at `firstSec`, seen `count` times until `lastSec`. */
export function event(
  obj: { kind: string; name: string },
  type: string,
  reason: string,
  message: string,
  component: string,
  firstSec: number,
  lastSec = firstSec,
  count = 1,
): KObject {
  eventCounter += 1;
  return {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `${obj.name}.${String(eventCounter).padStart(6, "0")}`, namespace: "default" },
    involvedObject: { kind: obj.kind, name: obj.name, namespace: "default", uid: `uid-${obj.name}` },
    type,
    reason,
    message,
    source: { component },
    count,
    firstTimestamp: at(firstSec),
    lastTimestamp: at(lastSec),
  };
}
