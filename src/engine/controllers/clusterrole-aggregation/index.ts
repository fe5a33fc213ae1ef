/**
 * The clusterrole-aggregation controller: a ClusterRole with an `aggregationRule` gets as its rules the
 * union of the rules of every ClusterRole its selectors match (admin ⊇ edit ⊇ view, and any ClusterRole
 * a user labels `rbac.authorization.k8s.io/aggregate-to-view: "true"`). Sources are taken sorted by name
 * and a rule already present is not repeated, as the real controller does.
 */
import { deepCopy } from "../../api/api";
import { sameJson } from "../../model/json";
import { selectorMatches } from "../../model/labels";
import type { KObject, LabelSelector } from "../../model/types";
import type { Bucket } from "../../store/bucket";
import type { Controller, ControllerContext } from "../controller";
import { baseState } from "../podutil";

/**
 * ClusterRole buckets already found aggregated. Committed values are immutable, so an unchanged bucket
 * needs no pass: without this the controller re-read ~60 bootstrap roles in every one of the ~130 rounds
 * of a 10,000-replica rollout (a cache only; it holds no state of its own).
 */
const settled = new WeakSet<object>();

/** The aggregation controller. */
export const clusterRoleAggregationController: Controller = {
  name: "clusterrole-aggregation",
  reconcile(ctx) {
    const bucket = baseState(ctx.state).objects.clusterroles;
    if (!bucket || settled.has(bucket)) return false;
    let wrote = false;
    const roles = sortedRoles(bucket);
    for (const role of roles) if (role.aggregationRule) wrote = aggregate(ctx, role, roles) || wrote;
    if (!wrote) settled.add(bucket);
    return wrote;
  },
  nextWake: () => undefined,
};

function sortedRoles(bucket: Bucket<KObject>): KObject[] {
  return bucket
    .keys()
    .sort()
    .map((k) => bucket.get(k) as KObject);
}

function aggregate(ctx: ControllerContext, role: KObject, roles: KObject[]): boolean {
  const selectors = role.aggregationRule?.clusterRoleSelectors ?? [];
  const rules: unknown[] = [];
  const seen = new Set<string>();
  for (const source of roles) {
    if (source.metadata.name === role.metadata.name) continue;
    if (!selectors.some((s: LabelSelector) => selectorMatches(s, source.metadata.labels))) continue;
    for (const rule of source.rules ?? []) {
      const key = JSON.stringify(rule);
      if (seen.has(key)) continue;
      seen.add(key);
      rules.push(deepCopy(rule));
    }
  }
  if (sameJson(role.rules ?? [], rules)) return false;
  ctx.api.update("clusterroles", { ...deepCopy(role), rules });
  ctx.decide(
    `clusterroles/${role.metadata.name}`,
    `aggregated ${rules.length} rules into ClusterRole ${role.metadata.name}`,
  );
  return true;
}
