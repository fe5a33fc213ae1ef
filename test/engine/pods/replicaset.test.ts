import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { slowStartBatches } from "../../../src/engine/controllers/replicaset/manage";
import { getPodsToDelete } from "../../../src/engine/controllers/replicaset/ranking";
import type { KObject } from "../../../src/engine/index";
import { cluster, eventsOf, podsOf, rs } from "./fixtures";

const EPOCH = Date.UTC(2026, 0, 1);
const at = (s: number) => new Date(EPOCH + s * 1000).toISOString().replace(".000Z", "Z");

/** A pod in the shape TestGetPodsToDelete builds them. */
function rankedPod(
  name: string,
  node: string | undefined,
  phase: string,
  ready: boolean,
  readySince = 0,
): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, uid: `uid-${name}`, creationTimestamp: at(0) },
    spec: node ? { nodeName: node } : {},
    status: {
      phase,
      conditions: [{ type: "Ready", status: ready ? "True" : "False", lastTransitionTime: at(readySince) }],
    },
  };
}

describe("ReplicaSet slow start (§10.1)", () => {
  it("creates 10 pods in batches 1, 2, 4, 3", () => {
    expect(slowStartBatches(10)).toEqual([1, 2, 4, 3]);
    expect(slowStartBatches(1)).toEqual([1]);
    expect(slowStartBatches(0)).toEqual([]);
  });

  it("stops after the first batch with a refusal: quota of 5 pods → 5 created, 2 FailedCreate, ReplicaFailure", () => {
    const c = cluster();
    c.request((api) =>
      api.create("resourcequotas", {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: { name: "q" },
        spec: { hard: { pods: "5" } },
      }),
    );
    c.request((api) => api.create("replicasets", rs("web-5f4d98f6d5", 10, "gasbugs/http-go:v1")));
    expect(podsOf(c, "web-5f4d98f6d5-")).toHaveLength(5);
    const events = eventsOf(c, "web-5f4d98f6d5");
    expect(events.filter((e) => e.startsWith("SuccessfulCreate: Created pod: web-5f4d98f6d5-"))).toHaveLength(
      5,
    );
    const failed = events.filter((e) => e.startsWith("FailedCreate: "));
    expect(failed.length).toBeGreaterThanOrEqual(2);
    expect(failed[0]).toMatch(
      /^FailedCreate: Error creating: pods "web-5f4d98f6d5-[a-z0-9]{5}" is forbidden: exceeded quota: q, requested: pods=1, used: pods=5, limited: pods=5$/,
    );
    const status = c.state.objects.replicasets?.get("default/web-5f4d98f6d5")?.status;
    expect(status.conditions[0]).toMatchObject({
      type: "ReplicaFailure",
      status: "True",
      reason: "FailedCreate",
    });
    expect(status.replicas).toBe(5);
  });

  it("removes ReplicaFailure once creation succeeds again", () => {
    const c = cluster();
    c.request((api) =>
      api.create("resourcequotas", {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: { name: "q" },
        spec: { hard: { pods: "1" } },
      }),
    );
    c.request((api) => api.create("replicasets", rs("web-5f4d98f6d5", 2, "gasbugs/http-go:v1")));
    c.request((api) => api.delete("resourcequotas", "default", "q"));
    c.advance(2000);
    const status = c.state.objects.replicasets?.get("default/web-5f4d98f6d5")?.status;
    expect(status.conditions).toBeUndefined();
    expect(podsOf(c, "web-5f4d98f6d5-")).toHaveLength(2);
  });
});

describe("ReplicaSet status (§10.3)", () => {
  it("counts available pods only strictly after minReadySeconds", () => {
    const c = cluster();
    c.request((api) => api.create("replicasets", rs("web-5f4d98f6d5", 2, "gasbugs/http-go:v1", {})));
    c.request((api) => {
      const r = api.get("replicasets", "default", "web-5f4d98f6d5");
      return api.update("replicasets", { ...r, spec: { ...r.spec, minReadySeconds: 10 } });
    });
    const status = () => c.state.objects.replicasets?.get("default/web-5f4d98f6d5")?.status;
    c.advance(3000);
    expect(status()).toMatchObject({ replicas: 2, readyReplicas: 2 });
    expect(status().availableReplicas).toBeUndefined();
    c.advance(10_000);
    expect(status().availableReplicas).toBeUndefined();
    c.advance(1000);
    expect(status().availableReplicas).toBe(2);
  });

  it("excludes terminating pods from replicas and replaces them at once", () => {
    const c = cluster();
    c.request((api) => api.create("replicasets", rs("web-5f4d98f6d5", 2, "gasbugs/http-go:v1")));
    c.advance(5000);
    const victim = podsOf(c, "web-5f4d98f6d5-")[0] as KObject;
    c.request((api) => api.delete("pods", "default", victim.metadata.name));
    expect(podsOf(c, "web-5f4d98f6d5-")).toHaveLength(3);
    expect(c.state.objects.replicasets?.get("default/web-5f4d98f6d5")?.status.replicas).toBe(2);
  });
});

describe("which pods go first when scaling down (§10.2, TestGetPodsToDelete order)", () => {
  it("unscheduled, then pending, then not ready, then ready on a crowded node, then ready elsewhere", () => {
    const pods = [
      rankedPod("running-ready-lonely", "node-2", "Running", true),
      rankedPod("running-ready-crowded", "node-1", "Running", true),
      rankedPod("running-not-ready", "node-1", "Running", false),
      rankedPod("scheduled-pending", "node-1", "Pending", false),
      rankedPod("unscheduled-pending", undefined, "Pending", false),
    ];
    const order = getPodsToDelete(pods, pods, 4, 100_000, EPOCH).map((p) => p.metadata.name);
    expect(order).toEqual([
      "unscheduled-pending",
      "scheduled-pending",
      "running-not-ready",
      "running-ready-crowded",
    ]);
  });

  it("ranks a pod it ranked before as a pod it never saw (pod keys are remembered between scale-downs)", () => {
    // Scale-downs of one ReplicaSet rank mostly the same pod objects again, at later instants: the
    // remembered keys must give the order a first ranking of equal, never-seen pods gives.
    const pod = fc.record({
      node: fc.constantFrom(undefined, "n1", "n2"),
      phase: fc.constantFrom("Pending", "Running", "Unknown"),
      ready: fc.boolean(),
      readySince: fc.integer({ min: 0, max: 600 }),
    });
    const step = fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 5000 }));
    fc.assert(
      fc.property(
        fc.array(pod, { minLength: 2, maxLength: 40 }),
        fc.array(step, { minLength: 2, maxLength: 5 }),
        (specs, steps) => {
          const seen: { pods: KObject[]; count: number; now: number; order: string[] }[] = [];
          let left = specs.map((p, i) => rankedPod(`p${i}`, p.node, p.phase, p.ready, p.readySince));
          let now = 601_000;
          // The same pod objects, scale-down after scale-down (each ranking sees the previous one's pods)…
          for (const [count, later] of steps) {
            if (left.length < 2) break;
            now += later * 1000;
            const order = getPodsToDelete(left, left, count, now, EPOCH).map((p) => p.metadata.name);
            seen.push({ pods: left, count, now, order });
            left = left.filter((p) => !order.includes(p.metadata.name));
          }
          // …then each ranking again over copies no ranking has seen.
          for (const s of seen) {
            const fresh = structuredClone(s.pods);
            const order = getPodsToDelete(fresh, fresh, s.count, s.now, EPOCH).map((p) => p.metadata.name);
            expect(order).toEqual(s.order);
          }
        },
      ),
    );
  });

  it("among ready pods on one node, the one ready for less time goes first", () => {
    const old = rankedPod("ready-long", "n", "Running", true, 0);
    const young = rankedPod("ready-short", "n", "Running", true, 90);
    expect(getPodsToDelete([old, young], [old, young], 1, 100_000, EPOCH)[0]?.metadata.name).toBe(
      "ready-short",
    );
  });

  it("deletes the surplus when replicas go down, recording SuccessfulDelete", () => {
    const c = cluster();
    c.request((api) => api.create("replicasets", rs("web-5f4d98f6d5", 3, "gasbugs/http-go:v1")));
    c.advance(5000);
    c.request((api) => {
      const r = api.get("replicasets", "default", "web-5f4d98f6d5");
      return api.update("replicasets", { ...r, spec: { ...r.spec, replicas: 1 } });
    });
    const deleted = eventsOf(c, "web-5f4d98f6d5").filter((e) =>
      e.startsWith("SuccessfulDelete: Deleted pod: "),
    );
    expect(deleted).toHaveLength(2);
    c.advance(2000);
    expect(podsOf(c, "web-5f4d98f6d5-")).toHaveLength(1);
  });

  it("garbage-collects the pods of a deleted ReplicaSet", () => {
    const c = cluster();
    c.request((api) => api.create("replicasets", rs("web-5f4d98f6d5", 2, "gasbugs/http-go:v1")));
    c.advance(5000);
    c.request((api) => api.delete("replicasets", "default", "web-5f4d98f6d5"));
    c.advance(2000);
    expect(podsOf(c, "web-5f4d98f6d5-")).toHaveLength(0);
  });
});
