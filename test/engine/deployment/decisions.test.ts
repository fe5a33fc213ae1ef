/** The decision log: every controller write carries a plain-language reason with its numbers. */
import { describe, expect, it } from "vitest";
import { Bench, deployment, rs } from "./harness";

describe("decision log", () => {
  it("explains the first steps of §2.6 A with their numbers", () => {
    const b = new Bench(deployment(3, { minReadySeconds: 10 }), [rs("web-v1", 3, { available: 3 })], {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    b.sync();
    const v2 = b.rsOf("web:v2").metadata.name;
    b.at(13).set(v2, { replicas: 1, ready: 1, available: 1 });
    b.sync();
    b.sync();
    const log = b.state.decisions
      .toArray()
      .filter((d) => d.object.startsWith("replicasets/"))
      .map((d) => `${d.t / 1000} ${d.object}: ${d.message}`);
    expect(log).toEqual([
      `0 replicasets/default/${v2}: created ${v2} (revision 2) with 1 replica: 3 desired + maxSurge 1 = 4 pods allowed, 3 exist`,
      "13 replicasets/default/web-v1: scaled web-v1 down 3→2: 4 available − 3 must stay available = 1 old pods may go",
      `13 replicasets/default/${v2}: scaled ${v2} up 1→2: 3 desired + maxSurge 1 = 4 pods allowed, 3 exist`,
    ]);
    expect(b.state.decisions.toArray().every((d) => d.controller === "deployment")).toBe(true);
  });
});
