/** pod-template-hash collisions (§5): an existing set of that name that is not ours bumps collisionCount. */
import { describe, expect, it } from "vitest";
import { computeHash } from "../../../src/engine/index";
import { Bench, deployment, rs } from "./harness";

describe("hash collision", () => {
  it("bumps status.collisionCount and creates the set under the next hash", () => {
    const b = new Bench(deployment(3), [rs("web-v1", 3, { available: 3 })], {
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
    });
    const taken = `web-${computeHash(b.deployment().spec.template)}`;
    b.write((api) =>
      api.create(
        "replicasets",
        {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          metadata: { name: taken, labels: { app: "other" } },
          spec: {
            replicas: 0,
            selector: { matchLabels: { app: "other" } },
            template: {
              metadata: { labels: { app: "other" } },
              spec: { containers: [{ name: "x", image: "x:1" }] },
            },
          },
        },
        "default",
      ),
    );
    expect(b.sync()).toEqual([]);
    expect(b.deployment().status?.collisionCount).toBe(1);
    const events = b.sync();
    const next = `web-${computeHash(b.deployment().spec.template, 1)}`;
    expect(events).toEqual([`Scaled up replica set ${next} from 0 to 1`]);
    expect(b.rs(next).spec.template.spec.containers[0].image).toBe("web:v2");
  });
});
