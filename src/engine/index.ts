/**
 * The engine's public entry: what the layers above (kubectl, shell, session, UI, CLI) may use.
 * Nothing above the engine imports a file inside it directly.
 */
export { Api, type DeleteOptions, type WriteOptions } from "./api/api";
export {
  ADMIN_USER,
  type AuthorizationRequest,
  decide,
  forbiddenMessage,
  impersonate,
  impersonatedUser,
  type UserInfo,
} from "./api/authorization";
export { ApiError, type FieldCause, type StatusReason } from "./api/errors";
export type { PatchType } from "./api/patch/apply";
export { declarativePatch } from "./api/patch/diff";
export { goQuote, goValue } from "./api/patch/gofmt";
export { GoJsonError, parseGoJson, parseGoJsonStream } from "./api/patch/gojson";
export { jsonMergePatch } from "./api/patch/merge";
export { strategicMergePatch } from "./api/patch/strategic";
export { defaultPodTemplate } from "./api/pod-strategy";
export { type PolicyRule, rulesFor } from "./api/rbac";
export { bootstrapRbac } from "./api/rbac-bootstrap";
export { listStored } from "./api/storage";
export { clusterRoleAggregationController } from "./controllers/clusterrole-aggregation";
export type { Controller, ControllerContext } from "./controllers/controller";
export { deploymentController } from "./controllers/deployment";
export { replicaSetsToCleanUp } from "./controllers/deployment/cleanup";
export { computeHash, safeEncodeString } from "./controllers/deployment/hash";
export {
  LAST_APPLIED_ANNOTATION,
  lastRevision,
  maxRevision,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
  revision,
  SKIP_COPY_ANNOTATIONS,
  setNewReplicaSetAnnotations,
} from "./controllers/deployment/revisions";
export {
  DESIRED_REPLICAS_ANNOTATION,
  type DeploymentLike,
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  equalIgnoreHash,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getProportion,
  getReplicaSetFraction,
  isSaturated,
  MAX_REPLICAS_ANNOTATION,
  maxSurge,
  maxUnavailable,
  minAvailable,
  newRSNewReplicas,
  POD_TEMPLATE_HASH_LABEL,
  type ReplicaSetLike,
  resolveFenceposts,
} from "./controllers/deployment/util";
export { defaultControllers } from "./controllers/index";
export { containerLogs } from "./controllers/kubelet/index";
export { hex64 } from "./controllers/kubelet/runtime";
export { quotaController } from "./controllers/quota";
export { rootCaPublisher, serviceAccountController } from "./controllers/serviceaccount";
export {
  DEFAULT_IMAGES,
  fullReference,
  type HttpAnswer,
  IMAGE_DEFAULTS,
  type ImageSpec,
  parseImageRef,
  resolveImage,
} from "./model/images";
export { matchesRequirements, parseSelector, SelectorParseError } from "./model/labels";
export {
  canonicalQuantity,
  formatMilli,
  parseQuantity,
  QUANTITY_FORMAT_ERROR,
  type Quantity,
} from "./model/quantity";
export * from "./model/resources";
export { schemaFor } from "./model/schema-kinds";
export type * from "./model/types";
export { bootstrapCluster, NODE_IP, NODE_NAME } from "./sim/bootstrap";
export { Cluster, type ClusterListener, type ClusterOptions } from "./sim/cluster";
export { type CreateClusterOptions, createCluster } from "./sim/create";
export { type HttpResult, httpGet, type NetworkError, parseUrl, resolve } from "./sim/network";
export { Bucket } from "./store/bucket";
export { DecisionLog } from "./store/decision-log";
export { allEvents, type EventStore, emptyEventStore } from "./store/event-store";
export { type ClusterState, type Decision, objectKey, simTime, timestamp } from "./store/state";
