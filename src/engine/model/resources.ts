/**
 * The resource types the simulated API server serves, as discovery would list them: the data behind
 * `kubectl api-resources`, short names, and how a kind maps to its REST resource.
 */
import { memoize } from "./memo";

/** One served resource type. */
export interface ResourceType {
  /** Plural REST name: `deployments`. */
  resource: string;
  /** Singular name: `deployment`. */
  singular: string;
  kind: string;
  /** API group, "" for the core group. */
  group: string;
  version: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
}

const ALL_VERBS = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

function type(
  resource: string,
  kind: string,
  group: string,
  namespaced: boolean,
  shortNames: string[] = [],
  verbs: string[] = ALL_VERBS,
): ResourceType {
  return {
    resource,
    singular: kind.toLowerCase(),
    kind,
    group,
    version: "v1",
    namespaced,
    shortNames,
    verbs,
  };
}

/** Every resource type, in the order `kubectl api-resources` prints them (core group first, then by group). */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  type("configmaps", "ConfigMap", "", true, ["cm"]),
  type("endpoints", "Endpoints", "", true, ["ep"]),
  type("events", "Event", "", true, ["ev"]),
  type("limitranges", "LimitRange", "", true, ["limits"]),
  type(
    "namespaces",
    "Namespace",
    "",
    false,
    ["ns"],
    ["create", "delete", "get", "list", "patch", "update", "watch"],
  ),
  type("nodes", "Node", "", false, ["no"]),
  type("pods", "Pod", "", true, ["po"]),
  type("resourcequotas", "ResourceQuota", "", true, ["quota"]),
  type("secrets", "Secret", "", true),
  type("serviceaccounts", "ServiceAccount", "", true, ["sa"]),
  type(
    "services",
    "Service",
    "",
    true,
    ["svc"],
    ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"],
  ),
  type("deployments", "Deployment", "apps", true, ["deploy"]),
  type("replicasets", "ReplicaSet", "apps", true, ["rs"]),
  type("clusterrolebindings", "ClusterRoleBinding", "rbac.authorization.k8s.io", false),
  type("clusterroles", "ClusterRole", "rbac.authorization.k8s.io", false),
  type("rolebindings", "RoleBinding", "rbac.authorization.k8s.io", true),
  type("roles", "Role", "rbac.authorization.k8s.io", true),
];

/** `apps/v1` for a group, `v1` for the core group. */
export function apiVersionOf(t: ResourceType): string {
  return t.group === "" ? t.version : `${t.group}/${t.version}`;
}

/** `deployment.apps` / `pod`: the qualified kind kubectl prints in `deployment.apps/http-go created`. */
export function qualifiedKind(t: ResourceType): string {
  return t.group === "" ? t.singular : `${t.singular}.${t.group}`;
}

/** `deployments.apps` / `pods`: the qualified resource the API server names in its error messages. */
export function qualifiedResource(t: ResourceType): string {
  return t.group === "" ? t.resource : `${t.resource}.${t.group}`;
}

/**
 * Looks up a resource type by any name kubectl accepts: plural, singular, short name, Kind
 * (case-insensitive), `deployments.apps`, `deployments.v1.apps`, `deployment.apps`.
 */
export function findResourceType(name: string): ResourceType | undefined {
  return resolveName(name);
}

// Every API request resolves its resource (about 100,000 times in a 10,000-replica rollout), and the
// answer for a name never changes: remembered rather than split and searched each time.
const resolveName = memoize((name: string) => searchResourceType(name), 1024);

function searchResourceType(name: string): ResourceType | undefined {
  const lower = name.toLowerCase();
  const [head = "", ...rest] = lower.split(".");
  const qualifier = rest.join(".");
  return RESOURCE_TYPES.find((t) => {
    const names = [t.resource, t.singular, ...t.shortNames];
    if (!names.includes(head)) return false;
    if (qualifier === "") return true;
    return (
      qualifier === t.group ||
      qualifier === `${t.version}.${t.group}` ||
      (t.group === "" && qualifier === t.version)
    );
  });
}

/** The resource type of a Kind with its apiVersion, as a manifest names it. */
export function resourceTypeForKind(kind: string, apiVersion?: string): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    (t) => t.kind === kind && (apiVersion === undefined || apiVersionOf(t) === apiVersion),
  );
}
