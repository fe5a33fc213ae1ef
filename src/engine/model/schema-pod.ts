/**
 * Known fields of ObjectMeta, PodSpec, Container and what lessons put in them (k8s.io/api core/v1 and
 * meta/v1, v1.32), with the strategic-merge-patch tags of the Go types: containers by `name`, ports by
 * `containerPort`, env by `name`, volumeMounts by `mountPath`, volumes by `name` (+ retainKeys),
 * ownerReferences by `uid`, finalizers merged as a set. Deep structures nobody edits in a lesson
 * (affinity, security contexts) accept anything.
 */
import { list, map, S, STRING_LIST, STRING_MAP, type StructNode, struct } from "./schema";

const quantities = map(S.quantity, "v1.ResourceName");

const ownerReference = struct("OwnerReference", {
  apiVersion: S.string,
  kind: S.string,
  name: S.string,
  uid: S.string,
  controller: S.bool,
  blockOwnerDeletion: S.bool,
});

/** metav1.ObjectMeta. */
export const OBJECT_META: StructNode = struct("ObjectMeta", {
  name: S.string,
  generateName: S.string,
  namespace: S.string,
  selfLink: S.string,
  uid: S.string,
  resourceVersion: S.string,
  generation: S.int64,
  creationTimestamp: S.time,
  deletionTimestamp: S.time,
  deletionGracePeriodSeconds: S.int64,
  labels: STRING_MAP,
  annotations: STRING_MAP,
  ownerReferences: list(ownerReference, { mergeKey: "uid", strategy: "merge" }),
  finalizers: list(S.string, { strategy: "merge" }),
  managedFields: list(S.any),
});

/** metav1.LabelSelector. */
export const LABEL_SELECTOR: StructNode = struct("LabelSelector", {
  matchLabels: STRING_MAP,
  matchExpressions: list(
    struct("LabelSelectorRequirement", { key: S.string, operator: S.string, values: STRING_LIST }),
  ),
});

const keyRef = (go: string) => struct(go, { key: S.string, name: S.string, optional: S.bool });
const nameRef = (go: string) => struct(go, { name: S.string, optional: S.bool });

const envVar = struct("EnvVar", {
  name: S.string,
  value: S.string,
  valueFrom: struct("EnvVarSource", {
    configMapKeyRef: keyRef("ConfigMapKeySelector"),
    secretKeyRef: keyRef("SecretKeySelector"),
    fieldRef: struct("ObjectFieldSelector", { apiVersion: S.string, fieldPath: S.string }),
    resourceFieldRef: struct("ResourceFieldSelector", {
      containerName: S.string,
      divisor: S.quantity,
      resource: S.string,
    }),
  }),
});

const envFrom = struct("EnvFromSource", {
  prefix: S.string,
  configMapRef: nameRef("ConfigMapEnvSource"),
  secretRef: nameRef("SecretEnvSource"),
});

const containerPort = struct("ContainerPort", {
  name: S.string,
  hostPort: S.int32,
  containerPort: S.int32,
  protocol: S.string,
  hostIP: S.string,
});

const httpHeader = struct("HTTPHeader", { name: S.string, value: S.string });

const probeHandlers = {
  exec: struct("ExecAction", { command: STRING_LIST }),
  httpGet: struct("HTTPGetAction", {
    path: S.string,
    port: S.intstr,
    host: S.string,
    scheme: S.string,
    httpHeaders: list(httpHeader),
  }),
  tcpSocket: struct("TCPSocketAction", { port: S.intstr, host: S.string }),
  grpc: struct("GRPCAction", { port: S.int32, service: S.string }),
};

const probe = struct("Probe", {
  ...probeHandlers,
  initialDelaySeconds: S.int32,
  timeoutSeconds: S.int32,
  periodSeconds: S.int32,
  successThreshold: S.int32,
  failureThreshold: S.int32,
  terminationGracePeriodSeconds: S.int64,
});

const resources = struct("ResourceRequirements", {
  limits: quantities,
  requests: quantities,
  claims: list(S.any),
});

const volumeMount = struct("VolumeMount", {
  name: S.string,
  readOnly: S.bool,
  recursiveReadOnly: S.string,
  mountPath: S.string,
  subPath: S.string,
  mountPropagation: S.string,
  subPathExpr: S.string,
});

const container = struct("Container", {
  name: S.string,
  image: S.string,
  command: STRING_LIST,
  args: STRING_LIST,
  workingDir: S.string,
  ports: list(containerPort, { mergeKey: "containerPort", strategy: "merge" }),
  envFrom: list(envFrom),
  env: list(envVar, { mergeKey: "name", strategy: "merge" }),
  resources,
  resizePolicy: list(S.any),
  restartPolicy: S.string,
  volumeMounts: list(volumeMount, { mergeKey: "mountPath", strategy: "merge" }),
  volumeDevices: list(S.any, { mergeKey: "devicePath", strategy: "merge" }),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: S.any,
  terminationMessagePath: S.string,
  terminationMessagePolicy: S.string,
  imagePullPolicy: S.string,
  securityContext: S.any,
  stdin: S.bool,
  stdinOnce: S.bool,
  tty: S.bool,
});

const keyToPath = list(struct("KeyToPath", { key: S.string, path: S.string, mode: S.int32 }));

/** Volume sources not modelled field by field (accepted as they are). */
const OTHER_VOLUME_SOURCES = [
  "awsElasticBlockStore",
  "azureDisk",
  "azureFile",
  "cephfs",
  "cinder",
  "csi",
  "downwardAPI",
  "ephemeral",
  "fc",
  "flexVolume",
  "flocker",
  "gcePersistentDisk",
  "gitRepo",
  "glusterfs",
  "image",
  "iscsi",
  "nfs",
  "photonPersistentDisk",
  "portworxVolume",
  "projected",
  "quobyte",
  "rbd",
  "scaleIO",
  "storageos",
  "vsphereVolume",
];

const volume = struct(
  "Volume",
  {
    name: S.string,
    configMap: struct("ConfigMapVolumeSource", {
      name: S.string,
      items: keyToPath,
      defaultMode: S.int32,
      optional: S.bool,
    }),
    secret: struct("SecretVolumeSource", {
      secretName: S.string,
      items: keyToPath,
      defaultMode: S.int32,
      optional: S.bool,
    }),
    emptyDir: struct("EmptyDirVolumeSource", { medium: S.string, sizeLimit: S.quantity }),
    hostPath: struct("HostPathVolumeSource", { path: S.string, type: S.string }),
    persistentVolumeClaim: struct("PersistentVolumeClaimVolumeSource", {
      claimName: S.string,
      readOnly: S.bool,
    }),
    ...Object.fromEntries(OTHER_VOLUME_SOURCES.map((k) => [k, S.any])),
  },
  { retainKeys: true },
);

const toleration = struct("Toleration", {
  key: S.string,
  operator: S.string,
  value: S.string,
  effect: S.string,
  tolerationSeconds: S.int64,
});

/** core/v1 PodSpec. */
export const POD_SPEC: StructNode = struct("PodSpec", {
  volumes: list(volume, { mergeKey: "name", strategy: "merge" }),
  initContainers: list(container, { mergeKey: "name", strategy: "merge" }),
  containers: list(container, { mergeKey: "name", strategy: "merge" }),
  ephemeralContainers: list(S.any, { mergeKey: "name", strategy: "merge" }),
  restartPolicy: S.string,
  terminationGracePeriodSeconds: S.int64,
  activeDeadlineSeconds: S.int64,
  dnsPolicy: S.string,
  nodeSelector: STRING_MAP,
  serviceAccountName: S.string,
  serviceAccount: S.string,
  automountServiceAccountToken: S.bool,
  nodeName: S.string,
  hostNetwork: S.bool,
  hostPID: S.bool,
  hostIPC: S.bool,
  shareProcessNamespace: S.bool,
  securityContext: S.any,
  imagePullSecrets: list(struct("LocalObjectReference", { name: S.string }), {
    mergeKey: "name",
    strategy: "merge",
  }),
  hostname: S.string,
  subdomain: S.string,
  affinity: S.any,
  schedulerName: S.string,
  tolerations: list(toleration),
  hostAliases: list(struct("HostAlias", { ip: S.string, hostnames: STRING_LIST }), {
    mergeKey: "ip",
    strategy: "merge",
  }),
  priorityClassName: S.string,
  priority: S.int32,
  dnsConfig: S.any,
  readinessGates: list(S.any),
  runtimeClassName: S.string,
  enableServiceLinks: S.bool,
  preemptionPolicy: S.string,
  overhead: quantities,
  topologySpreadConstraints: list(S.any, { mergeKey: "topologyKey", strategy: "merge" }),
  setHostnameAsFQDN: S.bool,
  os: S.any,
  hostUsers: S.bool,
  schedulingGates: list(S.any, { mergeKey: "name", strategy: "merge" }),
  resourceClaims: list(S.any, { mergeKey: "name", strategy: "merge" }),
  resources,
});

/** core/v1 PodTemplateSpec. */
export const POD_TEMPLATE_SPEC: StructNode = struct("PodTemplateSpec", {
  metadata: OBJECT_META,
  spec: POD_SPEC,
});
