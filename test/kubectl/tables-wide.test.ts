/**
 * `kubectl get nodes -o wide` and `get svc -o wide --show-labels` / `-L`: the columns of printNode and
 * printService (pkg/printers/internalversion/printers.go, v1.32): node ROLES from `node-role.kubernetes.io/*`
 * and `kubernetes.io/role` labels, `Unknown` without a Ready condition then `SchedulingDisabled`,
 * `<unknown>` for an empty OS image, kernel or runtime, `<none>` without an ExternalIP; service SELECTOR
 * `<none>` without a selector; `-L` columns (last path segment upper-cased, empty cell when unset) and
 * LABELS after every other column. Lines aligned as kubectl's tabwriter (padding 3, min width 6) does.
 */
import { describe, expect, it } from "vitest";
import type { KObject } from "../../src/engine";
import { at, fixture, run } from "./support";

function node(name: string, labels: Record<string, string>, extra: Record<string, unknown>): KObject {
  return {
    apiVersion: "v1",
    kind: "Node",
    metadata: { name, creationTimestamp: at(0), labels },
    ...extra,
  };
}

const MINIKUBE = node(
  "minikube",
  { "kubernetes.io/hostname": "minikube", "node-role.kubernetes.io/control-plane": "" },
  {
    spec: {},
    status: {
      conditions: [{ type: "Ready", status: "True" }],
      addresses: [{ type: "InternalIP", address: "192.168.49.2" }],
      nodeInfo: {
        kubeletVersion: "v1.32.4",
        osImage: "Ubuntu 22.04.5 LTS",
        kernelVersion: "6.8.0-49-generic",
        containerRuntimeVersion: "containerd://1.7.24",
      },
    },
  },
);

const WORKER = node(
  "worker-1",
  { "kubernetes.io/role": "worker" },
  {
    spec: { unschedulable: true },
    status: {
      addresses: [{ type: "InternalIP", address: "192.168.49.3" }],
      nodeInfo: { kubeletVersion: "v1.32.4" },
    },
  },
);

function service(name: string, labels: Record<string, string>, spec: Record<string, unknown>): KObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace: "default", creationTimestamp: at(0), labels },
    spec,
  };
}

const SERVICES = [
  service(
    "kubernetes",
    { component: "apiserver", provider: "kubernetes" },
    { type: "ClusterIP", clusterIP: "10.96.0.1", ports: [{ port: 443, protocol: "TCP" }] },
  ),
  service(
    "web",
    { app: "web" },
    {
      type: "NodePort",
      clusterIP: "10.103.47.211",
      selector: { app: "web" },
      ports: [{ port: 8080, nodePort: 31234, protocol: "TCP" }],
    },
  ),
];

describe("get -o wide, --show-labels, -L", () => {
  const c = fixture([MINIKUBE, WORKER, ...SERVICES], 300);

  it("nodes -o wide", () => {
    expect(run(c, ["get", "nodes", "-o", "wide"]).stdout.split("\n")).toEqual([
      "NAME       STATUS                       ROLES           AGE   VERSION   INTERNAL-IP    EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME",
      "minikube   Ready                        control-plane   5m    v1.32.4   192.168.49.2   <none>        Ubuntu 22.04.5 LTS   6.8.0-49-generic   containerd://1.7.24",
      "worker-1   Unknown,SchedulingDisabled   worker          5m    v1.32.4   192.168.49.3   <none>        <unknown>            <unknown>          <unknown>",
      "",
    ]);
  });

  it("svc -o wide --show-labels", () => {
    expect(run(c, ["get", "svc", "-o", "wide", "--show-labels"]).stdout.split("\n")).toEqual([
      "NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE   SELECTOR   LABELS",
      "kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP          5m    <none>     component=apiserver,provider=kubernetes",
      "web          NodePort    10.103.47.211   <none>        8080:31234/TCP   5m    app=web    app=web",
      "",
    ]);
  });

  it("svc -L provider,app", () => {
    expect(run(c, ["get", "svc", "-L", "provider,app"]).stdout.split("\n")).toEqual([
      "NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)          AGE   PROVIDER     APP",
      "kubernetes   ClusterIP   10.96.0.1       <none>        443/TCP          5m    kubernetes   ",
      "web          NodePort    10.103.47.211   <none>        8080:31234/TCP   5m                 web",
      "",
    ]);
  });
});
