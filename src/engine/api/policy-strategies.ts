/**
 * API strategies (defaults and validation) of the policy kinds: ResourceQuota, LimitRange, Role,
 * ClusterRole, RoleBinding, ClusterRoleBinding. Quantities are stored in canonical form (`1024Mi` →
 * `1Gi`, `0.5` → `500m`), as the API server re-serializes them.
 */
import { canonicalQuantity, parseQuantity, QUANTITY_FORMAT_ERROR } from "../model/quantity";
import type { KObject } from "../model/types";
import type { FieldCause } from "./errors";
import type { KindStrategy } from "./strategy";

const LIMIT_LISTS = ["max", "min", "default", "defaultRequest", "maxLimitRequestRatio"] as const;

/** ResourceQuota: canonical `spec.hard`; a status subresource the quota controller writes. */
export const RESOURCE_QUOTA_STRATEGY: KindStrategy = {
  hasStatus: true,
  applyDefaults(obj) {
    if (obj.spec?.hard) obj.spec.hard = canonicalList(obj.spec.hard);
  },
  validate(obj) {
    return quantityCauses(obj.spec?.hard, "spec.hard");
  },
};

/** LimitRange: SetDefaults_LimitRangeItem (Container items: default ← max, defaultRequest ← default, then ← min). */
export const LIMIT_RANGE_STRATEGY: KindStrategy = {
  applyDefaults(obj) {
    for (const item of obj.spec?.limits ?? []) {
      for (const list of LIMIT_LISTS) if (item[list]) item[list] = canonicalList(item[list]);
      if (item.type !== "Container") continue;
      item.default = { ...(item.max ?? {}), ...(item.default ?? {}) };
      item.defaultRequest = { ...(item.min ?? {}), ...(item.default ?? {}), ...(item.defaultRequest ?? {}) };
      // Empty maps are omitted when the object is serialized (omitempty).
      if (Object.keys(item.default).length === 0) delete item.default;
      if (Object.keys(item.defaultRequest).length === 0) delete item.defaultRequest;
    }
  },
  validate(obj) {
    const causes: FieldCause[] = [];
    (obj.spec?.limits ?? []).forEach((item: KObject, i: number) => {
      const path = `spec.limits[${i}]`;
      if (!item.type) causes.push({ field: `${path}.type`, message: "Required value" });
      for (const list of LIMIT_LISTS) causes.push(...quantityCauses(item[list], `${path}.${list}`));
    });
    return causes;
  },
};

/** Role and ClusterRole: every rule needs verbs (ValidatePolicyRule). */
export const ROLE_STRATEGY: KindStrategy = {
  validate(obj) {
    const causes: FieldCause[] = [];
    (obj.rules ?? []).forEach((rule: KObject, i: number) => {
      if (!rule.verbs || rule.verbs.length === 0) {
        causes.push({
          field: `rules[${i}].verbs`,
          message: "Required value: verbs must contain at least one value",
        });
      }
    });
    return causes;
  },
};

/** RoleBinding and ClusterRoleBinding: a roleRef of a supported kind, which never changes. */
export const ROLE_BINDING_STRATEGY: KindStrategy = {
  validate(obj, old) {
    const causes: FieldCause[] = [];
    const ref = obj.roleRef ?? {};
    if (old && JSON.stringify(old.roleRef) !== JSON.stringify(obj.roleRef)) {
      causes.push({ field: "roleRef", message: `Invalid value: ${goStruct(ref)}: cannot change roleRef` });
    }
    const kinds = obj.kind === "RoleBinding" ? ["Role", "ClusterRole"] : ["ClusterRole"];
    if (!ref.name) causes.push({ field: "roleRef.name", message: "Required value" });
    if (!kinds.includes(ref.kind)) {
      const supported = kinds.map((k) => `"${k}"`).join(", ");
      causes.push({
        field: "roleRef.kind",
        message: `Unsupported value: "${ref.kind ?? ""}": supported values: ${supported}`,
      });
    }
    return causes;
  },
};

/** The strategies of this file, by kind (strategies.ts merges them into its table). */
export const POLICY_STRATEGIES: Record<string, KindStrategy> = {
  ResourceQuota: RESOURCE_QUOTA_STRATEGY,
  LimitRange: LIMIT_RANGE_STRATEGY,
  Role: ROLE_STRATEGY,
  ClusterRole: ROLE_STRATEGY,
  RoleBinding: ROLE_BINDING_STRATEGY,
  ClusterRoleBinding: ROLE_BINDING_STRATEGY,
};

function canonicalList(list: Record<string, string | number>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(list)) out[k] = parseQuantity(v) ? canonicalQuantity(v) : String(v);
  return out;
}

function quantityCauses(list: Record<string, string> | undefined, path: string): FieldCause[] {
  const causes: FieldCause[] = [];
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    if (!q)
      causes.push({ field: `${path}[${k}]`, message: `Invalid value: "${v}": ${QUANTITY_FORMAT_ERROR}` });
    else if (q.milli < 0n) {
      causes.push({
        field: `${path}[${k}]`,
        message: `Invalid value: "${v}": must be greater than or equal to 0`,
      });
    }
  }
  return causes;
}

/** `rbac.RoleRef{APIGroup:"rbac.authorization.k8s.io", Kind:"Role", Name:"x"}` as %#v prints it. */
function goStruct(ref: { apiGroup?: string; kind?: string; name?: string }): string {
  return `rbac.RoleRef{APIGroup:"${ref.apiGroup ?? ""}", Kind:"${ref.kind ?? ""}", Name:"${ref.name ?? ""}"}`;
}
