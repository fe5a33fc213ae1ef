/**
 * The worked examples of controller-facts §2.6 A–D, driven one sync at a time: ReplicaSet statuses are
 * set by hand as the ReplicaSet controller would set them, and the controller's events are compared as
 * whole strings (v1.31+ wording `Scaled up replica set X from A to B`).
 */
import { describe, expect, it } from "vitest";
import { Bench, deployment, rs } from "./harness";

const AT_REST = { replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 };

/** Every write of these examples keeps Σ spec ≤ replicas + surge (RU1). */
function totalSpec(b: Bench): number {
  return b.sets().reduce((n, s) => n + s.spec.replicas, 0);
}

describe("§2.6 A: replicas 3, 25%/25% → surge 1, unavailable 0, minReadySeconds 10", () => {
  it("creates v2 at 1, then trades one old pod per available new pod, never below 3 available", () => {
    const b = new Bench(deployment(3, { minReadySeconds: 10 }), [rs("web-v1", 3, { available: 3 })], AT_REST);
    expect(b.sync()).toEqual([`Scaled up replica set ${b.rsOf("web:v2").metadata.name} from 0 to 1`]);
    const v2 = b.rsOf("web:v2").metadata.name;
    expect(b.sizes()).toEqual({ "web-v1": 3, [v2]: 1 });
    expect(b.condition("Progressing")?.reason).toBe("NewReplicaSetCreated");
    expect(b.condition("Progressing")?.message).toBe(`Created new replica set "${v2}"`);
    b.set(v2, { replicas: 1 });
    expect(b.sync()).toEqual([]);
    b.at(2).set(v2, { replicas: 1, ready: 1 });
    expect(b.sync()).toEqual([]);
    b.at(13).set(v2, { replicas: 1, ready: 1, available: 1 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 3 to 2"]);
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 1 to 2`]);
    expect(totalSpec(b)).toBeLessThanOrEqual(4);
    b.set("web-v1", { replicas: 2, ready: 2, available: 2 }).set(v2, { replicas: 2, ready: 1, available: 1 });
    expect(b.sync()).toEqual([]);
    b.at(26).set(v2, { replicas: 2, ready: 2, available: 2 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 2 to 1"]);
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 2 to 3`]);
    b.set("web-v1", { replicas: 1, ready: 1, available: 1 })
      .at(39)
      .set(v2, { replicas: 3, ready: 3, available: 3 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 1 to 0"]);
    b.set("web-v1", {});
    b.settle();
    expect(b.condition("Progressing")).toMatchObject({
      status: "True",
      reason: "NewReplicaSetAvailable",
      message: `ReplicaSet "${v2}" has successfully progressed.`,
    });
    expect(b.condition("Available")).toMatchObject({
      status: "True",
      reason: "MinimumReplicasAvailable",
      message: "Deployment has minimum availability.",
    });
    expect(b.deployment().status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3 });
    expect(b.deployment().metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("2");
  });
});

describe("§2.6 B: replicas 10, 25%/25% → surge 3, unavailable 2", () => {
  it("scales both sides in the creating sync, then waits for availability", () => {
    const b = new Bench(deployment(10, { minReadySeconds: 10 }), [rs("web-v1", 10, { available: 10 })], {
      replicas: 10,
      updatedReplicas: 10,
      readyReplicas: 10,
      availableReplicas: 10,
    });
    const created = b.sync();
    const v2 = b.rsOf("web:v2").metadata.name;
    expect(created).toEqual([
      `Scaled up replica set ${v2} from 0 to 3`,
      "Scaled down replica set web-v1 from 10 to 8",
    ]);
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 3 to 5`]);
    b.set("web-v1", { replicas: 8, ready: 8, available: 8 }).set(v2, { replicas: 5, ready: 5 });
    expect(b.sync()).toEqual([]);
    b.at(13).set(v2, { replicas: 5, ready: 5, available: 5 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 8 to 3"]);
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 5 to 10`]);
    expect(totalSpec(b)).toBe(13);
    b.set("web-v1", { replicas: 3, ready: 3, available: 3 })
      .at(26)
      .set(v2, { replicas: 10, ready: 10, available: 10 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 3 to 0"]);
  });
});

describe("§2.6 C: replicas 3, maxSurge 0, maxUnavailable 1", () => {
  it("creates v2 with 0 replicas and no event, and scales the old set down first", () => {
    const b = new Bench(
      deployment(3, { maxSurge: 0, maxUnavailable: 1, minReadySeconds: 10 }),
      [rs("web-v1", 3, { available: 3 })],
      AT_REST,
    );
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 3 to 2"]);
    const v2 = b.rsOf("web:v2").metadata.name;
    expect(b.sizes()).toEqual({ "web-v1": 2, [v2]: 0 });
    expect(b.condition("Progressing")?.reason).toBe("NewReplicaSetCreated");
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 0 to 1`]);
    b.set("web-v1", { replicas: 2, ready: 2, available: 2 })
      .at(13)
      .set(v2, { replicas: 1, ready: 1, available: 1 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 2 to 1"]);
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 1 to 2`]);
    b.set("web-v1", { replicas: 1, ready: 1, available: 1 })
      .at(26)
      .set(v2, { replicas: 2, ready: 2, available: 2 });
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 1 to 0"]);
    expect(b.sync()).toEqual([`Scaled up replica set ${v2} from 2 to 3`]);
    b.set("web-v1", {}).at(39).set(v2, { replicas: 3, ready: 3, available: 3 });
    b.settle();
    expect(b.condition("Progressing")?.reason).toBe("NewReplicaSetAvailable");
  });
});

describe("§2.6 D: Recreate, replicas 3", () => {
  it("scales the old set to 0, waits until its pods are gone, then creates the new set at full size", () => {
    const b = new Bench(deployment(3, { recreate: true }), [rs("web-v1", 3, { available: 3 })], AT_REST);
    expect(b.sync()).toEqual(["Scaled down replica set web-v1 from 3 to 0"]);
    expect(b.sets()).toHaveLength(1);
    expect(b.sync()).toEqual([]);
    expect(b.sets()).toHaveLength(1);
    b.set("web-v1", {});
    const events = b.sync();
    const v2 = b.rsOf("web:v2").metadata.name;
    expect(events).toEqual([`Scaled up replica set ${v2} from 0 to 3`]);
    expect(b.condition("Available")).toMatchObject({ status: "False", reason: "MinimumReplicasUnavailable" });
  });

  it("waits while a terminating old pod is left (RC1: never old and new pods together)", () => {
    const b = new Bench(deployment(3, { recreate: true }), [rs("web-v1", 0, { current: 0 })], AT_REST);
    const owner = b.rs("web-v1");
    b.write((api) => {
      api.create("pods", {
        metadata: {
          name: "web-v1-abcde",
          labels: owner.spec.template.metadata.labels,
          ownerReferences: [
            {
              apiVersion: "apps/v1",
              kind: "ReplicaSet",
              name: "web-v1",
              uid: owner.metadata.uid ?? "",
              controller: true,
            },
          ],
        },
        spec: { containers: [{ name: "web", image: "web:v1" }] },
      });
    });
    expect(b.sync()).toEqual([]);
    expect(b.sets()).toHaveLength(1);
    b.write((api) => api.delete("pods", "default", "web-v1-abcde", { gracePeriodSeconds: 0 }));
    expect(b.sync()).toEqual([`Scaled up replica set ${b.rsOf("web:v2").metadata.name} from 0 to 3`]);
  });
});
