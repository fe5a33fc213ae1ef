/**
 * The simulated pod network, for `wget`/`curl` inside pods and the live view: cluster DNS (a Service
 * name, `name.ns`, `name.ns.svc`, `name.ns.svc.cluster.local`, searched from the caller's namespace),
 * kube-proxy (a ClusterIP:port goes to one ready endpoint, picked with the seeded generator; no ready
 * endpoint → connection refused; a port the Service does not have → timeout), pod IPs, and the app's
 * answer from the image catalog. Picking an endpoint moves `state.rng`, so call it inside `cluster.request`.
 */
import { nextRandomInt } from "../api/naming";
import { podAnswer } from "../controllers/kubelet/serving";
import type { KObject } from "../model/types";
import type { ClusterState } from "../store/state";

/** A connection failure, as data (the shell prints it in wget's or curl's words). */
export type NetworkError = "connection refused" | "timeout" | "bad address";

/** The outcome of an HTTP GET. `ip`/`port` are where the name resolved to (wget's `Connecting to host:port (ip:port)`). */
export type HttpResult =
  | { ok: true; status: number; body: string; ip: string; port: number; pod: string }
  | { ok: false; error: NetworkError; ip?: string; port?: number };

/** Splits `http://host:port/path`, `host:port/path` or `host` (port 80, path `/`). */
export function parseUrl(url: string): { host: string; port: number; path: string } | undefined {
  const m = url.trim().match(/^(?:https?:\/\/)?([^/:?#]+)(?::(\d+))?([/?][^#]*)?$/i);
  if (!m?.[1]) return undefined;
  const scheme443 = /^https:/i.test(url.trim());
  return { host: m[1], port: m[2] ? Number(m[2]) : scheme443 ? 443 : 80, path: m[3] || "/" };
}

/** Cluster DNS from the namespace of `fromPodKey` (`default` for the node): a Service's ClusterIP, or undefined. */
export function resolve(
  state: ClusterState,
  fromPodKey: string | undefined,
  name: string,
): string | undefined {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return name;
  if (name === "localhost" && fromPodKey) return "127.0.0.1";
  const fromNs = fromPodKey?.split("/")[0] ?? "default";
  const parts = name.replace(/\.$/, "").split(".");
  let svcName = parts[0] ?? "";
  let ns = fromNs;
  const rest = parts.slice(1).join(".");
  if (rest === "" || rest === "svc" || rest === "svc.cluster.local") ns = fromNs;
  else {
    const m = rest.match(/^([a-z0-9-]+)(?:\.svc(?:\.cluster\.local)?)?$/);
    if (!m?.[1]) return undefined;
    ns = m[1];
  }
  if (rest === "svc" || rest === "svc.cluster.local") svcName = parts[0] ?? "";
  const svc = state.objects.services?.get(`${ns}/${svcName}`);
  const ip = svc?.spec?.clusterIP;
  return ip && ip !== "None" ? ip : undefined;
}

/** An HTTP GET from the pod `fromPodKey` (`ns/name`; undefined: from the node) to `url`. */
export function httpGet(state: ClusterState, fromPodKey: string | undefined, url: string): HttpResult {
  const u = parseUrl(url);
  if (!u) return { ok: false, error: "bad address" };
  const ip = resolve(state, fromPodKey, u.host);
  if (!ip) return { ok: false, error: "bad address" };
  if (ip === "127.0.0.1") {
    const self = fromPodKey ? state.objects.pods?.get(fromPodKey) : undefined;
    return self
      ? answerFrom(state, self, ip, u.port, u.path)
      : { ok: false, error: "connection refused", ip, port: u.port };
  }
  const svc = serviceByIp(state, ip);
  if (svc) return viaService(state, svc, ip, u.port, u.path);
  const pod = podByIp(state, ip);
  if (pod) return answerFrom(state, pod, ip, u.port, u.path);
  return { ok: false, error: "timeout", ip, port: u.port };
}

function answerFrom(state: ClusterState, pod: KObject, ip: string, port: number, path: string): HttpResult {
  const a = podAnswer(state, pod, port, path);
  if (a.kind === "refused") return { ok: false, error: "connection refused", ip, port };
  return { ok: true, status: a.status, body: a.body, ip, port, pod: pod.metadata.name };
}

/** kube-proxy: the Service port → one ready endpoint, spread with the seeded generator. */
function viaService(state: ClusterState, svc: KObject, ip: string, port: number, path: string): HttpResult {
  const sp = (svc.spec?.ports ?? []).find((p: { port: number }) => p.port === port);
  if (!sp) return { ok: false, error: "timeout", ip, port };
  const ep = state.objects.endpoints?.get(`${svc.metadata.namespace}/${svc.metadata.name}`);
  const targets: { ip: string; port: number }[] = [];
  for (const subset of ep?.subsets ?? []) {
    const epPort = (subset.ports ?? []).find((p: { name?: string }) => (p.name ?? "") === (sp.name ?? ""));
    if (!epPort) continue;
    for (const a of subset.addresses ?? []) targets.push({ ip: a.ip, port: epPort.port });
  }
  if (targets.length === 0) return { ok: false, error: "connection refused", ip, port };
  const target = targets[nextRandomInt(state, targets.length)] as { ip: string; port: number };
  const pod = podByIp(state, target.ip);
  if (!pod) return { ok: false, error: "connection refused", ip, port };
  const answer = answerFrom(state, pod, target.ip, target.port, path);
  return answer.ok ? { ...answer, ip, port } : { ...answer, ip, port };
}

function serviceByIp(state: ClusterState, ip: string): KObject | undefined {
  return (state.objects.services?.values() ?? []).find((s) => s.spec?.clusterIP === ip);
}

function podByIp(state: ClusterState, ip: string): KObject | undefined {
  return (state.objects.pods?.values() ?? []).find((p) => p.status?.podIP === ip && !isDone(p));
}

function isDone(pod: KObject): boolean {
  return pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed";
}
