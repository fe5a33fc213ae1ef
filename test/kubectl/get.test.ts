/**
 * `kubectl get` tables on hand-built objects. Expected lines: the samples of kubectl-facts.md §6 (taken
 * from real clusters), with the AGE column recomputed for the fixture's clock by HumanDuration's rules (§0.4).
 */
import { describe, expect, it } from "vitest";
import { humanDuration } from "../../src/kubectl/printers/duration";
import { alignTabs, DESCRIBE_TABS } from "../../src/kubectl/printers/tabwriter";
import { deployment, pod, replicaSet, running, waiting } from "./fixtures";
import { fixture, run } from "./support";

describe("HumanDuration (§0.4)", () => {
  it.each([
    [0, "0s"],
    [26, "26s"],
    [119, "119s"],
    [120, "2m"],
    [203, "3m23s"],
    [599, "9m59s"],
    [4920, "82m"],
    [179 * 60, "179m"],
    [3 * 3600, "3h"],
    [5 * 3600 + 12 * 60, "5h12m"],
    [20 * 3600, "20h"],
    [47 * 3600, "47h"],
    [51 * 3600, "2d3h"],
    [45 * 86400, "45d"],
    [400 * 86400, "400d"],
    [(3 * 365 + 120) * 86400, "3y120d"],
    [9 * 365 * 86400, "9y"],
  ])("%is → %s", (sec, text) => {
    expect(humanDuration(sec * 1000)).toBe(text);
  });
  it("tolerates one second of skew, not two", () => {
    expect(humanDuration(-1000)).toBe("0s");
    expect(humanDuration(-2000)).toBe("<invalid>");
  });
});

describe("tabwriter", () => {
  it("aligns describe blocks split by TAB-less lines (§0.3)", () => {
    const text =
      "Name:\thttp-go\nRollingUpdateStrategy:\t25% max unavailable\nPod Template:\n  Labels:\tapp=http-go";
    expect(alignTabs(text, DESCRIBE_TABS).split("\n")).toEqual([
      "Name:                   http-go",
      "RollingUpdateStrategy:  25% max unavailable",
      "Pod Template:",
      "  Labels:  app=http-go",
    ]);
  });
});

describe("get tables (§6 samples)", () => {
  const objs = [
    deployment({
      replicas: 3,
      updatedReplicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      observedGeneration: 1,
    }),
    replicaSet("5d4f7c9b6", 1, "example/http-go:v1", { desired: 0, current: 0, ready: 0 }, 0),
    replicaSet("7c5f9d8b6d", 2, "example/http-go:v2", { desired: 3, current: 3, ready: 3 }, 4920 - 203),
  ];
  const c = fixture(objs, 4920);

  it("get deploy -o wide", () => {
    expect(run(c, ["get", "deploy", "-o", "wide"])).toEqual({
      stdout: [
        "NAME      READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES               SELECTOR",
        "http-go   3/3     3            3           82m   http-go      example/http-go:v2   app=http-go",
        "",
      ].join("\n"),
      stderr: "",
      exit: 0,
    });
  });

  it("get rs -o wide", () => {
    expect(run(c, ["get", "rs", "-o", "wide"]).stdout.split("\n")).toEqual([
      "NAME                 DESIRED   CURRENT   READY   AGE     CONTAINERS   IMAGES               SELECTOR",
      "http-go-5d4f7c9b6    0         0         0       82m     http-go      example/http-go:v1   app=http-go,pod-template-hash=5d4f7c9b6",
      "http-go-7c5f9d8b6d   3         3         3       3m23s   http-go      example/http-go:v2   app=http-go,pod-template-hash=7c5f9d8b6d",
      "",
    ]);
  });

  it("several types: names prefixed, a blank line between tables", () => {
    expect(run(c, ["get", "deploy,rs"]).stdout.split("\n")).toEqual([
      "NAME                      READY   UP-TO-DATE   AVAILABLE   AGE",
      "deployment.apps/http-go   3/3     3            3           82m",
      "",
      "NAME                                 DESIRED   CURRENT   READY   AGE",
      "replicaset.apps/http-go-5d4f7c9b6    0         0         0       82m",
      "replicaset.apps/http-go-7c5f9d8b6d   3         3         3       3m23s",
      "",
    ]);
  });

  it("missing names: found ones printed, one NotFound line each, exit 1", () => {
    expect(run(c, ["get", "deploy", "http-go", "x", "y"])).toEqual({
      stdout:
        "NAME      READY   UP-TO-DATE   AVAILABLE   AGE\nhttp-go   3/3     3            3           82m\n",
      stderr:
        'Error from server (NotFound): deployments.apps "x" not found\nError from server (NotFound): deployments.apps "y" not found\n',
      exit: 1,
    });
    expect(run(c, ["get", "pods/x"])).toEqual({
      stdout: "",
      stderr: 'Error from server (NotFound): pods "x" not found\n',
      exit: 1,
    });
  });

  it("nothing found: message on stderr, exit 0", () => {
    expect(run(c, ["get", "pods"])).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exit: 0,
    });
    expect(run(c, ["get", "svc", "-n", "kube-system"]).stderr).toBe(
      "No resources found in kube-system namespace.\n",
    );
  });

  it("client-side errors", () => {
    expect(run(c, ["get", "deploymnt"]).stderr).toBe(
      'error: the server doesn\'t have a resource type "deploymnt"\n',
    );
    expect(run(c, ["get"]).stderr).toBe(
      [
        'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.',
        "",
        "error: Required resource not specified.",
        'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
        "See 'kubectl get -h' for help and examples",
        "",
      ].join("\n"),
    );
  });
});

describe("pod STATUS and RESTARTS (printPod)", () => {
  it("the §6 sample table", () => {
    const c = fixture(
      [
        pod("http-go-5d4f7c9b6-4xk8p", 0, running()),
        pod("http-go-5d4f7c9b6-9wz2m", 0, running(), 4920 + 30),
        pod("http-go-7c5f9d8b6d-hq7tn", 4918, waiting("ContainerCreating")),
        pod("http-go-7c5f9d8b6d-lb6rc", 4911, running()),
      ],
      4920,
    );
    expect(run(c, ["get", "pods"]).stdout.split("\n")).toEqual([
      "NAME                       READY   STATUS              RESTARTS   AGE",
      "http-go-5d4f7c9b6-4xk8p    1/1     Running             0          82m",
      "http-go-5d4f7c9b6-9wz2m    1/1     Terminating         0          82m",
      "http-go-7c5f9d8b6d-hq7tn   0/1     ContainerCreating   0          2s",
      "http-go-7c5f9d8b6d-lb6rc   1/1     Running             0          9s",
      "",
    ]);
  });

  it("-o wide with restarts `2 (45s ago)`", () => {
    const c = fixture([pod("http-go-7c5f9d8b6d-lb6rc", 0, running(2, 255))], 300);
    expect(run(c, ["get", "pods", "-o", "wide"]).stdout.split("\n")).toEqual([
      "NAME                       READY   STATUS    RESTARTS      AGE   IP            NODE       NOMINATED NODE   READINESS GATES",
      "http-go-7c5f9d8b6d-lb6rc   1/1     Running   2 (45s ago)   5m    10.244.0.12   minikube   <none>           <none>",
      "",
    ]);
  });

  it.each(["CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "CreateContainerConfigError"])(
    "waiting reason %s is the STATUS",
    (reason) => {
      const c = fixture([pod("p", 0, waiting(reason))], 10);
      expect(run(c, ["get", "pods"]).stdout.split("\n")[1]).toBe(`p      0/1     ${reason}   0          10s`);
    },
  );
});
