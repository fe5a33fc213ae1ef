/**
 * LimitRanger admission. Expected strings: kubectl-facts §11.4 and the format strings of
 * plugin/pkg/admission/limitranger/admission.go (minConstraint, maxConstraint,
 * limitRequestRatioConstraint, mergeContainerResources).
 */
import { describe, expect, it } from "vitest";
import type { KObject } from "../../src/engine";
import { cluster, pod, tryCreate } from "./fixtures";

function limitRange(name: string, limits: Record<string, unknown>[]): KObject {
  return { apiVersion: "v1", kind: "LimitRange", metadata: { name }, spec: { limits } };
}

describe("LimitRanger admission", () => {
  it("refuses a container over the Container max", () => {
    const c = cluster();
    tryCreate(c, "limitranges", limitRange("cpu-limit-range", [{ type: "Container", max: { cpu: "500m" } }]));
    expect(tryCreate(c, "pods", pod("tmp", { limits: { cpu: "1" } }))).toBe(
      'pods "tmp" is forbidden: maximum cpu usage per Container is 500m, but limit is 1',
    );
  });

  it("joins several violations in brackets", () => {
    const c = cluster();
    const lr = limitRange("limits", [{ type: "Container", max: { cpu: "500m", memory: "500Mi" } }]);
    tryCreate(c, "limitranges", lr);
    expect(tryCreate(c, "pods", pod("x", { limits: { cpu: "1", memory: "1Gi" } }))).toBe(
      'pods "x" is forbidden: [maximum cpu usage per Container is 500m, but limit is 1, maximum memory usage per Container is 500Mi, but limit is 1Gi]',
    );
  });

  it("checks min, Pod max and the limit/request ratio", () => {
    const c = cluster();
    tryCreate(
      c,
      "limitranges",
      limitRange("limits", [
        { type: "Container", min: { cpu: "100m" }, maxLimitRequestRatio: { cpu: "2" } },
        { type: "Pod", max: { cpu: "2" } },
      ]),
    );
    expect(tryCreate(c, "pods", pod("a", { requests: { cpu: "50m" }, limits: { cpu: "100m" } }))).toBe(
      'pods "a" is forbidden: minimum cpu usage per Container is 100m, but request is 50m',
    );
    expect(tryCreate(c, "pods", pod("b", { requests: { cpu: "250m" }, limits: { cpu: "1" } }))).toBe(
      'pods "b" is forbidden: cpu max limit to request ratio per Container is 2, but provided ratio is 4.000000',
    );
    expect(tryCreate(c, "pods", pod("c", { requests: { cpu: "2" }, limits: { cpu: "3" } }))).toBe(
      'pods "c" is forbidden: maximum cpu usage per Pod is 2, but limit is 3',
    );
  });

  it("applies defaults and annotates the pod", () => {
    const c = cluster();
    tryCreate(
      c,
      "limitranges",
      limitRange("defaults", [
        { type: "Container", default: { cpu: "500m" }, defaultRequest: { cpu: "250m" } },
      ]),
    );
    expect(tryCreate(c, "pods", pod("http-go"))).toBe("");
    const p = c.read((api) => api.get("pods", "default", "http-go"));
    expect(p.spec.containers[0].resources).toEqual({ limits: { cpu: "500m" }, requests: { cpu: "250m" } });
    expect(p.metadata.annotations?.["kubernetes.io/limit-ranger"]).toBe(
      "LimitRanger plugin set: cpu request for container http-go; cpu limit for container http-go",
    );
  });

  it("defaults a Container item's default from max and defaultRequest from default (SetDefaults_LimitRangeItem)", () => {
    const c = cluster();
    tryCreate(
      c,
      "limitranges",
      limitRange("lr", [{ type: "Container", max: { cpu: "800m" }, min: { memory: "64Mi" } }]),
    );
    const lr = c.read((api) => api.get("limitranges", "default", "lr"));
    expect(lr.spec.limits[0]).toEqual({
      type: "Container",
      max: { cpu: "800m" },
      min: { memory: "64Mi" },
      default: { cpu: "800m" },
      defaultRequest: { cpu: "800m", memory: "64Mi" },
    });
  });
});
