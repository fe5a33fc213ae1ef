/**
 * A tiny read-only API server (node:http on 127.0.0.1, a random free port) that serves fixed objects to a
 * real kubectl: legacy discovery (/api, /apis, /api/v1, /apis/<group>/v1), /version, GET of one object
 * and LIST with labelSelector / fieldSelector (metadata.name, involvedObject.*). It answers client-side
 * formatting questions (describe, rollout history, rollout status --watch=false, api-resources) with the
 * real binary at test time; tables of `kubectl get` are server-side and are not served.
 */
import { execFile } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  apiVersionOf,
  findResourceType,
  type KObject,
  RESOURCE_TYPES,
  type ResourceType,
} from "../../src/engine";

/** True when a `kubectl` binary is on PATH (tests then compare with it; otherwise with stored strings). */
export async function hasKubectl(): Promise<boolean> {
  return new Promise((resolve) => {
    execFile("kubectl", ["version", "--client"], (err) => resolve(!err));
  });
}

/** A running fake API server. */
export interface FakeApiServer {
  url: string;
  /** Runs `kubectl --server=<url> <args>` with TZ=UTC and no kubeconfig; resolves with its output. */
  kubectl(args: string[]): Promise<{ stdout: string; stderr: string; exit: number }>;
  close(): Promise<void>;
}

function discovery(group: string): object {
  const types = RESOURCE_TYPES.filter((t) => t.group === group);
  return {
    kind: "APIResourceList",
    apiVersion: "v1",
    groupVersion: group ? `${group}/v1` : "v1",
    resources: types.map((t) => ({
      name: t.resource,
      singularName: t.singular,
      namespaced: t.namespaced,
      kind: t.kind,
      verbs: t.verbs,
      ...(t.shortNames.length > 0 ? { shortNames: t.shortNames } : {}),
      ...(["pods", "services", "deployments", "replicasets"].includes(t.resource)
        ? { categories: ["all"] }
        : {}),
    })),
  };
}

function groups(): object {
  const names = [...new Set(RESOURCE_TYPES.map((t) => t.group).filter((g) => g !== ""))];
  return {
    kind: "APIGroupList",
    apiVersion: "v1",
    groups: names.map((name) => ({
      name,
      versions: [{ groupVersion: `${name}/v1`, version: "v1" }],
      preferredVersion: { groupVersion: `${name}/v1`, version: "v1" },
    })),
  };
}

function fieldValue(o: KObject, path: string): string | undefined {
  let cur: unknown = o;
  for (const p of path.split("."))
    cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[p] : undefined;
  return cur === undefined ? undefined : String(cur);
}

function matchesSelectors(o: KObject, labelSelector: string, fieldSelector: string): boolean {
  for (const part of labelSelector.split(",").filter(Boolean)) {
    const [k, v] = part.split("=");
    if (o.metadata.labels?.[k as string] !== v) return false;
  }
  for (const part of fieldSelector.split(",").filter(Boolean)) {
    // `spec.nodeName=minikube,status.phase!=Succeeded` (describe node), `involvedObject.uid=…` (events).
    const m = part.match(/^([^!=]+)(!=|==|=)(.*)$/);
    if (!m) return false;
    const [, k = "", op, v] = m;
    if ((fieldValue(o, k) ?? "") === v ? op === "!=" : op !== "!=") return false;
  }
  return true;
}

function send(res: ServerResponse, code: number, body: unknown): true {
  res.writeHead(code, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
  return true;
}

/** Answers one request; true once answered. */
function route(objects: KObject[], req: IncomingMessage, res: ServerResponse): true {
  const url = new URL(req.url ?? "/", "http://x");
  const path = url.pathname.replace(/\/$/, "");
  if (path === "/api") return send(res, 200, { kind: "APIVersions", versions: ["v1"] });
  if (path === "/apis") return send(res, 200, groups());
  if (path === "/version") return send(res, 200, { major: "1", minor: "32", gitVersion: "v1.32.4" });
  if (path === "/api/v1") return send(res, 200, discovery(""));
  const g = path.match(/^\/apis\/([^/]+)\/v1$/);
  if (g) return send(res, 200, discovery(g[1] as string));
  const slices = path.match(/^\/apis\/discovery\.k8s\.io\/v1\/namespaces\/([^/]+)\/endpointslices$/);
  if (slices)
    return send(
      res,
      200,
      endpointSlices(objects, slices[1] as string, url.searchParams.get("labelSelector")),
    );
  const lease = path.match(
    /^\/apis\/coordination\.k8s\.io\/v1\/namespaces\/kube-node-lease\/leases\/([^/]+)$/,
  );
  if (lease) return sendLease(res, objects, lease[1] as string);
  const m = path.match(/^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/);
  if (!m)
    return send(res, 404, {
      kind: "Status",
      apiVersion: "v1",
      status: "Failure",
      reason: "NotFound",
      code: 404,
    });
  const [, group = "", ns, resource = "", name] = m;
  const t = findResourceType(resource) as ResourceType | undefined;
  if (!t || t.group !== group)
    return send(res, 404, { kind: "Status", status: "Failure", reason: "NotFound", code: 404 });
  const items = objects.filter(
    (o) => o.kind === t.kind && (!t.namespaced || ns === undefined || o.metadata.namespace === ns),
  );
  if (name) {
    const found = items.find((o) => o.metadata.name === name);
    if (found) return send(res, 200, found);
    const qualified = t.group ? `${t.resource}.${t.group}` : t.resource;
    return send(res, 404, {
      kind: "Status",
      apiVersion: "v1",
      metadata: {},
      status: "Failure",
      message: `${qualified} "${name}" not found`,
      reason: "NotFound",
      details: { name, group: t.group, kind: t.resource },
      code: 404,
    });
  }
  if (url.searchParams.get("watch") === "true") {
    // A watch that never reports anything: the stream stays open until the server closes.
    res.writeHead(200, { "Content-Type": "application/json", "Transfer-Encoding": "chunked" });
    res.flushHeaders();
    return true;
  }
  // The API server lists in key order (namespace/name), as etcd returns them.
  items.sort((a, b) => {
    const ka = `${a.metadata.namespace ?? ""}/${a.metadata.name}`;
    const kb = `${b.metadata.namespace ?? ""}/${b.metadata.name}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  const selected = items.filter((o) =>
    matchesSelectors(
      o,
      url.searchParams.get("labelSelector") ?? "",
      url.searchParams.get("fieldSelector") ?? "",
    ),
  );
  return send(res, 200, {
    kind: `${t.kind}List`,
    apiVersion: apiVersionOf(t),
    metadata: { resourceVersion: "1" },
    items: selected,
  });
}

/** A node's Lease (describe node reads it; the sandbox does not store leases, tests may serve one). */
function sendLease(res: ServerResponse, objects: KObject[], name: string): true {
  const found = objects.find((o) => o.kind === "Lease" && o.metadata.name === name);
  if (found) return send(res, 200, found);
  return send(res, 404, {
    kind: "Status",
    apiVersion: "v1",
    metadata: {},
    status: "Failure",
    message: `leases.coordination.k8s.io "${name}" not found`,
    reason: "NotFound",
    details: { name, group: "coordination.k8s.io", kind: "leases" },
    code: 404,
  });
}

/** The EndpointSlices the EndpointSlice mirroring would make of the served Endpoints (describe service reads them). */
function endpointSlices(objects: KObject[], ns: string, labelSelector: string | null): object {
  const service = labelSelector?.match(/kubernetes\.io\/service-name=([^,]+)/)?.[1];
  const items = objects
    .filter(
      (o) =>
        o.kind === "Endpoints" && o.metadata.namespace === ns && (!service || o.metadata.name === service),
    )
    .flatMap((ep) =>
      (ep.subsets ?? []).map((s: KObject, i: number) => ({
        apiVersion: "discovery.k8s.io/v1",
        kind: "EndpointSlice",
        metadata: {
          name: `${ep.metadata.name}-${i}`,
          namespace: ns,
          labels: { "kubernetes.io/service-name": ep.metadata.name },
        },
        addressType: "IPv4",
        endpoints: (s.addresses ?? []).map((a: { ip: string }) => ({
          addresses: [a.ip],
          conditions: { ready: true },
        })),
        ports: (s.ports ?? []).map((p: { name?: string; port: number; protocol?: string }) => ({
          name: p.name ?? "",
          port: p.port,
          protocol: p.protocol ?? "TCP",
        })),
      })),
    );
  return {
    kind: "EndpointSliceList",
    apiVersion: "discovery.k8s.io/v1",
    metadata: { resourceVersion: "1" },
    items,
  };
}

/** Starts a server holding `objects`. */
export async function startFakeApiServer(objects: KObject[]): Promise<FakeApiServer> {
  const server: Server = createServer((req, res) => route(objects, req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    kubectl(args) {
      return new Promise((resolve) => {
        execFile(
          "kubectl",
          [`--server=${url}`, ...args],
          { env: { ...process.env, TZ: "UTC", KUBECONFIG: "/dev/null", HOME: "/nonexistent" } },
          (err, stdout, stderr) => {
            resolve({ stdout, stderr, exit: err ? ((err as { code?: number }).code ?? 1) : 0 });
          },
        );
      });
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
