/**
 * The default RBAC policy a v1.32 API server writes at start (bootstrappolicy testdata
 * cluster-roles.yaml / cluster-role-bindings.yaml), limited to what a learner meets: cluster-admin,
 * the user-facing admin/edit/view (aggregated from the system:aggregate-to-* roles, as the
 * clusterrole-aggregation controller fills them), and the roles every authenticated user holds
 * (basic-user, discovery, public-info-viewer) or every service account (issuer discovery).
 */
import type { Api } from "./api";
import type { PolicyRule } from "./rbac";

type R = [groups: string[], resources: string[], verbs: string[], names?: string[]];

const RW = ["create", "delete", "deletecollection", "patch", "update"];
const RO = ["get", "list", "watch"];
const ALL = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

const AGGREGATE_TO_VIEW: R[] = [
  [
    [""],
    [
      "configmaps",
      "endpoints",
      "persistentvolumeclaims",
      "persistentvolumeclaims/status",
      "pods",
      "replicationcontrollers",
      "replicationcontrollers/scale",
      "serviceaccounts",
      "services",
      "services/status",
    ],
    RO,
  ],
  [
    [""],
    [
      "bindings",
      "events",
      "limitranges",
      "namespaces/status",
      "pods/log",
      "pods/status",
      "replicationcontrollers/status",
      "resourcequotas",
      "resourcequotas/status",
    ],
    RO,
  ],
  [[""], ["namespaces"], RO],
  [["discovery.k8s.io"], ["endpointslices"], RO],
  [
    ["apps"],
    [
      "controllerrevisions",
      "daemonsets",
      "daemonsets/status",
      "deployments",
      "deployments/scale",
      "deployments/status",
      "replicasets",
      "replicasets/scale",
      "replicasets/status",
      "statefulsets",
      "statefulsets/scale",
      "statefulsets/status",
    ],
    RO,
  ],
  [["autoscaling"], ["horizontalpodautoscalers", "horizontalpodautoscalers/status"], RO],
  [["batch"], ["cronjobs", "cronjobs/status", "jobs", "jobs/status"], RO],
  [
    ["extensions"],
    [
      "daemonsets",
      "daemonsets/status",
      "deployments",
      "deployments/scale",
      "deployments/status",
      "ingresses",
      "ingresses/status",
      "networkpolicies",
      "replicasets",
      "replicasets/scale",
      "replicasets/status",
      "replicationcontrollers/scale",
    ],
    RO,
  ],
  [["policy"], ["poddisruptionbudgets", "poddisruptionbudgets/status"], RO],
  [["networking.k8s.io"], ["ingresses", "ingresses/status", "networkpolicies"], RO],
];

const AGGREGATE_TO_EDIT: R[] = [
  [[""], ["pods/attach", "pods/exec", "pods/portforward", "pods/proxy", "secrets", "services/proxy"], RO],
  [[""], ["serviceaccounts"], ["impersonate"]],
  [[""], ["pods", "pods/attach", "pods/exec", "pods/portforward", "pods/proxy"], RW],
  [[""], ["pods/eviction"], ["create"]],
  [
    [""],
    [
      "configmaps",
      "events",
      "persistentvolumeclaims",
      "replicationcontrollers",
      "replicationcontrollers/scale",
      "secrets",
      "serviceaccounts",
      "services",
      "services/proxy",
    ],
    RW,
  ],
  [[""], ["serviceaccounts/token"], ["create"]],
  [
    ["apps"],
    [
      "daemonsets",
      "deployments",
      "deployments/rollback",
      "deployments/scale",
      "replicasets",
      "replicasets/scale",
      "statefulsets",
      "statefulsets/scale",
    ],
    RW,
  ],
  [["autoscaling"], ["horizontalpodautoscalers"], RW],
  [["batch"], ["cronjobs", "jobs"], RW],
  [
    ["extensions"],
    [
      "daemonsets",
      "deployments",
      "deployments/rollback",
      "deployments/scale",
      "ingresses",
      "networkpolicies",
      "replicasets",
      "replicasets/scale",
      "replicationcontrollers/scale",
    ],
    RW,
  ],
  [["policy"], ["poddisruptionbudgets"], RW],
  [["networking.k8s.io"], ["ingresses", "networkpolicies"], RW],
  [["coordination.k8s.io"], ["leases"], ALL],
];

const AGGREGATE_TO_ADMIN: R[] = [
  [["authorization.k8s.io"], ["localsubjectaccessreviews"], ["create"]],
  [["rbac.authorization.k8s.io"], ["rolebindings", "roles"], ALL],
];

function rules(list: R[]): PolicyRule[] {
  return list.map(([apiGroups, resources, verbs, names]) => ({
    apiGroups,
    resources,
    verbs,
    ...(names ? { resourceNames: names } : {}),
  }));
}

function urls(paths: string[]): PolicyRule[] {
  return [{ nonResourceURLs: paths, verbs: ["get"] }];
}

interface RoleSpec {
  name: string;
  rules: PolicyRule[];
  labels?: Record<string, string>;
  aggregateFrom?: string;
}

const view = rules(AGGREGATE_TO_VIEW);
const edit = [...rules(AGGREGATE_TO_EDIT), ...view];

/** The bootstrap ClusterRoles, with aggregated rules already filled in (the aggregation controller's result). */
export const BOOTSTRAP_CLUSTER_ROLES: readonly RoleSpec[] = [
  { name: "admin", rules: [...rules(AGGREGATE_TO_ADMIN), ...edit], aggregateFrom: "admin" },
  {
    name: "cluster-admin",
    rules: [
      { apiGroups: ["*"], resources: ["*"], verbs: ["*"] },
      { nonResourceURLs: ["*"], verbs: ["*"] },
    ],
  },
  {
    name: "edit",
    rules: edit,
    aggregateFrom: "edit",
    labels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" },
  },
  {
    name: "system:aggregate-to-admin",
    rules: rules(AGGREGATE_TO_ADMIN),
    labels: { "rbac.authorization.k8s.io/aggregate-to-admin": "true" },
  },
  {
    name: "system:aggregate-to-edit",
    rules: rules(AGGREGATE_TO_EDIT),
    labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" },
  },
  {
    name: "system:aggregate-to-view",
    rules: view,
    labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" },
  },
  {
    name: "system:basic-user",
    rules: rules([
      [["authorization.k8s.io"], ["selfsubjectaccessreviews", "selfsubjectrulesreviews"], ["create"]],
      [["authentication.k8s.io"], ["selfsubjectreviews"], ["create"]],
    ]),
  },
  {
    name: "system:discovery",
    rules: urls([
      "/api",
      "/api/*",
      "/apis",
      "/apis/*",
      "/healthz",
      "/livez",
      "/openapi",
      "/openapi/*",
      "/readyz",
      "/version",
      "/version/",
    ]),
  },
  {
    name: "system:public-info-viewer",
    rules: urls(["/healthz", "/livez", "/readyz", "/version", "/version/"]),
  },
  {
    name: "system:service-account-issuer-discovery",
    rules: urls(["/.well-known/openid-configuration", "/openid/v1/jwks"]),
  },
  {
    name: "view",
    rules: view,
    aggregateFrom: "view",
    labels: { "rbac.authorization.k8s.io/aggregate-to-edit": "true" },
  },
];

/** The bootstrap ClusterRoleBindings: binding (= role) name → groups bound. */
export const BOOTSTRAP_BINDINGS: readonly [string, string[]][] = [
  ["cluster-admin", ["system:masters"]],
  ["system:basic-user", ["system:authenticated"]],
  ["system:discovery", ["system:authenticated"]],
  ["system:public-info-viewer", ["system:authenticated", "system:unauthenticated"]],
  ["system:service-account-issuer-discovery", ["system:serviceaccounts"]],
];

const RBAC = "rbac.authorization.k8s.io";

/** Writes the bootstrap ClusterRoles and ClusterRoleBindings (call from the cluster's bootstrap). */
export function bootstrapRbac(api: Api): void {
  for (const role of BOOTSTRAP_CLUSTER_ROLES) {
    api.create("clusterroles", {
      apiVersion: `${RBAC}/v1`,
      kind: "ClusterRole",
      metadata: {
        name: role.name,
        annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" },
        labels: { "kubernetes.io/bootstrapping": "rbac-defaults", ...(role.labels ?? {}) },
      },
      ...(role.aggregateFrom
        ? {
            aggregationRule: {
              clusterRoleSelectors: [
                { matchLabels: { [`${RBAC}/aggregate-to-${role.aggregateFrom}`]: "true" } },
              ],
            },
          }
        : {}),
      rules: role.rules,
    });
  }
  for (const [name, groups] of BOOTSTRAP_BINDINGS) {
    api.create("clusterrolebindings", {
      apiVersion: `${RBAC}/v1`,
      kind: "ClusterRoleBinding",
      metadata: {
        name,
        annotations: { "rbac.authorization.kubernetes.io/autoupdate": "true" },
        labels: { "kubernetes.io/bootstrapping": "rbac-defaults" },
      },
      roleRef: { apiGroup: RBAC, kind: "ClusterRole", name },
      subjects: groups.map((g) => ({ apiGroup: RBAC, kind: "Group", name: g })),
    });
  }
}
