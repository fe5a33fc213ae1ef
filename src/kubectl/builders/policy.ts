/**
 * The objects `kubectl create quota|role|clusterrole|rolebinding|clusterrolebinding|serviceaccount`
 * build from their flags (cmd/create/create_quota.go, create_role.go, create_rolebinding.go …), with
 * their client-side errors (`error: at least one verb must be specified`). Each builder returns the
 * manifest or the error text (without `error: `). Warnings go to `warn`.
 */
import { canonicalQuantity, findResourceType, type KObject, parseQuantity } from "../../engine";

const RBAC = "rbac.authorization.k8s.io";

/** The result of a builder: the object, or kubectl's error message. */
export type Built = { ok: true; object: KObject } | { ok: false; error: string };

/** `kubectl create quota NAME [--hard=pods=3,requests.cpu=1] [--scopes=BestEffort,…]`. */
export function buildQuota(name: string, hard?: string, scopes?: string): Built {
  const spec: Record<string, unknown> = {};
  if (hard) {
    const list: Record<string, string> = {};
    for (const pair of hard.split(",")) {
      const parts = pair.split("=");
      if (parts.length !== 2) {
        return { ok: false, error: `Invalid argument syntax ${pair}, expected <resource>=<value>` };
      }
      const [resource = "", value = ""] = parts;
      if (!parseQuantity(value)) {
        return {
          ok: false,
          error:
            "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
        };
      }
      // The client parses each value into a resource.Quantity, which serializes canonically (`1000m` → `1`).
      list[resource] = canonicalQuantity(value);
    }
    spec.hard = list;
  }
  if (scopes) {
    const list = scopes.split(",");
    if (list.includes("")) return { ok: false, error: 'invalid resource quota scope ""' };
    spec.scopes = list;
  }
  return { ok: true, object: { apiVersion: "v1", kind: "ResourceQuota", metadata: { name }, spec } };
}

/** The verbs `create role` knows; others only warn (`Warning: 'foo' is not a standard resource verb`). */
export const VALID_RESOURCE_VERBS = [
  "*",
  "get",
  "delete",
  "list",
  "create",
  "update",
  "patch",
  "watch",
  "proxy",
  "deletecollection",
  "use",
  "bind",
  "escalate",
  "impersonate",
];

/** Flags of `create role`/`create clusterrole`. */
export interface RoleFlags {
  verbs: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs?: string[];
}

/**
 * `kubectl create role|clusterrole NAME --verb=… --resource=…`: one rule per API group (groups sorted),
 * resources resolved by discovery (`deploy` → `deployments` in `apps`), `*` in the core group.
 */
export function buildRole(
  kind: "Role" | "ClusterRole",
  name: string,
  f: RoleFlags,
  warn: (line: string) => void,
): Built {
  const verbs = f.verbs.includes("*") ? ["*"] : [...new Set(f.verbs)];
  const urls = f.nonResourceURLs ?? [];
  if (verbs.length === 0) return { ok: false, error: "at least one verb must be specified" };
  for (const v of verbs)
    if (!VALID_RESOURCE_VERBS.includes(v)) warn(`Warning: '${v}' is not a standard resource verb\n`);
  if (f.resources.length === 0 && urls.length === 0) {
    return {
      ok: false,
      error:
        kind === "Role"
          ? "at least one resource must be specified"
          : "one of resource or nonResourceURL must be specified",
    };
  }
  const byGroup = new Map<string, string[]>();
  for (const r of f.resources) {
    const [main = "", sub] = r.split(/\/(.*)/s, 2);
    const dot = main.indexOf(".");
    const resource = dot < 0 ? main : main.slice(0, dot);
    const group = dot < 0 ? "" : main.slice(dot + 1);
    if (!resource)
      return { ok: false, error: "resource must be specified if apiGroup/subresource specified" };
    let resolved = { resource, group };
    if (resource !== "*") {
      const t = findResourceType(group ? `${resource}.${group}` : resource);
      if (!t) return { ok: false, error: `the server doesn't have a resource type "${resource}"` };
      resolved = { resource: t.resource, group: t.group };
    }
    const full = sub ? `${resolved.resource}/${sub}` : resolved.resource;
    const list = byGroup.get(resolved.group) ?? [];
    if (!list.includes(full)) list.push(full);
    byGroup.set(resolved.group, list);
  }
  const rules: Record<string, unknown>[] = [...byGroup.keys()].sort().map((group) => ({
    verbs,
    apiGroups: [group],
    resources: byGroup.get(group),
    ...(f.resourceNames.length > 0 ? { resourceNames: f.resourceNames } : {}),
  }));
  if (urls.length > 0) rules.push({ verbs, nonResourceURLs: urls });
  return { ok: true, object: { apiVersion: `${RBAC}/v1`, kind, metadata: { name }, rules } };
}

/** Flags of `create rolebinding`/`create clusterrolebinding`. */
export interface BindingFlags {
  role?: string;
  clusterrole?: string;
  users: string[];
  groups: string[];
  serviceaccounts: string[];
}

/** `kubectl create rolebinding|clusterrolebinding NAME --role|--clusterrole=… --user|--group|--serviceaccount=ns:name`. */
export function buildBinding(
  kind: "RoleBinding" | "ClusterRoleBinding",
  name: string,
  f: BindingFlags,
): Built {
  const roleKinds = [f.role ? "Role" : "", f.clusterrole ? "ClusterRole" : ""].filter(Boolean);
  if (kind === "RoleBinding" && roleKinds.length !== 1) {
    return { ok: false, error: "exactly one of clusterrole or role must be specified" };
  }
  if (kind === "ClusterRoleBinding" && !f.clusterrole)
    return { ok: false, error: `required flag(s) "clusterrole" not set` };
  const subjects: Record<string, string>[] = [];
  for (const u of f.users) subjects.push({ apiGroup: RBAC, kind: "User", name: u });
  for (const g of f.groups) subjects.push({ apiGroup: RBAC, kind: "Group", name: g });
  for (const sa of f.serviceaccounts) {
    const parts = sa.split(":");
    if (parts.length !== 2 || !parts[0] || !parts[1]) {
      return { ok: false, error: "serviceaccount must be <namespace>:<name>" };
    }
    subjects.push({ kind: "ServiceAccount", name: parts[1], namespace: parts[0] });
  }
  const roleRef = {
    apiGroup: RBAC,
    kind: roleKinds[0] ?? "ClusterRole",
    name: f.role ?? f.clusterrole ?? "",
  };
  const object: KObject = { apiVersion: `${RBAC}/v1`, kind, metadata: { name }, roleRef };
  if (subjects.length > 0) object.subjects = subjects;
  return { ok: true, object };
}

/** `kubectl create serviceaccount NAME`. */
export function buildServiceAccount(name: string): KObject {
  return { apiVersion: "v1", kind: "ServiceAccount", metadata: { name } };
}
