/**
 * Checks read the objects a real engine cluster stores (not hand-made fixtures): a ReplicaSet whose
 * pods run into a pod-count quota shows the FailedCreate event and the ReplicaFailure condition with
 * the quota admission's message (kubectl-facts §11.3: `exceeded quota: NAME, requested: pods=1,
 * used: pods=N, limited: pods=N`), and the pods that were admitted are counted by label.
 */
import { describe, expect, it } from "vitest";
import { type ClusterState, createCluster, type ImageSpec } from "../../src/engine";
import { type Check, evaluate, parseCheck } from "../../src/lessons";

function check(source: string): Check {
  const p = parseCheck(source, 1);
  if (!p.ok) throw new Error(p.message);
  return p.check;
}

describe("checks on a real engine cluster", () => {
  const cluster = createCluster({ seed: 1 });
  cluster.request((api) => {
    api.create(
      "resourcequotas",
      {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: { name: "pods" },
        spec: { hard: { pods: "2" } },
      },
      "default",
    );
  });
  cluster.request((api) => {
    api.create(
      "replicasets",
      {
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        metadata: { name: "web", labels: { app: "web" } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: "web" } },
          template: {
            metadata: { labels: { app: "web" } },
            spec: { containers: [{ name: "web", image: "gasbugs/http-go:v1" }] },
          },
        },
      },
      "default",
    );
  });
  const world = { state: cluster.state, transcript: [], terminals: [] };
  const mark = { transcriptIndex: 0, t: 0 };

  it.each([
    'event reason FailedCreate on replicaset/web message contains "exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2"',
    "replicaset web condition ReplicaFailure reason FailedCreate",
    "replicaset web condition ReplicaFailure status True",
    "resourcequota pods spec.hard.pods == 2",
    "pods app=web count 2",
    "pods app=web image gasbugs/http-go:v1 count 2",
    "rs app=web replicas 3",
    "service kubernetes exists",
    "not deployment web exists",
  ])("%s", (source) => {
    expect(evaluate(check(source), world, mark).ok).toBe(true);
  });
});

/** One ReplicaSet of 1 pod named and labelled `name`, running `image`. */
function replicaSet(name: string, image: string) {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, labels: { app: name } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } },
    },
  };
}

describe("the failure lessons' checks on the real kubelet", () => {
  // Lesson 06's image: v2 needs GREETING and exits at start without it.
  const images: ImageSpec[] = [
    {
      repository: "gasbugs/http-go",
      tags: ["v1", "v2"],
      defaultProcess: "serve",
      ports: [8080],
      variants: { v2: { requiredEnv: ["GREETING"] } },
    },
  ];
  const cluster = createCluster({ seed: 1, images });
  cluster.request((api) => {
    api.create("replicasets", replicaSet("pull", "gasbugs/http-go:v9"), "default");
    api.create("replicasets", replicaSet("crash", "gasbugs/http-go:v2"), "default");
  });
  // 40 s: what `kubectl rollout status … --timeout=40s` waits in lessons 06 and 07. The restart back-off
  // (10 s, doubling) allows at least two restarts by then; a missing tag is in ImagePullBackOff.
  cluster.advance(40_000);
  const at40: ClusterState = cluster.state;

  it.each([
    "pods app=pull image gasbugs/http-go:v9 reason ImagePullBackOff count 1",
    "pods app=pull ready 0",
    'event reason Failed on pod message contains "Failed to pull image \\"gasbugs/http-go:v9\\""',
    "pods app=crash restarts >= 2",
    "pods app=crash reason CrashLoopBackOff count 1",
    'event reason BackOff on pod/crash message contains "Back-off restarting failed container crash"',
  ])("%s", (source) => {
    expect(
      evaluate(check(source), { state: at40, transcript: [], terminals: [] }, { transcriptIndex: 0, t: 0 })
        .ok,
    ).toBe(true);
  });
});
