/**
 * The endpoints controller: every Service with a selector gets an Endpoints object of the same name
 * listing its pods: ready ones under `addresses`, unready ones under `notReadyAddresses` (terminating,
 * finished and IP-less pods are left out, as ShouldPodBeInEndpoints does), sorted by IP, with the
 * Service's ports resolved to the pods' target ports. Endpoints it made are deleted with their Service.
 */

import { sameJson } from "../../model/json";
import { selectorMatches } from "../../model/labels";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import type { Controller, ControllerContext } from "../controller";
import { portNumber } from "../kubelet/serving";
import { baseState, isPodReady } from "../podutil";

// biome-ignore lint/suspicious/noExplicitAny: endpoint parts are loosely typed
type Loose = Record<string, any>;

/** The last (pods, services, endpoints) buckets found consistent: nothing to do while they are the same objects. */
let lastConsistent: [unknown, unknown, unknown] | undefined;

/** The endpoints controller. */
export const endpointsController: Controller = {
  name: "endpoints",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    const buckets: [unknown, unknown, unknown] = [
      base.objects.pods,
      base.objects.services,
      base.objects.endpoints,
    ];
    if (lastConsistent && buckets.every((b, i) => b === lastConsistent?.[i])) return false;
    let wrote = false;
    const services = base.objects.services;
    for (const svc of services?.values() ?? []) {
      if (!svc.spec?.selector || Object.keys(svc.spec.selector).length === 0) continue;
      wrote = syncService(ctx, base, svc) || wrote;
    }
    // Only Endpoints this controller made go with their Service; hand-made ones (no selector) stay.
    const managed: Record<string, true> = base.runtime.endpoints ?? {};
    for (const [key, ep] of base.objects.endpoints?.entries() ?? []) {
      if (services?.has(key) || !managed[key]) continue;
      ctx.api.delete("endpoints", ep.metadata.namespace, ep.metadata.name);
      delete (ctx.state.runtime.endpoints ??= {})[key];
      wrote = true;
    }
    if (!wrote) lastConsistent = buckets;
    return wrote;
  },
  nextWake: () => undefined,
};

function syncService(ctx: ControllerContext, base: ClusterState, svc: KObject): boolean {
  const ns = svc.metadata.namespace ?? "default";
  const ready: Loose[] = [];
  const notReady: Loose[] = [];
  let ports: Loose[] | undefined;
  for (const pod of base.objects.pods?.values() ?? []) {
    if (
      pod.metadata.namespace !== ns ||
      !selectorMatches({ matchLabels: svc.spec.selector }, pod.metadata.labels)
    )
      continue;
    if (!shouldBeInEndpoints(pod, !!svc.spec.publishNotReadyAddresses)) continue;
    const address: Loose = { ip: pod.status.podIP, nodeName: pod.spec.nodeName };
    address.targetRef = { kind: "Pod", namespace: ns, name: pod.metadata.name, uid: pod.metadata.uid };
    (isPodReady(pod) || svc.spec.publishNotReadyAddresses ? ready : notReady).push(address);
    ports ??= endpointPorts(svc, pod);
  }
  const subset: Loose = {};
  if (ready.length) subset.addresses = ready.sort(byIp);
  if (notReady.length) subset.notReadyAddresses = notReady.sort(byIp);
  if (ports && (ready.length || notReady.length)) subset.ports = ports;
  const subsets = ready.length || notReady.length ? [subset] : undefined;
  const existing = base.objects.endpoints?.get(`${ns}/${svc.metadata.name}`);
  const labels = svc.metadata.labels ? { ...svc.metadata.labels } : undefined;
  const desired: Loose = {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: { name: svc.metadata.name, namespace: ns },
  };
  if (labels) desired.metadata.labels = labels;
  if (subsets) desired.subsets = subsets;
  if (!existing) {
    ctx.api.create("endpoints", desired, ns);
    (ctx.state.runtime.endpoints ??= {})[`${ns}/${svc.metadata.name}`] = true;
  } else {
    if (sameJson(existing.subsets, subsets) && sameJson(existing.metadata.labels, labels)) return false;
    ctx.api.update("endpoints", { ...desired, metadata: { ...existing.metadata, labels } } as KObject);
  }
  ctx.decide(
    `endpoints/${ns}/${svc.metadata.name}`,
    `service ${svc.metadata.name} routes to ${ready.length} ready pod${ready.length === 1 ? "" : "s"} (${notReady.length} not ready)`,
  );
  return true;
}

/** ShouldPodBeInEndpoints: an IP, not finished, not terminating (unless publishNotReadyAddresses). */
function shouldBeInEndpoints(pod: KObject, publishNotReady: boolean): boolean {
  if (!pod.status?.podIP) return false;
  const phase = pod.status.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  return !pod.metadata.deletionTimestamp || publishNotReady;
}

/** The Service's ports with each targetPort resolved against the pod (named ports by container port name). */
function endpointPorts(svc: KObject, pod: KObject): Loose[] {
  return (svc.spec.ports ?? []).map((p: Loose) => {
    const out: Loose = {};
    if (p.name) out.name = p.name;
    out.port = portNumber(pod, p.targetPort ?? p.port) ?? p.port;
    out.protocol = p.protocol ?? "TCP";
    return out;
  });
}

function byIp(a: Loose, b: Loose): number {
  return ipNumber(a.ip) - ipNumber(b.ip);
}

function ipNumber(ip: string): number {
  return ip.split(".").reduce((n, part) => n * 256 + Number(part), 0);
}
