/**
 * Revisions (§4.2), the seed notes' renumbering trace (1,2,3 → undo → 1,3,4 → undo --to-revision=1 →
 * 3,4,5), the annotation copy rules, and cleanup by revisionHistoryLimit (§4.6).
 */
import { describe, expect, it } from "vitest";
import { replicaSetsToCleanUp } from "../../../src/engine/index";
import type { KObject } from "../../../src/engine/model/types";
import { Bench, deployment, rs, template } from "./harness";
import { rolloutUndo } from "./undo";

/** Sets the Deployment's image (and optionally an annotation), like `kubectl set image` / `annotate`. */
function setImage(b: Bench, image: string, annotations?: Record<string, string>): void {
  b.write((api) => {
    const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
    d.spec.template = template(image);
    if (annotations) d.metadata.annotations = { ...(d.metadata.annotations ?? {}), ...annotations };
    delete d.metadata.resourceVersion;
    return api.update("deployments", d);
  });
  b.settle();
}

/** Revision → image of every set, sorted by revision. */
function history(b: Bench): string[] {
  return b
    .sets()
    .map(
      (s) =>
        [
          Number(s.metadata.annotations?.["deployment.kubernetes.io/revision"]),
          s.spec.template.spec.containers[0].image,
        ] as const,
    )
    .sort((x, y) => x[0] - y[0])
    .map(([r, image]) => `${r} ${image}`);
}

describe("revisions (RV1)", () => {
  it("follows the seed notes: 1,2,3 → undo → 1,3,4 → undo --to-revision=1 → 3,4,5", () => {
    const b = new Bench(deployment(3, { image: "http-go:v1" }), []);
    b.settle();
    setImage(b, "http-go:v2");
    setImage(b, "http-go:v3");
    expect(history(b)).toEqual(["1 http-go:v1", "2 http-go:v2", "3 http-go:v3"]);
    expect(b.write((api) => rolloutUndo(api, "web"))).toBe(2);
    b.settle();
    expect(history(b)).toEqual(["1 http-go:v1", "3 http-go:v3", "4 http-go:v2"]);
    expect(b.rsOf("http-go:v2").metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe(
      "2",
    );
    expect(b.write((api) => rolloutUndo(api, "web", 1))).toBe(1);
    b.settle();
    expect(history(b)).toEqual(["3 http-go:v3", "4 http-go:v2", "5 http-go:v1"]);
    expect(b.rsOf("http-go:v1").metadata.annotations?.["deployment.kubernetes.io/revision-history"]).toBe(
      "1",
    );
    expect(b.deployment().metadata.annotations?.["deployment.kubernetes.io/revision"]).toBe("5");
  });

  it("copies change-cause to the new set, and annotating the Deployment rewrites the current set's", () => {
    const b = new Bench(
      deployment(3, { image: "http-go:v1", annotations: { "kubernetes.io/change-cause": "apply v1" } }),
      [],
    );
    b.settle();
    setImage(b, "http-go:v2", { "kubernetes.io/change-cause": "set image v2" });
    expect(b.rsOf("http-go:v1").metadata.annotations?.["kubernetes.io/change-cause"]).toBe("apply v1");
    expect(b.rsOf("http-go:v2").metadata.annotations?.["kubernetes.io/change-cause"]).toBe("set image v2");
    expect(
      b.rsOf("http-go:v2").metadata.annotations?.["kubectl.kubernetes.io/last-applied-configuration"],
    ).toBeUndefined();
    b.write((api) => {
      const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
      d.metadata.annotations["kubernetes.io/change-cause"] = "edited";
      delete d.metadata.resourceVersion;
      return api.update("deployments", d);
    });
    b.settle();
    expect(b.rsOf("http-go:v2").metadata.annotations?.["kubernetes.io/change-cause"]).toBe("edited");
    expect(b.rsOf("http-go:v1").metadata.annotations?.["kubernetes.io/change-cause"]).toBe("apply v1");
  });

  it("names the set <deployment>-<hash>, labels it and selects with pod-template-hash, owned by the Deployment", () => {
    const b = new Bench(deployment(2, { image: "http-go:v1" }), []);
    b.settle();
    const set = b.rsOf("http-go:v1");
    const hash = set.metadata.labels?.["pod-template-hash"];
    expect(set.metadata.name).toBe(`web-${hash}`);
    expect(set.spec.selector.matchLabels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(set.spec.template.metadata.labels).toEqual({ app: "web", "pod-template-hash": hash });
    expect(set.metadata.ownerReferences).toEqual([
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        name: "web",
        uid: b.deployment().metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(set.metadata.annotations).toMatchObject({
      "deployment.kubernetes.io/revision": "1",
      "deployment.kubernetes.io/desired-replicas": "2",
      "deployment.kubernetes.io/max-replicas": "3",
    });
  });
});

/** An old set fixture for the pure cleanup rule. */
function old(name: string, revision: number, replicas: number): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, generation: 1, annotations: { "deployment.kubernetes.io/revision": String(revision) } },
    spec: { replicas },
    status: { replicas, observedGeneration: 1 },
  };
}

describe("cleanup by revisionHistoryLimit (CL1, §4.6)", () => {
  it("revisions 1,2,3 with rev 1 still scaled up, limit 1 → only rev 2 is deleted (TestCleanupDeployment)", () => {
    const sets = [old("a", 1, 1), old("b", 2, 0), old("c", 3, 0)];
    expect(replicaSetsToCleanUp(sets, 1).map((s) => s.metadata.name)).toEqual(["b"]);
  });

  it("limit 0 deletes every scaled-down old set; nothing when under the limit", () => {
    const sets = [old("a", 1, 0), old("b", 2, 0)];
    expect(replicaSetsToCleanUp(sets, 0).map((s) => s.metadata.name)).toEqual(["a", "b"]);
    expect(replicaSetsToCleanUp(sets, 2)).toEqual([]);
  });

  it("keeps a set whose status has not observed its generation yet", () => {
    const pending = old("a", 1, 0);
    pending.metadata.generation = 2;
    expect(replicaSetsToCleanUp([pending, old("b", 2, 0)], 0).map((s) => s.metadata.name)).toEqual(["b"]);
  });

  it("runs after a complete rollout: limit 1 leaves one old set", () => {
    const b = new Bench(
      deployment(1, { revisionHistoryLimit: 1 }),
      [
        rs("web-v1", 0, { current: 0, image: "web:a" }),
        rs("web-v2", 0, { current: 0, image: "web:b" }),
        rs("web-v3", 1, { image: "web:v2", available: 1 }),
      ],
      { replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1 },
    );
    b.sync();
    expect(b.sets().map((s) => s.metadata.name)).toEqual(["web-v2", "web-v3"]);
  });
});
