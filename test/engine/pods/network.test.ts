import { describe, expect, it } from "vitest";
import { httpGet, type KObject } from "../../../src/engine/index";
import { cluster, podsOf, rs } from "./fixtures";

const service: KObject = {
  apiVersion: "v1",
  kind: "Service",
  metadata: { name: "http-go" },
  spec: { selector: { app: "http-go" }, ports: [{ port: 8080 }] },
};

function setup() {
  const c = cluster();
  c.request((api) => api.create("replicasets", rs("http-go", 3, "gasbugs/http-go:v1")));
  c.request((api) => api.create("services", service));
  return c;
}

describe("Service defaults and ClusterIP allocation", () => {
  it("defaults type, session affinity, protocol, targetPort and allocates an IP in 10.96.0.0/12", () => {
    const c = setup();
    const spec = c.state.objects.services?.get("default/http-go")?.spec;
    expect(spec).toMatchObject({
      type: "ClusterIP",
      sessionAffinity: "None",
      internalTrafficPolicy: "Cluster",
      ipFamilies: ["IPv4"],
      ipFamilyPolicy: "SingleStack",
      ports: [{ port: 8080, protocol: "TCP", targetPort: 8080 }],
    });
    const [a = 0, b = 0] = String(spec.clusterIP).split(".").map(Number);
    expect(a).toBe(10);
    expect(b >= 96 && b <= 111).toBe(true);
    expect(spec.clusterIPs).toEqual([spec.clusterIP]);
  });
});

describe("endpoints follow readiness", () => {
  it("lists pods as not ready until they are, then as addresses", () => {
    const c = setup();
    const ep = () => c.state.objects.endpoints?.get("default/http-go");
    expect(ep()?.subsets[0].notReadyAddresses).toHaveLength(3);
    expect(ep()?.subsets[0].addresses).toBeUndefined();
    c.advance(3000);
    expect(ep()?.subsets[0].addresses).toHaveLength(3);
    expect(ep()?.subsets[0].ports).toEqual([{ port: 8080, protocol: "TCP" }]);
  });
});

describe("the simulated network", () => {
  it("refuses while no endpoint is ready (wget: Connection refused), then answers from a ready pod", () => {
    const c = setup();
    const ip = c.state.objects.services?.get("default/http-go")?.spec.clusterIP;
    const before = c.request((api) => httpGet(api.state, undefined, `${ip}:8080`)).result;
    expect(before).toEqual({ ok: false, error: "connection refused", ip, port: 8080 });
    c.advance(3000);
    const after = c.request((api) => httpGet(api.state, undefined, `http://${ip}:8080/`)).result;
    expect(after.ok).toBe(true);
    if (after.ok) expect(after.body).toBe(`Welcome! ${after.pod}\n`);
  });

  it("resolves Service DNS names from a pod's namespace; unknown names are bad addresses", () => {
    const c = setup();
    c.advance(3000);
    const from = `default/${podsOf(c, "http-go-")[0]?.metadata.name}`;
    for (const name of [
      "http-go",
      "http-go.default",
      "http-go.default.svc",
      "http-go.default.svc.cluster.local",
    ]) {
      const r = c.request((api) => httpGet(api.state, from, `http://${name}:8080`)).result;
      expect(r.ok).toBe(true);
    }
    const bad = c.request((api) => httpGet(api.state, from, "http://nope:8080")).result;
    expect(bad).toEqual({ ok: false, error: "bad address" });
  });

  it("spreads requests over every ready endpoint", () => {
    const c = setup();
    c.advance(3000);
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      const r = c.request((api) => httpGet(api.state, undefined, "http://http-go:8080")).result;
      if (r.ok) seen.add(r.pod);
    }
    expect([...seen].sort()).toEqual(podsOf(c, "http-go-").map((p) => p.metadata.name));
  });
});

describe("endpoints lifecycle", () => {
  it("deletes the Endpoints it made with their Service, and keeps hand-made ones", () => {
    const c = setup();
    c.request((api) =>
      api.create("endpoints", {
        apiVersion: "v1",
        kind: "Endpoints",
        metadata: { name: "external" },
        subsets: [{ addresses: [{ ip: "192.168.1.10" }], ports: [{ port: 5432 }] }],
      }),
    );
    c.request((api) => api.delete("services", "default", "http-go"));
    expect(c.state.objects.endpoints?.get("default/http-go")).toBeUndefined();
    expect(c.state.objects.endpoints?.get("default/external")).toBeDefined();
    expect(c.state.objects.endpoints?.get("default/kubernetes")).toBeDefined();
  });
});
