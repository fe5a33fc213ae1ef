/**
 * kubectl describe on hand-built objects. Expected text: kubectl-facts.md §7.1–§7.3 (real kubectl output),
 * with ages recomputed for the fixture's clock.
 */
import { describe, expect, it } from "vitest";
import type { KObject } from "../../src/engine";
import { rolledOutDeployment, rolledOutReplicaSets, V2_CHANGE_CAUSE } from "../support/rollout-world";
import { event, pod, replicaSet, running } from "./fixtures";
import { at, fixture, run } from "./support";

const V2 = V2_CHANGE_CAUSE;
const dep = { kind: "Deployment", name: "http-go" };
const SCALE = "deployment-controller";

describe("describe deployment (§7.1)", () => {
  const d = rolledOutDeployment();
  d.metadata.creationTimestamp = "2026-01-01T00:00:00Z";
  const c = fixture(
    [
      d,
      ...rolledOutReplicaSets(260),
      event(dep, "Normal", "ScalingReplicaSet", "Scaled up replica set http-go-5d4f7c9b6 to 3", SCALE, 0),
      event(dep, "Normal", "ScalingReplicaSet", "Scaled up replica set http-go-7c5f9d8b6d to 1", SCALE, 260),
      event(
        dep,
        "Normal",
        "ScalingReplicaSet",
        "Scaled down replica set http-go-5d4f7c9b6 to 2 from 3",
        SCALE,
        262,
      ),
      event(
        dep,
        "Normal",
        "ScalingReplicaSet",
        "Scaled up replica set http-go-7c5f9d8b6d to 2 from 1",
        SCALE,
        262,
      ),
      event(
        dep,
        "Normal",
        "ScalingReplicaSet",
        "Scaled down replica set http-go-5d4f7c9b6 to 1 from 2",
        SCALE,
        264,
      ),
      event(
        dep,
        "Normal",
        "ScalingReplicaSet",
        "Scaled up replica set http-go-7c5f9d8b6d to 3 from 2",
        SCALE,
        264,
      ),
      event(
        dep,
        "Normal",
        "ScalingReplicaSet",
        "Scaled down replica set http-go-5d4f7c9b6 to 0 from 1",
        SCALE,
        266,
      ),
    ],
    300,
  );

  it("matches the reference line by line", () => {
    const r = run(c, ["describe", "deployment", "http-go"]);
    expect(r.stderr).toBe("");
    expect(r.stdout.split("\n")).toEqual([
      "Name:                   http-go",
      "Namespace:              default",
      "CreationTimestamp:      Thu, 01 Jan 2026 00:00:00 +0000",
      "Labels:                 app=http-go",
      "Annotations:            deployment.kubernetes.io/revision: 2",
      `                        kubernetes.io/change-cause: ${V2}`,
      "Selector:               app=http-go",
      "Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable",
      "StrategyType:           RollingUpdate",
      "MinReadySeconds:        0",
      "RollingUpdateStrategy:  25% max unavailable, 25% max surge",
      "Pod Template:",
      "  Labels:  app=http-go",
      "  Containers:",
      "   http-go:",
      "    Image:         example/http-go:v2",
      "    Port:          8080/TCP",
      "    Host Port:     0/TCP",
      "    Environment:   <none>",
      "    Mounts:        <none>",
      "  Volumes:         <none>",
      "  Node-Selectors:  <none>",
      "  Tolerations:     <none>",
      "Conditions:",
      "  Type           Status  Reason",
      "  ----           ------  ------",
      "  Available      True    MinimumReplicasAvailable",
      "  Progressing    True    NewReplicaSetAvailable",
      "OldReplicaSets:  http-go-5d4f7c9b6 (0/0 replicas created)",
      "NewReplicaSet:   http-go-7c5f9d8b6d (3/3 replicas created)",
      "Events:",
      "  Type    Reason             Age   From                   Message",
      "  ----    ------             ----  ----                   -------",
      "  Normal  ScalingReplicaSet  5m    deployment-controller  Scaled up replica set http-go-5d4f7c9b6 to 3",
      "  Normal  ScalingReplicaSet  40s   deployment-controller  Scaled up replica set http-go-7c5f9d8b6d to 1",
      "  Normal  ScalingReplicaSet  38s   deployment-controller  Scaled down replica set http-go-5d4f7c9b6 to 2 from 3",
      "  Normal  ScalingReplicaSet  38s   deployment-controller  Scaled up replica set http-go-7c5f9d8b6d to 2 from 1",
      "  Normal  ScalingReplicaSet  36s   deployment-controller  Scaled down replica set http-go-5d4f7c9b6 to 1 from 2",
      "  Normal  ScalingReplicaSet  36s   deployment-controller  Scaled up replica set http-go-7c5f9d8b6d to 3 from 2",
      "  Normal  ScalingReplicaSet  34s   deployment-controller  Scaled down replica set http-go-5d4f7c9b6 to 0 from 1",
      "",
    ]);
  });

  it("not found; prefix match; no type", () => {
    expect(run(c, ["describe", "deploy", "x"]).stderr).toBe(
      'Error from server (NotFound): deployments.apps "x" not found\n',
    );
    expect(
      run(c, ["describe", "rs", "http-go"])
        .stdout.split("\n")
        .filter((l) => l.startsWith("Name:")),
    ).toEqual(["Name:           http-go-5d4f7c9b6", "Name:           http-go-7c5f9d8b6d"]);
    expect(run(c, ["describe"])).toEqual({
      stdout: "",
      stderr:
        'Error: You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n',
      exit: 1,
    });
  });
});

describe("describe rs (§7.2)", () => {
  it("quota failure example", () => {
    const rs = replicaSet("6f9c8d7b5c", 5, "example/http-go:v3", { desired: 1, current: 0, ready: 0 }, 0);
    rs.status = {
      replicas: 0,
      conditions: [{ type: "ReplicaFailure", status: "True", reason: "FailedCreate" }],
    };
    (rs.spec.template.spec.containers[0] as KObject).resources = { limits: { cpu: "500m" } };
    const msg = (p: string) =>
      `Error creating: pods "${p}" is forbidden: exceeded quota: compute-quota, requested: limits.cpu=500m, used: limits.cpu=2, limited: limits.cpu=2`;
    const who = { kind: "ReplicaSet", name: "http-go-6f9c8d7b5c" };
    const c = fixture(
      [
        rs,
        event(who, "Warning", "FailedCreate", msg("http-go-6f9c8d7b5c-x2v9k"), "replicaset-controller", 8),
        event(
          who,
          "Warning",
          "FailedCreate",
          `(combined from similar events): ${msg("http-go-6f9c8d7b5c-q8m4t")}`,
          "replicaset-controller",
          9,
          48,
          6,
        ),
      ],
      60,
    );
    expect(run(c, ["describe", "rs", "http-go-6f9c8d7b5c"]).stdout.split("\n")).toEqual([
      "Name:           http-go-6f9c8d7b5c",
      "Namespace:      default",
      "Selector:       app=http-go,pod-template-hash=6f9c8d7b5c",
      "Labels:         app=http-go",
      "                pod-template-hash=6f9c8d7b5c",
      "Annotations:    deployment.kubernetes.io/desired-replicas: 3",
      "                deployment.kubernetes.io/max-replicas: 4",
      "                deployment.kubernetes.io/revision: 5",
      "Controlled By:  Deployment/http-go",
      "Replicas:       0 current / 1 desired",
      "Pods Status:    0 Running / 0 Waiting / 0 Succeeded / 0 Failed",
      "Pod Template:",
      "  Labels:  app=http-go",
      "           pod-template-hash=6f9c8d7b5c",
      "  Containers:",
      "   http-go:",
      "    Image:      example/http-go:v3",
      "    Port:       8080/TCP",
      "    Host Port:  0/TCP",
      "    Limits:",
      "      cpu:         500m",
      "    Environment:   <none>",
      "    Mounts:        <none>",
      "  Volumes:         <none>",
      "  Node-Selectors:  <none>",
      "  Tolerations:     <none>",
      "Conditions:",
      "  Type             Status  Reason",
      "  ----             ------  ------",
      "  ReplicaFailure   True    FailedCreate",
      "Events:",
      "  Type     Reason        Age                From                   Message",
      "  ----     ------        ----               ----                   -------",
      `  Warning  FailedCreate  52s                replicaset-controller  ${msg("http-go-6f9c8d7b5c-x2v9k")}`,
      `  Warning  FailedCreate  12s (x6 over 51s)  replicaset-controller  (combined from similar events): ${msg("http-go-6f9c8d7b5c-q8m4t")}`,
      "",
    ]);
  });
});

describe("describe pod (§7.3)", () => {
  it("a running pod of a ReplicaSet", () => {
    const p = pod("http-go-7c5f9d8b6d-lb6rc", 0, {
      ...running(),
      hostIP: "192.168.49.2",
      startTime: at(0),
      conditions: [
        "PodReadyToStartContainers",
        "Initialized",
        "Ready",
        "ContainersReady",
        "PodScheduled",
      ].map((type) => ({ type, status: "True" })),
    });
    p.metadata.labels = { app: "http-go", "pod-template-hash": "7c5f9d8b6d" };
    p.metadata.ownerReferences = [
      { apiVersion: "apps/v1", kind: "ReplicaSet", name: "http-go-7c5f9d8b6d", uid: "u", controller: true },
    ];
    p.spec.priority = 0;
    p.spec.serviceAccountName = "default";
    p.spec.containers[0].ports = [{ containerPort: 8080, protocol: "TCP" }];
    p.spec.containers[0].volumeMounts = [
      {
        name: "kube-api-access-8k2xq",
        mountPath: "/var/run/secrets/kubernetes.io/serviceaccount",
        readOnly: true,
      },
    ];
    p.status.containerStatuses[0].containerID = "containerd://3f1c0d6c2b8e";
    p.status.containerStatuses[0].imageID = "docker.io/example/http-go@sha256:9a1b";
    p.status.containerStatuses[0].state = { running: { startedAt: at(2) } };
    p.spec.volumes = [
      {
        name: "kube-api-access-8k2xq",
        projected: {
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
            { configMap: { name: "kube-root-ca.crt", items: [] } },
            { downwardAPI: { items: [] } },
          ],
        },
      },
    ];
    p.spec.tolerations = [
      {
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
      {
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
    ];
    const who = { kind: "Pod", name: p.metadata.name };
    const c = fixture(
      [
        p,
        event(
          who,
          "Normal",
          "Scheduled",
          `Successfully assigned default/${p.metadata.name} to minikube`,
          "default-scheduler",
          0,
        ),
        event(who, "Normal", "Pulling", 'Pulling image "example/http-go:v2"', "kubelet", 1),
        event(who, "Normal", "Created", "Created container http-go", "kubelet", 2),
        event(who, "Normal", "Started", "Started container http-go", "kubelet", 2),
      ],
      30,
    );
    expect(run(c, ["describe", "pod", p.metadata.name]).stdout.split("\n")).toEqual([
      "Name:             http-go-7c5f9d8b6d-lb6rc",
      "Namespace:        default",
      "Priority:         0",
      "Service Account:  default",
      "Node:             minikube/192.168.49.2",
      "Start Time:       Thu, 01 Jan 2026 00:00:00 +0000",
      "Labels:           app=http-go",
      "                  pod-template-hash=7c5f9d8b6d",
      "Annotations:      <none>",
      "Status:           Running",
      "IP:               10.244.0.12",
      "IPs:",
      "  IP:           10.244.0.12",
      "Controlled By:  ReplicaSet/http-go-7c5f9d8b6d",
      "Containers:",
      "  http-go:",
      "    Container ID:   containerd://3f1c0d6c2b8e",
      "    Image:          example/http-go:v2",
      "    Image ID:       docker.io/example/http-go@sha256:9a1b",
      "    Port:           8080/TCP",
      "    Host Port:      0/TCP",
      "    State:          Running",
      "      Started:      Thu, 01 Jan 2026 00:00:02 +0000",
      "    Ready:          True",
      "    Restart Count:  0",
      "    Environment:    <none>",
      "    Mounts:",
      "      /var/run/secrets/kubernetes.io/serviceaccount from kube-api-access-8k2xq (ro)",
      "Conditions:",
      "  Type                        Status",
      "  PodReadyToStartContainers   True ",
      "  Initialized                 True ",
      "  Ready                       True ",
      "  ContainersReady             True ",
      "  PodScheduled                True ",
      "Volumes:",
      "  kube-api-access-8k2xq:",
      "    Type:                    Projected (a volume that contains injected data from multiple sources)",
      "    TokenExpirationSeconds:  3607",
      "    ConfigMapName:           kube-root-ca.crt",
      "    ConfigMapOptional:       <nil>",
      "    DownwardAPI:             true",
      "QoS Class:                   BestEffort",
      "Node-Selectors:              <none>",
      "Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s",
      "                             node.kubernetes.io/unreachable:NoExecute op=Exists for 300s",
      "Events:",
      "  Type    Reason     Age   From               Message",
      "  ----    ------     ----  ----               -------",
      "  Normal  Scheduled  30s   default-scheduler  Successfully assigned default/http-go-7c5f9d8b6d-lb6rc to minikube",
      '  Normal  Pulling    29s   kubelet            Pulling image "example/http-go:v2"',
      "  Normal  Created    28s   kubelet            Created container http-go",
      "  Normal  Started    28s   kubelet            Started container http-go",
      "",
    ]);
  });
});
