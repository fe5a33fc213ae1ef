/**
 * Quota usage: what one object costs against a ResourceQuota (pkg/quota/v1/evaluator/core) and what a
 * namespace uses in total. Shared by the ResourceQuota admission plugin and the quota controller, so the
 * number admission checks is the number `kubectl describe quota` shows.
 */

import { formatMilli, parseQuantity, type Quantity } from "../../model/quantity";
import { findResourceType, qualifiedResource } from "../../model/resources";
import type { KObject } from "../../model/types";
import { type ClusterState, simTime } from "../../store/state";

/** Resource name → quantity, as a corev1.ResourceList with parsed values. */
export type Usage = Map<string, Quantity>;

/** The quota resource names the pod evaluator tracks (podResources, without ephemeral storage extras). */
export const POD_RESOURCES = [
  "count/pods",
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
];

/** Quota names that demand every container declare the value (the "backward compatibility" validationSet). */
export const VALIDATION_SET = [
  "cpu",
  "memory",
  "requests.cpu",
  "requests.memory",
  "limits.cpu",
  "limits.memory",
];

const SERVICE_RESOURCES = ["services", "count/services", "services.nodeports", "services.loadbalancers"];

/** Core resources whose object count also has a legacy name (`configmaps` = `count/configmaps`). */
const LEGACY_COUNT = [
  "configmaps",
  "secrets",
  "resourcequotas",
  "persistentvolumeclaims",
  "replicationcontrollers",
];

/** `count/deployments.apps`, `count/pods`: the object-count name of a REST resource. */
export function countName(resource: string, group: string): string {
  return group ? `count/${resource}.${group}` : `count/${resource}`;
}

/** The names of `hard` an object of `resource` (with `group`) can consume (evaluator.MatchingResources). */
export function matchingResources(hard: readonly string[], resource: string, group: string): string[] {
  if (resource === "pods" && group === "") return hard.filter((n) => POD_RESOURCES.includes(n));
  if (resource === "services" && group === "") return hard.filter((n) => SERVICE_RESOURCES.includes(n));
  const legacy = group === "" && LEGACY_COUNT.includes(resource) ? [resource] : [];
  return hard.filter((n) => n === countName(resource, group) || legacy.includes(n));
}

/** What one object costs (evaluator.Usage), at simulated instant `now` (terminating pods stop counting late). */
export function objectUsage(state: ClusterState, resource: string, group: string, obj: KObject): Usage {
  const usage: Usage = new Map();
  usage.set(countName(resource, group), one());
  if (group === "" && resource === "pods") addPodUsage(state, obj, usage);
  else if (group === "" && resource === "services") addServiceUsage(obj, usage);
  else if (group === "" && LEGACY_COUNT.includes(resource)) usage.set(resource, one());
  return usage;
}

/** Total usage of the names in `hard` by the objects stored in `namespace` (the quota controller's sync). */
export function namespaceUsage(
  state: ClusterState,
  namespace: string,
  hard: readonly string[],
  matches: (resource: string, group: string, obj: KObject) => boolean = () => true,
): Usage {
  const total: Usage = new Map();
  for (const name of hard) total.set(name, { milli: 0n, format: "decimal" });
  for (const [resource, group] of sourcesOf(hard)) {
    for (const obj of state.objects[resource]?.values() ?? []) {
      if (obj.metadata.namespace !== namespace || !matches(resource, group, obj)) continue;
      addInto(total, objectUsage(state, resource, group, obj), hard);
    }
  }
  return total;
}

/** Adds `b` into `a` for the names in `only` (quota.Add, masked); the first non-zero term decides the format. */
export function addInto(a: Usage, b: Usage, only: readonly string[]): void {
  for (const [name, q] of b) {
    if (!only.includes(name)) continue;
    const prev = a.get(name);
    if (!prev || prev.milli === 0n) a.set(name, { ...q });
    else a.set(name, { milli: prev.milli + q.milli, format: prev.format });
  }
}

/** `Quantity.String()` of a parsed quantity. */
export function quantityString(q: Quantity | undefined): string {
  return q ? formatMilli(q.milli, q.format === "binary" ? "binary" : "decimal") : "0";
}

/** A ResourceList of strings (`{pods: "3"}`) parsed; malformed values are left out. */
export function parseList(list: Record<string, string | number> | undefined): Usage {
  const out: Usage = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (q) out.set(k, q);
  }
  return out;
}

/** A usage as a ResourceList of strings, keys sorted. */
export function toList(usage: Usage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k of [...usage.keys()].sort()) out[k] = quantityString(usage.get(k));
  return out;
}

function one(): Quantity {
  return { milli: 1000n, format: "decimal" };
}

/** The REST resources that can consume the names in `hard`, as [resource, group] pairs. */
function sourcesOf(hard: readonly string[]): [string, string][] {
  const out = new Map<string, [string, string]>();
  for (const name of hard) {
    if (POD_RESOURCES.includes(name)) out.set("pods", ["pods", ""]);
    else if (SERVICE_RESOURCES.includes(name)) out.set("services", ["services", ""]);
    else if (LEGACY_COUNT.includes(name)) out.set(name, [name, ""]);
    else if (name.startsWith("count/")) {
      const t = findResourceType(name.slice("count/".length));
      if (t && qualifiedResource(t) === name.slice("count/".length))
        out.set(t.resource, [t.resource, t.group]);
    }
  }
  return [...out.values()];
}

/**
 * A pod is charged for compute resources unless it reached a terminal phase, or it was deleted and its
 * grace period has run out twice over (QuotaV1Pod: now > deletionTimestamp + grace, and the deletion
 * timestamp is itself "delete time + grace"); the object count `count/pods` always charges.
 */
export function podCharged(state: ClusterState, pod: KObject): boolean {
  const phase = pod.status?.phase;
  if (phase === "Succeeded" || phase === "Failed") return false;
  const deletion = simTime(state, pod.metadata.deletionTimestamp);
  const grace = pod.metadata.deletionGracePeriodSeconds;
  if (deletion !== undefined && grace !== undefined && state.now > deletion + grace * 1000) return false;
  return true;
}

function addPodUsage(state: ClusterState, pod: KObject, usage: Usage): void {
  if (!podCharged(state, pod)) return;
  usage.set("pods", one());
  const requests = podTotals(pod, "requests");
  const limits = podTotals(pod, "limits");
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    const req = requests.get(r);
    if (req) {
      usage.set(r, req);
      usage.set(`requests.${r}`, req);
    }
    const lim = limits.get(r);
    if (lim) usage.set(`limits.${r}`, lim);
  }
}

/**
 * The pod's requests or limits (resourcehelper.PodRequests/PodLimits): the sum over containers, or the
 * largest init container's value when that is larger. A container with a limit but no request counts
 * its limit as its request (API defaulting copies it).
 */
export function podTotals(pod: KObject, kind: "requests" | "limits"): Usage {
  const sum: Usage = new Map();
  for (const c of pod.spec?.containers ?? [])
    addInto(sum, containerList(c, kind), [...sum.keys(), ...keysOf(c, kind)]);
  for (const c of pod.spec?.initContainers ?? []) {
    for (const [k, q] of containerList(c, kind)) {
      const cur = sum.get(k);
      if (!cur || q.milli > cur.milli) sum.set(k, q);
    }
  }
  return sum;
}

/** One container's requests or limits, with requests defaulted from limits. */
export function containerList(c: KObject, kind: "requests" | "limits"): Usage {
  const limits = parseList(c.resources?.limits);
  if (kind === "limits") return limits;
  const requests = parseList(c.resources?.requests);
  for (const [k, q] of limits) if (!requests.has(k)) requests.set(k, q);
  return requests;
}

function keysOf(c: KObject, kind: "requests" | "limits"): string[] {
  return [...containerList(c, kind).keys()];
}

function addServiceUsage(svc: KObject, usage: Usage): void {
  usage.set("services", one());
  const type = svc.spec?.type ?? "ClusterIP";
  if (type === "LoadBalancer") usage.set("services.loadbalancers", one());
  if (type === "NodePort" || type === "LoadBalancer") {
    const ports = (svc.spec?.ports ?? []).length;
    usage.set("services.nodeports", { milli: BigInt(ports) * 1000n, format: "decimal" });
  }
}
