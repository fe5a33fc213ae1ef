/**
 * ResourceQuota admission (apiserver/pkg/admission/plugin/resourcequota, CheckRequest): every quota of
 * the namespace that tracks something the new object consumes must have room for it. Pods under a
 * quota on cpu/memory must declare those values in every container. Refusals are Forbidden:
 * `exceeded quota: compute-quota, requested: pods=1, used: pods=3, limited: pods=3` and
 * `failed quota: compute-quota: must specify limits.cpu for: http-go; requests.cpu for: http-go`.
 */
import { qualifiedResource } from "../../model/resources";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import type { AdmissionPlugin, AdmissionRequest } from "../admission";
import { forbidden } from "../errors";
import {
  containerList,
  matchingResources,
  namespaceUsage,
  objectUsage,
  parseList,
  quantityString,
  type Usage,
  VALIDATION_SET,
} from "./usage";

/** The ResourceQuota plugin (validating only: it runs last, on the named object). */
export const resourceQuotaPlugin: AdmissionPlugin = {
  name: "ResourceQuota",
  validate(req, state) {
    if (req.operation !== "CREATE" || req.subresource || !req.namespace) return;
    const message = checkRequest(req, state);
    if (message) throw forbidden(qualifiedResource(req.type), req.name, message);
  },
};

/** The refusal text for a create, or undefined when every quota has room. */
export function checkRequest(req: AdmissionRequest, state: ClusterState): string | undefined {
  const { resource, group } = req.type;
  const quotas = quotasOf(state, req.namespace as string);
  const interesting: { quota: KObject; hard: Usage; tracked: string[] }[] = [];
  for (const quota of quotas) {
    const hard = hardOf(quota);
    const tracked = matchingResources([...hard.keys()], resource, group);
    if (tracked.length === 0 || !scopesMatch(quota, resource, group, req.object)) continue;
    if (resource === "pods" && group === "") {
      const missing = missingRequirements(req.object, tracked);
      if (missing) return `failed quota: ${quota.metadata.name}: ${missing}`;
    }
    interesting.push({ quota, hard, tracked });
  }
  // No quota tracks it (a namespace without quotas): its usage is not worked out, as for 20,000 pods a rollout.
  if (interesting.length === 0) return undefined;
  const input = objectUsage(state, resource, group, req.object);
  for (const { quota, hard, tracked } of interesting) {
    const used = namespaceUsage(state, req.namespace as string, tracked, (r, g, o) =>
      scopesMatch(quota, r, g, o),
    );
    const exceeded = tracked
      .filter((name) => (input.get(name)?.milli ?? 0n) !== 0n)
      .filter(
        (name) =>
          (used.get(name)?.milli ?? 0n) + (input.get(name)?.milli ?? 0n) > (hard.get(name)?.milli ?? 0n),
      )
      .sort();
    if (exceeded.length === 0) continue;
    const pretty = (u: Usage) => exceeded.map((n) => `${n}=${quantityString(u.get(n))}`).join(",");
    return `exceeded quota: ${quota.metadata.name}, requested: ${pretty(input)}, used: ${pretty(used)}, limited: ${pretty(hard)}`;
  }
  return undefined;
}

/** The quotas of a namespace, by name. */
export function quotasOf(state: ClusterState, namespace: string): KObject[] {
  return (state.objects.resourcequotas?.values() ?? [])
    .filter((q) => q.metadata.namespace === namespace)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

/** status.hard once the quota controller has synced the quota, spec.hard before that. */
export function hardOf(quota: KObject): Usage {
  const status = quota.status?.hard;
  return parseList(status && Object.keys(status).length > 0 ? status : quota.spec?.hard);
}

/**
 * podEvaluator.Constraints: each container must declare every cpu/memory value the quota tracks.
 * `must specify limits.cpu for: a,b; requests.cpu for: a` (resource names sorted, containers sorted).
 */
function missingRequirements(pod: KObject, tracked: readonly string[]): string | undefined {
  const required = tracked.filter((n) => VALIDATION_SET.includes(n));
  const missing = new Map<string, Set<string>>();
  const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
  for (const c of containers) {
    const has = containerResourceNames(c);
    for (const r of required) {
      if (has.has(r)) continue;
      if (!missing.has(r)) missing.set(r, new Set());
      missing.get(r)?.add(c.name);
    }
  }
  if (missing.size === 0) return undefined;
  const parts = [...missing.keys()]
    .sort()
    .map((r) => `${r} for: ${[...(missing.get(r) ?? [])].sort().join(",")}`);
  return `must specify ${parts.join("; ")}`;
}

/** The quota names a container's own values cover (podComputeUsageHelper on one container). */
function containerResourceNames(c: KObject): Set<string> {
  const names = new Set<string>();
  const requests = containerList(c, "requests");
  const limits = containerList(c, "limits");
  for (const r of ["cpu", "memory"]) {
    if (requests.has(r)) names.add(r).add(`requests.${r}`);
    if (limits.has(r)) names.add(`limits.${r}`);
  }
  return names;
}

/**
 * generic.Matches: every scope of the quota must match the object. Only pods have scopes
 * (podMatchesScopeFunc); other kinds match no scope, so a scoped quota never counts them.
 */
export function scopesMatch(quota: KObject, resource: string, group: string, obj: KObject): boolean {
  const scopes: string[] = [
    ...(quota.spec?.scopes ?? []),
    ...(quota.spec?.scopeSelector?.matchExpressions ?? []).map((e: { scopeName: string }) => e.scopeName),
  ];
  if (scopes.length === 0) return true;
  if (resource !== "pods" || group !== "") return false;
  return scopes.every((scope) => podMatchesScope(scope, obj));
}

function podMatchesScope(scope: string, pod: KObject): boolean {
  const terminating =
    typeof pod.spec?.activeDeadlineSeconds === "number" && pod.spec.activeDeadlineSeconds >= 0;
  const bestEffort = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].every(
    (c: KObject) => containerList(c, "requests").size === 0 && containerList(c, "limits").size === 0,
  );
  if (scope === "Terminating") return terminating;
  if (scope === "NotTerminating") return !terminating;
  if (scope === "BestEffort") return bestEffort;
  if (scope === "NotBestEffort") return !bestEffort;
  if (scope === "PriorityClass") return !!pod.spec?.priorityClassName;
  return false;
}
