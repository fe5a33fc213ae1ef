/**
 * Conditions (§7), the progress deadline (§7.4: a condition only, checked strictly after lastUpdateTime +
 * progressDeadlineSeconds) and pause (§8: no new set while paused, scaling still applied).
 */
import { describe, expect, it } from "vitest";
import { deploymentController } from "../../../src/engine/controllers/deployment";
import { Bench, deployment, rs } from "./harness";

const AT_REST = { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 };

describe("progress deadline", () => {
  it("times out strictly after lastUpdateTime + progressDeadlineSeconds, and progress flips it back", () => {
    const b = new Bench(
      deployment(3, { progressDeadlineSeconds: 30 }),
      [rs("web-v1", 3, { available: 3 })],
      AT_REST,
    );
    b.at(5).sync();
    const v2 = b.rsOf("web:v2").metadata.name;
    expect(b.condition("Progressing")).toMatchObject({
      reason: "NewReplicaSetCreated",
      lastUpdateTime: "2026-01-01T00:00:05Z",
    });
    expect(deploymentController.nextWake(b.state)).toBe(36_000);
    b.at(35).sync();
    expect(b.condition("Progressing")?.reason).toBe("NewReplicaSetCreated");
    b.at(36).sync();
    expect(b.condition("Progressing")).toEqual({
      type: "Progressing",
      status: "False",
      lastUpdateTime: "2026-01-01T00:00:36Z",
      lastTransitionTime: "2026-01-01T00:00:36Z",
      reason: "ProgressDeadlineExceeded",
      message: `ReplicaSet "${v2}" has timed out progressing.`,
    });
    expect(deploymentController.nextWake(b.state)).toBeUndefined();
    expect(b.sizes()[v2]).toBe(1);
    b.at(40).set(v2, { replicas: 1, ready: 1 });
    b.sync();
    expect(b.condition("Progressing")).toEqual({
      type: "Progressing",
      status: "True",
      lastUpdateTime: "2026-01-01T00:00:40Z",
      lastTransitionTime: "2026-01-01T00:00:40Z",
      reason: "ReplicaSetUpdated",
      message: `ReplicaSet "${v2}" is progressing.`,
    });
  });

  it("keeps lastTransitionTime while True and moves lastUpdateTime on every progress", () => {
    const b = new Bench(
      deployment(3, { progressDeadlineSeconds: 30 }),
      [rs("web-v1", 3, { available: 3 })],
      AT_REST,
    );
    b.sync();
    const v2 = b.rsOf("web:v2").metadata.name;
    b.at(2).set(v2, { replicas: 1 }).sync();
    b.at(4).set(v2, { replicas: 1, ready: 1 }).sync();
    expect(b.condition("Progressing")).toMatchObject({
      reason: "ReplicaSetUpdated",
      lastUpdateTime: "2026-01-01T00:00:04Z",
      lastTransitionTime: "2026-01-01T00:00:00Z",
    });
  });

  it("copies a ReplicaSet's ReplicaFailure condition", () => {
    const b = new Bench(deployment(3), [rs("web-v1", 3, { available: 3 })], AT_REST);
    b.sync();
    const v2 = b.rsOf("web:v2");
    const failure = {
      type: "ReplicaFailure",
      status: "True",
      lastTransitionTime: "2026-01-01T00:00:00Z",
      reason: "FailedCreate",
      message:
        'pods "web-x-" is forbidden: exceeded quota: q, requested: pods=1, used: pods=3, limited: pods=3',
    };
    b.write((api) =>
      api.updateStatus("replicasets", { ...v2, status: { ...v2.status, conditions: [failure] } }),
    );
    b.sync();
    expect(b.condition("ReplicaFailure")).toEqual({ ...failure, lastUpdateTime: "2026-01-01T00:00:00Z" });
  });
});

describe("pause", () => {
  it("creates no new set while paused, still scales, and resumes with DeploymentResumed", () => {
    const b = new Bench(deployment(3, { paused: true }), [rs("web-v1", 3, { available: 3 })], AT_REST);
    expect(b.sync()).toEqual([]);
    expect(b.sets()).toHaveLength(1);
    expect(b.condition("Progressing")).toMatchObject({
      status: "Unknown",
      reason: "DeploymentPaused",
      message: "Deployment is paused",
    });
    b.write((api) => {
      const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
      d.spec.replicas = 5;
      delete d.metadata.resourceVersion;
      return api.update("deployments", d);
    });
    expect(b.sync()).toEqual(["Scaled up replica set web-v1 from 3 to 5"]);
    expect(b.sets()).toHaveLength(1);
    b.set("web-v1", { replicas: 5, ready: 5, available: 5 });
    b.at(10).write((api) => {
      const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
      d.spec.paused = false;
      delete d.metadata.resourceVersion;
      return api.update("deployments", d);
    });
    const events = b.sync();
    // replicas 5 → surge 2, unavailable 1: the creating sync also frees 7 − 4 − 2 = 1 old pod (§2.2).
    expect(events).toEqual([
      `Scaled up replica set ${b.rsOf("web:v2").metadata.name} from 0 to 2`,
      "Scaled down replica set web-v1 from 5 to 4",
    ]);
    expect(b.state.decisions.toArray().map((d) => d.message)).toContain(
      "Progressing=Unknown DeploymentResumed: Deployment is resumed",
    );
  });
});
