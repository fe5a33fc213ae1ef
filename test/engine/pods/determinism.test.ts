import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../../src/engine/index";
import { cluster, rs } from "./fixtures";

/** One step a learner could cause: create or scale a ReplicaSet, delete a pod, let time pass. */
type Op =
  | { kind: "scale"; name: string; replicas: number; image: string }
  | { kind: "deletePod"; index: number }
  | { kind: "advance"; ms: number };

const IMAGES = ["gasbugs/http-go:v1", "sandbox/needs-env:v1", "gasbugs/http-go:v9", "busybox"];

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant("scale" as const),
    name: fc.constantFrom("a", "b"),
    replicas: fc.integer({ min: 0, max: 6 }),
    image: fc.constantFrom(...IMAGES),
  }),
  fc.record({ kind: fc.constant("deletePod" as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant("advance" as const), ms: fc.integer({ min: 0, max: 60_000 }) }),
);

function apply(c: Cluster, o: Op): void {
  if (o.kind === "advance") {
    c.advance(o.ms);
    return;
  }
  if (o.kind === "deletePod") {
    const pods = c.state.objects.pods?.values() ?? [];
    const p = pods[o.index % Math.max(1, pods.length)];
    if (p) c.request((api) => api.delete("pods", "default", p.metadata.name));
    return;
  }
  c.request((api) => {
    const existing = api.state.objects.replicasets?.get(`default/${o.name}`);
    if (!existing) return api.create("replicasets", rs(o.name, o.replicas, o.image));
    const next = JSON.parse(JSON.stringify(existing));
    next.spec.replicas = o.replicas;
    return api.update("replicasets", next);
  });
}

describe("determinism (DET1: same seed + same operations → deep-equal state)", () => {
  it("DET1 holds for random pod-level operations, failing images included; DET2: a cluster driven alone ends as two driven in turn do", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { maxLength: 12 }), (seed, ops) => {
        // In turn, each controller pass finds the other cluster's objects as its last view, so it reads
        // everything; alone, controllers visit only what changed. Both must act the same (DET2).
        const a = cluster(seed);
        const b = cluster(seed);
        for (const o of ops) {
          apply(a, o);
          apply(b, o);
        }
        expect(JSON.stringify(b.state)).toBe(JSON.stringify(a.state));
        const alone = cluster(seed);
        for (const o of ops) apply(alone, o);
        expect(JSON.stringify(alone.state)).toBe(JSON.stringify(a.state));
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it("DET3: continuing from a restored snapshot gives what continuing from it gave the first time (time travel)", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 8 }), fc.array(op, { maxLength: 8 }), (before, after) => {
        const c = cluster(5);
        for (const o of before) apply(c, o);
        const snapshot = c.state;
        for (const o of after) apply(c, o);
        const first = JSON.stringify(c.state);
        c.restore(snapshot);
        for (const o of after) apply(c, o);
        expect(JSON.stringify(c.state)).toBe(first);
      }),
      { numRuns: 15 },
    );
  }, 60_000);

  it("RSC1: every ReplicaSet's status.replicas equals its active pods after any operations", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (ops) => {
        const c = cluster(3);
        for (const o of ops) apply(c, o);
        for (const set of c.state.objects.replicasets?.values() ?? []) {
          const active = (c.state.objects.pods?.values() ?? []).filter(
            (p) =>
              p.metadata.ownerReferences?.[0]?.uid === set.metadata.uid &&
              !p.metadata.deletionTimestamp &&
              !["Succeeded", "Failed"].includes(p.status?.phase),
          );
          expect(set.status.replicas).toBe(active.length);
          expect(active.length).toBe(set.spec.replicas);
        }
      }),
      { numRuns: 15 },
    );
  }, 60_000);
});
