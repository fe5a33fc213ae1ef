/**
 * The root schema of every kind the sandbox serves (apps/v1, core/v1, rbac/v1 as of v1.32), used for
 * strict decoding, decode type errors and strategic merge patch. Statuses are written by the system and
 * accepted as they are.
 */
import { list, map, S, type Schema, STRING_LIST, STRING_MAP, type StructNode, struct } from "./schema";
import { LABEL_SELECTOR, OBJECT_META, POD_SPEC, POD_TEMPLATE_SPEC } from "./schema-pod";

/** A kind's root: typeMeta, metadata and its own fields. */
function root(kind: string, fields: Record<string, Schema>): StructNode {
  return struct(kind, { apiVersion: S.string, kind: S.string, metadata: OBJECT_META, ...fields });
}

const deploymentSpec = struct("DeploymentSpec", {
  replicas: S.int32,
  selector: LABEL_SELECTOR,
  template: POD_TEMPLATE_SPEC,
  strategy: struct(
    "DeploymentStrategy",
    {
      type: S.string,
      rollingUpdate: struct("RollingUpdateDeployment", { maxUnavailable: S.intstr, maxSurge: S.intstr }),
    },
    { retainKeys: true },
  ),
  minReadySeconds: S.int32,
  revisionHistoryLimit: S.int32,
  paused: S.bool,
  progressDeadlineSeconds: S.int32,
});

const replicaSetSpec = struct("ReplicaSetSpec", {
  replicas: S.int32,
  minReadySeconds: S.int32,
  selector: LABEL_SELECTOR,
  template: POD_TEMPLATE_SPEC,
});

const servicePort = struct("ServicePort", {
  name: S.string,
  protocol: S.string,
  appProtocol: S.string,
  port: S.int32,
  targetPort: S.intstr,
  nodePort: S.int32,
});

const serviceSpec = struct("ServiceSpec", {
  ports: list(servicePort, { mergeKey: "port", strategy: "merge" }),
  selector: STRING_MAP,
  clusterIP: S.string,
  clusterIPs: STRING_LIST,
  type: S.string,
  externalIPs: STRING_LIST,
  sessionAffinity: S.string,
  loadBalancerIP: S.string,
  loadBalancerSourceRanges: STRING_LIST,
  externalName: S.string,
  externalTrafficPolicy: S.string,
  healthCheckNodePort: S.int32,
  publishNotReadyAddresses: S.bool,
  sessionAffinityConfig: S.any,
  ipFamilies: STRING_LIST,
  ipFamilyPolicy: S.string,
  allocateLoadBalancerNodePorts: S.bool,
  loadBalancerClass: S.string,
  internalTrafficPolicy: S.string,
  trafficDistribution: S.string,
});

const quantities = map(S.quantity, "v1.ResourceName");

const limitRangeItem = struct("LimitRangeItem", {
  type: S.string,
  max: quantities,
  min: quantities,
  default: quantities,
  defaultRequest: quantities,
  maxLimitRequestRatio: quantities,
});

const policyRule = struct(
  "PolicyRule",
  {
    verbs: STRING_LIST,
    apiGroups: STRING_LIST,
    resources: STRING_LIST,
    resourceNames: STRING_LIST,
    nonResourceURLs: STRING_LIST,
  },
  { pkg: "v1" },
);

const subject = struct("Subject", {
  kind: S.string,
  apiGroup: S.string,
  name: S.string,
  namespace: S.string,
});
const roleRef = struct("RoleRef", { apiGroup: S.string, kind: S.string, name: S.string });

const objectReference = struct("ObjectReference", {
  kind: S.string,
  namespace: S.string,
  name: S.string,
  uid: S.string,
  apiVersion: S.string,
  resourceVersion: S.string,
  fieldPath: S.string,
});

/** The root schema per Kind. */
export const KIND_SCHEMAS: Record<string, StructNode> = {
  Deployment: root("Deployment", { spec: deploymentSpec, status: S.any }),
  ReplicaSet: root("ReplicaSet", { spec: replicaSetSpec, status: S.any }),
  Pod: root("Pod", { spec: POD_SPEC, status: S.any }),
  Service: root("Service", { spec: serviceSpec, status: S.any }),
  ConfigMap: root("ConfigMap", { data: STRING_MAP, binaryData: map(S.string), immutable: S.bool }),
  Secret: root("Secret", { data: map(S.string), stringData: STRING_MAP, type: S.string, immutable: S.bool }),
  ServiceAccount: root("ServiceAccount", {
    secrets: list(objectReference, { mergeKey: "name", strategy: "merge" }),
    imagePullSecrets: list(struct("LocalObjectReference", { name: S.string })),
    automountServiceAccountToken: S.bool,
  }),
  ResourceQuota: root("ResourceQuota", {
    spec: struct("ResourceQuotaSpec", { hard: quantities, scopes: STRING_LIST, scopeSelector: S.any }),
    status: S.any,
  }),
  LimitRange: root("LimitRange", { spec: struct("LimitRangeSpec", { limits: list(limitRangeItem) }) }),
  Role: root("Role", { rules: list(policyRule) }),
  ClusterRole: root("ClusterRole", {
    rules: list(policyRule),
    aggregationRule: struct("AggregationRule", { clusterRoleSelectors: list(LABEL_SELECTOR) }),
  }),
  RoleBinding: root("RoleBinding", { subjects: list(subject), roleRef }),
  ClusterRoleBinding: root("ClusterRoleBinding", { subjects: list(subject), roleRef }),
  Namespace: root("Namespace", { spec: struct("NamespaceSpec", { finalizers: STRING_LIST }), status: S.any }),
  Node: root("Node", { spec: S.any, status: S.any }),
  Endpoints: root("Endpoints", { subsets: list(S.any) }),
  Event: struct(
    "Event",
    Object.fromEntries(
      [
        "apiVersion",
        "kind",
        "metadata",
        "involvedObject",
        "reason",
        "message",
        "source",
        "firstTimestamp",
        "lastTimestamp",
        "count",
        "type",
        "eventTime",
        "series",
        "action",
        "related",
        "reportingComponent",
        "reportingInstance",
      ].map((k) => [k, k === "metadata" ? OBJECT_META : k === "involvedObject" ? objectReference : S.any]),
    ),
  ),
};

/** The root schema of `kind`, or undefined for a kind not modelled (no strict decoding then). */
export function schemaFor(kind: string): StructNode | undefined {
  return KIND_SCHEMAS[kind];
}
