/**
 * The scheduler's choice among several nodes: each waiting pod goes to the schedulable node with the
 * fewest active pods, ties to the first node by name; a cordoned node (unschedulable) gets none. With
 * one node it binds every waiting pod there without counting (scheduler/index.ts).
 */
import { describe, expect, it } from "vitest";
import type { Cluster, KObject } from "../../../src/engine/index";
import { cluster, rs } from "./fixtures";

function node(name: string, unschedulable = false): KObject {
  return { apiVersion: "v1", kind: "Node", metadata: { name }, spec: unschedulable ? { unschedulable } : {} };
}

/** How many pods of `prefix` each node runs. */
function spread(c: Cluster, prefix: string): Record<string, number> {
  const out: Record<string, number> = {};
  c.state.objects.pods?.forEach((p) => {
    if (p.metadata.name.startsWith(prefix)) out[p.spec.nodeName] = (out[p.spec.nodeName] ?? 0) + 1;
  });
  return out;
}

describe("scheduling across nodes", () => {
  it("spreads pods evenly, ties to the first node by name, none on a cordoned node", () => {
    const c = cluster();
    c.request((api) => {
      api.create("nodes", node("aaa-node"));
      api.create("nodes", node("zzz-cordoned", true));
    });
    c.request((api) => api.create("replicasets", rs("web", 5, "gasbugs/http-go:v1")));
    c.advance(2000);
    expect(spread(c, "web-")).toEqual({ "aaa-node": 3, minikube: 2 });
  });

  it("counts pods already running: a node that has some gets new ones only once the other catches up", () => {
    const c = cluster();
    c.request((api) => api.create("replicasets", rs("old", 3, "gasbugs/http-go:v1")));
    c.advance(2000);
    c.request((api) => api.create("nodes", node("aaa-node")));
    c.request((api) => api.create("replicasets", rs("web", 5, "gasbugs/http-go:v1")));
    c.advance(2000);
    expect(spread(c, "old-")).toEqual({ minikube: 3 });
    expect(spread(c, "web-")).toEqual({ "aaa-node": 4, minikube: 1 });
  });
});
