/**
 * The resource quota controller (pkg/controller/resourcequota): keeps every ResourceQuota's
 * `status.hard` equal to its spec and `status.used` equal to what the namespace really uses. The real
 * one recalculates on pod/service changes ("replenishment") within moments and on a 5-minute resync;
 * here every pass recalculates, so `describe quota` is exact after each settle.
 */

import { scopesMatch } from "../../api/admission/resourcequota";
import { namespaceUsage, parseList, toList } from "../../api/admission/usage";
import { deepCopy } from "../../api/api";
import { sameJson } from "../../model/json";
import type { KObject } from "../../model/types";
import type { Controller, ControllerContext } from "../controller";

/** The quota controller. */
export const quotaController: Controller = {
  name: "resourcequota",
  reconcile(ctx: ControllerContext): boolean {
    let wrote = false;
    const quotas = ctx.state.objects.resourcequotas?.values() ?? [];
    for (const quota of quotas) wrote = syncQuota(ctx, quota) || wrote;
    return wrote;
  },
  nextWake: () => undefined,
};

/** Writes the quota's status when it differs from the recalculated one; true if it wrote. */
function syncQuota(ctx: ControllerContext, quota: KObject): boolean {
  const hardList = canonical(quota.spec?.hard);
  const names = Object.keys(hardList);
  const namespace = quota.metadata.namespace as string;
  const used = toList(namespaceUsage(ctx.state, namespace, names, (r, g, o) => scopesMatch(quota, r, g, o)));
  const next = { hard: hardList, used };
  if (sameJson(quota.status ?? {}, next)) return false;
  const updated = { ...deepCopy(quota), status: next };
  ctx.api.updateStatus("resourcequotas", updated);
  const summary = names.map((n) => `${n} ${used[n]}/${hardList[n]}`).join(", ");
  ctx.decide(
    `resourcequotas/${quota.metadata.namespace}/${quota.metadata.name}`,
    `recounted quota ${quota.metadata.name}: ${summary || "nothing tracked"}`,
  );
  return true;
}

/** spec.hard with every value in canonical form, keys sorted. */
function canonical(hard: Record<string, string> | undefined): Record<string, string> {
  return toList(parseList(hard));
}
