/**
 * ResourceQuota admission and accounting. Expected strings: kubectl-facts §11.3 (real messages) and
 * the format strings of apiserver/pkg/admission/plugin/resourcequota/controller.go and
 * pkg/quota/v1/evaluator/core/pods.go (v1.32: `must specify <res> for: <containers>; …`).
 */
import { describe, expect, it } from "vitest";
import { cluster, pod, quota, tryCreate } from "./fixtures";

const computeResources = (cpuReq: string, cpuLim: string) => ({
  requests: { cpu: cpuReq },
  limits: { cpu: cpuLim },
});

describe("ResourceQuota admission", () => {
  it("refuses the fourth pod under pods=3 with the exceeded-quota message", () => {
    const c = cluster();
    tryCreate(c, "resourcequotas", quota("pod-quota", { pods: "3" }));
    for (const n of ["a", "b", "c"]) expect(tryCreate(c, "pods", pod(n))).toBe("");
    expect(tryCreate(c, "pods", pod("tmp"))).toBe(
      'pods "tmp" is forbidden: exceeded quota: pod-quota, requested: pods=1, used: pods=3, limited: pods=3',
    );
  });

  it("lists only the exceeded resources, sorted, without spaces", () => {
    const c = cluster();
    tryCreate(c, "resourcequotas", quota("compute-quota", { "requests.cpu": "1", "limits.cpu": "2" }));
    expect(tryCreate(c, "pods", pod("a", computeResources("500m", "1")))).toBe("");
    expect(tryCreate(c, "pods", pod("b", computeResources("500m", "1")))).toBe("");
    expect(tryCreate(c, "pods", pod("tmp", computeResources("250m", "500m")))).toBe(
      'pods "tmp" is forbidden: exceeded quota: compute-quota, requested: limits.cpu=500m,requests.cpu=250m, used: limits.cpu=2,requests.cpu=1, limited: limits.cpu=2,requests.cpu=1',
    );
  });

  it("refuses a pod without requests under a compute quota, naming the containers", () => {
    const c = cluster();
    tryCreate(c, "resourcequotas", quota("compute-quota", { "requests.cpu": "1", "limits.cpu": "2" }));
    expect(tryCreate(c, "pods", pod("http-go"))).toBe(
      'pods "http-go" is forbidden: failed quota: compute-quota: must specify limits.cpu for: http-go; requests.cpu for: http-go',
    );
  });

  it("takes a container's limit as its request (API defaulting)", () => {
    const c = cluster();
    tryCreate(c, "resourcequotas", quota("compute-quota", { "requests.cpu": "1", "limits.cpu": "2" }));
    expect(tryCreate(c, "pods", pod("a", { limits: { cpu: "1" } }))).toBe("");
    const q = c.read((api) => api.get("resourcequotas", "default", "compute-quota"));
    expect(q.status).toEqual({
      hard: { "limits.cpu": "2", "requests.cpu": "1" },
      used: { "limits.cpu": "1", "requests.cpu": "1" },
    });
  });

  it("keeps status.used in step with the pods (the quota controller)", () => {
    const c = cluster();
    tryCreate(c, "resourcequotas", quota("compute-quota", { pods: "10", "requests.memory": "1Gi" }));
    for (const n of ["a", "b", "c"]) tryCreate(c, "pods", pod(n, { requests: { memory: "128Mi" } }));
    const q = c.read((api) => api.get("resourcequotas", "default", "compute-quota"));
    expect(q.status.used).toEqual({ pods: "3", "requests.memory": "384Mi" });
    c.request((api) => api.delete("pods", "default", "a"));
    const after = c.read((api) => api.get("resourcequotas", "default", "compute-quota"));
    expect(after.status.used).toEqual({ pods: "2", "requests.memory": "256Mi" });
  });

  it("counts deployments for count/deployments.apps", () => {
    const c = cluster();
    tryCreate(c, "resourcequotas", quota("object-quota", { "count/deployments.apps": "1" }));
    const deploy = (name: string) => ({
      apiVersion: "apps/v1",
      kind: "Deployment",
      metadata: { name },
      spec: {
        selector: { matchLabels: { app: name } },
        template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: "nginx" }] } },
      },
    });
    expect(tryCreate(c, "deployments", deploy("one"))).toBe("");
    expect(tryCreate(c, "deployments", deploy("two"))).toBe(
      'deployments.apps "two" is forbidden: exceeded quota: object-quota, requested: count/deployments.apps=1, used: count/deployments.apps=1, limited: count/deployments.apps=1',
    );
  });

  it("counts only the pods a scoped quota selects (BestEffort)", () => {
    const c = cluster();
    const q = quota("best-effort", { pods: "1" });
    q.spec.scopes = ["BestEffort"];
    tryCreate(c, "resourcequotas", q);
    expect(tryCreate(c, "pods", pod("a"))).toBe("");
    expect(tryCreate(c, "pods", pod("b", { requests: { cpu: "100m" } }))).toBe("");
    expect(tryCreate(c, "pods", pod("c"))).toBe(
      'pods "c" is forbidden: exceeded quota: best-effort, requested: pods=1, used: pods=1, limited: pods=1',
    );
  });
});
