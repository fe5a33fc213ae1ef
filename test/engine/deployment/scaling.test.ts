/**
 * Proportional scaling (controller-facts §9): the docs example and every TestScale row listed there, driven
 * through the controller (a changed spec.replicas with several active sets is a scaling event).
 */
import { describe, expect, it } from "vitest";
import { Bench, deployment, rs } from "./harness";

describe("proportional scaling (TestScale)", () => {
  it("docs example: 10 → 15 with old 8 / new 5 (maxSurge 3) gives old 11 / new 7", () => {
    const b = new Bench(deployment(15, { maxSurge: 3, maxUnavailable: 2 }), [
      rs("web-v1", 8, { available: 8, desired: 10, max: 13 }),
      rs("web-v2", 5, { image: "web:v2", available: 0, desired: 10, max: 13 }),
    ]);
    expect(b.sync()).toEqual([
      "Scaled up replica set web-v1 from 8 to 11",
      "Scaled up replica set web-v2 from 5 to 7",
    ]);
    expect(b.sizes()).toEqual({ "web-v1": 11, "web-v2": 7 });
    expect(b.rs("web-v2").metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/desired-replicas": "15",
      "deployment.kubernetes.io/max-replicas": "18",
    });
  });

  // [old replicas, new replicas, old surge, new surge, sizes oldest → newest (the last is the new set), expected]
  it.each([
    ["5 → 10 with old 3 / new 2", 5, 10, 0, 0, [3, 2], [6, 4]],
    ["7 → 10 with 2/3/2", 7, 10, 0, 0, [2, 3, 2], [3, 4, 3]],
    ["13 → 8 with 3/8/2", 13, 8, 0, 0, [3, 8, 2], [2, 5, 1]],
    ["3 → 4 with 1/1/1: leftover to the newest on ties", 3, 4, 0, 0, [1, 1, 1], [1, 1, 2]],
    ["3 → 2 with 1/1/1: the oldest loses", 3, 2, 0, 0, [1, 1, 1], [0, 1, 1]],
    ["6 → 0 scales everything to 0", 6, 0, 0, 0, [3, 3], [0, 0]],
    ["surge 2, 10 → 20 with 6/6", 10, 20, 2, 2, [6, 6], [11, 11]],
    ["surge 3 → 6, 10 → 50 with old 8 / new 5", 10, 50, 3, 6, [8, 5], [34, 22]],
  ] as const)("%s", (_name, before, after, surgeBefore, surgeAfter, sizes, expected) => {
    const sets = sizes.map((n, i) =>
      rs(`web-v${i + 1}`, n, {
        image: i === sizes.length - 1 ? "web:v2" : `web:old${i}`,
        available: n,
        desired: before,
        max: before + surgeBefore,
      }),
    );
    const b = new Bench(deployment(after, { maxSurge: surgeAfter, maxUnavailable: 1 }), sets);
    b.sync();
    expect(b.sets().map((s) => s.spec.replicas)).toEqual([...expected]);
  });

  it("0 → 6 with every set at 0 gives the new set all 6 (FindActiveOrLatest)", () => {
    const b = new Bench(deployment(6), [
      rs("web-v1", 0, { desired: 0, max: 0 }),
      rs("web-v2", 0, { image: "web:v2", desired: 0, max: 0 }),
    ]);
    expect(b.sync()).toEqual(["Scaled up replica set web-v2 from 0 to 6"]);
  });
});
