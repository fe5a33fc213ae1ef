/**
 * What a fresh cluster holds before anyone types a command, as a minikube v1.32 cluster has it: the four
 * namespaces, one node named `minikube` (InternalIP 192.168.49.2, pod CIDR 10.244.0.0/24), and the
 * `kubernetes` Service (10.96.0.1:443 → the API server at 192.168.49.2:8443). The default
 * ServiceAccounts and `kube-root-ca.crt` ConfigMaps come from their controllers on the first settle.
 */
import type { Api } from "../api/api";
import { bootstrapRbac } from "../api/rbac-bootstrap";
import { timestamp } from "../store/state";

/** The one node's name (minikube's; `kubectl get nodes`, the Scheduled event, `-o wide` NODE). */
export const NODE_NAME = "minikube";
/** The node's InternalIP (`describe pod`: `Node: minikube/192.168.49.2`). */
export const NODE_IP = "192.168.49.2";
/** The ClusterIP of the `kubernetes` Service: the first address of the 10.96.0.0/12 service range. */
export const KUBERNETES_SERVICE_IP = "10.96.0.1";
/** The kubelet version the node reports. */
export const KUBELET_VERSION = "v1.32.4";

/** Namespaces every cluster starts with. */
export const SYSTEM_NAMESPACES = ["default", "kube-node-lease", "kube-public", "kube-system"] as const;

/** Writes the starting objects through `api` (an admin API on the bootstrap transaction). */
export function bootstrapCluster(api: Api): void {
  for (const name of SYSTEM_NAMESPACES) createNamespace(api, name);
  createNode(api, NODE_NAME, NODE_IP);
  createKubernetesService(api);
  // The default RBAC policy (cluster-admin, admin/edit/view, what every authenticated user may do).
  bootstrapRbac(api);
}

function createNamespace(api: Api, name: string): void {
  api.create("namespaces", {
    apiVersion: "v1",
    kind: "Namespace",
    metadata: { name, labels: { "kubernetes.io/metadata.name": name } },
    spec: { finalizers: ["kubernetes"] },
    status: { phase: "Active" },
  });
}

function createNode(api: Api, name: string, ip: string): void {
  const now = timestamp(api.state, api.state.now);
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
    reason,
    message,
  });
  api.create("nodes", {
    apiVersion: "v1",
    kind: "Node",
    metadata: {
      name,
      labels: {
        "beta.kubernetes.io/arch": "amd64",
        "beta.kubernetes.io/os": "linux",
        "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": name,
        "kubernetes.io/os": "linux",
        "minikube.k8s.io/primary": "true",
        "node-role.kubernetes.io/control-plane": "",
      },
      annotations: {
        "node.alpha.kubernetes.io/ttl": "0",
        "volumes.kubernetes.io/controller-managed-attach-detach": "true",
      },
    },
    spec: { podCIDR: "10.244.0.0/24", podCIDRs: ["10.244.0.0/24"] },
    status: {
      capacity: { cpu: "2", "ephemeral-storage": "61202244Ki", memory: "8025424Ki", pods: "110" },
      allocatable: { cpu: "2", "ephemeral-storage": "61202244Ki", memory: "8025424Ki", pods: "110" },
      conditions: [
        condition(
          "MemoryPressure",
          "False",
          "KubeletHasSufficientMemory",
          "kubelet has sufficient memory available",
        ),
        condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
        condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
        condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
      ],
      addresses: [
        { type: "InternalIP", address: ip },
        { type: "Hostname", address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: "amd64",
        bootID: "6e1b4a9c-2f7d-4c1e-9a55-3b8d0f2c7e41",
        containerRuntimeVersion: "containerd://1.7.24",
        kernelVersion: "6.8.0-49-generic",
        kubeProxyVersion: KUBELET_VERSION,
        kubeletVersion: KUBELET_VERSION,
        machineID: "9f2c4e7a1b3d4f5e8a6c0d2e4f6a8b0c",
        operatingSystem: "linux",
        osImage: "Ubuntu 22.04.5 LTS",
        systemUUID: "3c7e9a1f-5b2d-4e8c-a0f6-1d3b5c7e9f2a",
      },
    },
  });
}

function createKubernetesService(api: Api): void {
  api.create("services", {
    apiVersion: "v1",
    kind: "Service",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { component: "apiserver", provider: "kubernetes" },
    },
    spec: {
      clusterIP: KUBERNETES_SERVICE_IP,
      clusterIPs: [KUBERNETES_SERVICE_IP],
      ports: [{ name: "https", port: 443, protocol: "TCP", targetPort: 8443 }],
      type: "ClusterIP",
      sessionAffinity: "None",
    },
  });
  api.create("endpoints", {
    apiVersion: "v1",
    kind: "Endpoints",
    metadata: {
      name: "kubernetes",
      namespace: "default",
      labels: { "endpointslice.kubernetes.io/skip-mirror": "true" },
    },
    subsets: [{ addresses: [{ ip: NODE_IP }], ports: [{ name: "https", port: 8443, protocol: "TCP" }] }],
  });
}
