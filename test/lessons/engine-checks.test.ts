/**
 * Checks read the objects a real engine cluster stores (not hand-made fixtures): a ReplicaSet whose
 * pods run into a pod-count quota shows the FailedCreate event and the ReplicaFailure condition with
 * the quota admission's message (kubectl-facts §11.3: `exceeded quota: NAME, requested: pods=1,
 * used: pods=N, limited: pods=N`), and the pods that were admitted are counted by label.
 */
import { describe, expect, it } from "vitest";
import { createCluster } from "../../src/engine";
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
