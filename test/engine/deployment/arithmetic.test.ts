/**
 * The pure rollout arithmetic against the upstream tables (controller-facts §1.3, §2.3, §5, §9):
 * TestResolveFenceposts, the defaults worked out, NewRSNewReplicas, the hash digit map.
 */
import { describe, expect, it } from "vitest";
import {
  computeHash,
  getReplicaSetFraction,
  type KObject,
  maxSurge,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  resolveFenceposts,
  safeEncodeString,
} from "../../../src/engine/index";
import { deployment } from "./harness";

describe("resolveFenceposts (TestResolveFenceposts)", () => {
  it.each([
    ["39%", "39%", 10, 4, 3],
    [undefined, "39%", 10, 0, 3],
    ["39%", undefined, 10, 4, 0],
    [undefined, undefined, 10, 0, 1],
    ["0%", "0%", 0, 0, 1],
    [0, "1%", 10, 0, 1],
  ] as const)("maxSurge %s, maxUnavailable %s of %i → %i/%i", (s, u, desired, surge, unavailable) => {
    expect(resolveFenceposts(s, u, desired)).toEqual([surge, unavailable, undefined]);
  });

  it.each([
    ["oops", "39%"],
    ["39%", "urg"],
  ])("%s / %s is an error", (s, u) => {
    const [, , error] = resolveFenceposts(s, u, 10);
    expect(error).toBeInstanceOf(Error);
  });
});

describe("maxSurge / maxUnavailable / minAvailable of a Deployment (defaults 25%/25%)", () => {
  it.each([
    [3, 1, 0, 3],
    [4, 1, 1, 3],
    [10, 3, 2, 8],
    [1, 1, 0, 1],
    [0, 0, 0, 0],
  ])("replicas %i → surge %i, unavailable %i, minAvailable %i", (replicas, surge, unavailable, min) => {
    const d = deployment(replicas);
    expect([maxSurge(d), maxUnavailable(d), minAvailable(d)]).toEqual([surge, unavailable, min]);
  });

  it("caps maxUnavailable at replicas but never caps maxSurge (200% of 3 → 6)", () => {
    expect(maxUnavailable(deployment(3, { maxUnavailable: 5 }))).toBe(3);
    expect(maxSurge(deployment(3, { maxSurge: "200%" }))).toBe(6);
  });

  it("is 0/0 for Recreate (Available then needs every replica)", () => {
    const d = deployment(3, { recreate: true });
    expect([maxSurge(d), maxUnavailable(d), minAvailable(d)]).toEqual([0, 0, 0]);
  });
});

describe("newRSNewReplicas (§2.3)", () => {
  const size = (n: number): KObject => ({
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "x" },
    spec: { replicas: n },
  });
  it("replicas 3, surge 1, old 3: the new set starts at min(4 − 3, 3 − 0) = 1", () => {
    expect(newRSNewReplicas(deployment(3), [size(3), size(0)], size(0))).toBe(1);
  });
  it("maxSurge 0: the new set is created with 0", () => {
    expect(
      newRSNewReplicas(deployment(3, { maxSurge: 0, maxUnavailable: 1 }), [size(3), size(0)], size(0)),
    ).toBe(0);
  });
  it("replicas 10: 0 + min(13 − 10, 10) = 3; later 3 + min(13 − 11, 7) = 5", () => {
    expect(newRSNewReplicas(deployment(10), [size(10), size(0)], size(0))).toBe(3);
    expect(newRSNewReplicas(deployment(10), [size(8), size(3)], size(3))).toBe(5);
  });
  it("Recreate: all replicas at once", () => {
    expect(newRSNewReplicas(deployment(3, { recreate: true }), [size(0)], size(0))).toBe(3);
  });
});

describe("getReplicaSetFraction (§9, Go rounding half away from zero)", () => {
  it("docs example: old 8 with max-replicas 13, Deployment 15 + 3 → +3", () => {
    const d = deployment(15, { maxSurge: 3, maxUnavailable: 2 });
    const rs: KObject = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "old", annotations: { "deployment.kubernetes.io/max-replicas": "13" } },
      spec: { replicas: 8 },
    };
    expect(getReplicaSetFraction(rs, d)).toBe(3);
  });
  it("scaling to 0 takes the whole set", () => {
    const rs: KObject = {
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: { name: "x" },
      spec: { replicas: 4 },
    };
    expect(getReplicaSetFraction(rs, deployment(0))).toBe(-4);
  });
});

describe("computeHash and the safe-alphabet digit map (§5)", () => {
  it("maps the decimal digits 0–9 to 4 5 6 7 8 9 b c d f", () => {
    expect(safeEncodeString("0123456789")).toBe("456789bcdf");
    expect(safeEncodeString("1908549281")).toBe("5f4d98f6d5");
  });
  it("is stable for one template, differs for another and for collisionCount undefined vs 0", () => {
    const t = {
      metadata: { labels: { app: "web" } },
      spec: { containers: [{ name: "web", image: "web:v1" }] },
    };
    const again = {
      spec: { containers: [{ image: "web:v1", name: "web" }] },
      metadata: { labels: { app: "web" } },
    };
    expect(computeHash(t)).toBe(computeHash(again));
    expect(computeHash(t)).toMatch(/^[456789bcdf]{1,10}$/);
    expect(computeHash(t, 0)).not.toBe(computeHash(t));
    expect(computeHash(t, 1)).not.toBe(computeHash(t, 0));
  });
});
