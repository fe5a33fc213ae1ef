/**
 * Which pods a ReplicaSet owns (issue 2 point 6, brief point 4): ClaimPods in
 * pkg/controller/controller_ref_manager.go releases a pod it controls whose labels stop matching its
 * selector (ReleasePod: the ownerReference is removed, the pod keeps running as an orphan) and adopts an
 * orphan that matches (AdoptPod: a controller ownerReference with blockOwnerDeletion); manageReplicas then
 * counts only the claimed pods. The standalone ReplicaSet cases are the ReplicaSet concept page's
 * "Non-Template Pod acquisitions": pods created first are acquired and only the rest are created; pods
 * created after are acquired and, being over the count, deleted at once (not-ready pods go first,
 * getPodsToDelete). A pod with no ownerReferences prints nothing for `{.metadata.ownerReferences}`
 * (the field is omitempty).
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1 } from "./manifests";
import { lines, Sandbox } from "./sandbox";

const FRONTEND_RS = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: frontend
  labels:
    app: guestbook
    tier: frontend
spec:
  replicas: 3
  selector:
    matchLabels:
      tier: frontend
  template:
    metadata:
      labels:
        tier: frontend
    spec:
      containers:
      - name: php-redis
        image: gasbugs/http-go:v1
`;

const barePod = (name: string) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    tier: frontend
spec:
  containers:
  - name: hello
    image: gasbugs/http-go:v1
`;

function podNames(s: Sandbox): string[] {
  return s.run("kubectl get pods -o jsonpath={.items[*].metadata.name}").stdout.split(" ").filter(Boolean);
}

const owner = (s: Sandbox, pod: string) =>
  s.run(
    `kubectl get pod ${pod} -o jsonpath={.metadata.ownerReferences[*].kind}/{.metadata.ownerReferences[*].name}/{.metadata.ownerReferences[*].controller}`,
  ).stdout;

describe("scenario: a pod relabelled out of its ReplicaSet", () => {
  it("is released and keeps running, the ReplicaSet replaces it, and labelling it back re-adopts it", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", HTTP_GO_V1);
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);
    const rs = s.run("kubectl get rs -o jsonpath={.items[0].metadata.name}").stdout;
    const hash = rs.slice("http-go-".length);
    const before = podNames(s);
    expect(before).toHaveLength(3);
    const moved = before[0] ?? "";

    expect(s.run(`kubectl label pod ${moved} app=debug --overwrite`)).toEqual({
      stdout: `pod/${moved} labeled\n`,
      stderr: "",
      exit: 0,
    });
    expect(s.run(`kubectl get pod ${moved} -o jsonpath={.metadata.ownerReferences}`).stdout).toBe("");
    const after = podNames(s);
    const replacement = after.find((n) => !before.includes(n)) ?? "";
    expect(replacement).toMatch(new RegExp(`^${rs}-[a-z0-9]{5}$`));
    expect(owner(s, replacement)).toBe(`ReplicaSet/${rs}/true`);

    s.sleep(5_000);
    const row = (name: string, age: string, app: string, status = "Running  ") =>
      `${name}   1/1     ${status} 0          ${age.padEnd(6)}app=${app},pod-template-hash=${hash}`;
    expect(lines(s.run("kubectl get pods --show-labels").stdout)).toEqual([
      `NAME${" ".repeat(rs.length + 6 - 4 + 3)}READY   STATUS    RESTARTS   AGE   LABELS`,
      ...after.map((n) => row(n, n === replacement ? "5s" : "8s", n === moved ? "debug" : "http-go")),
    ]);
    expect(s.run("kubectl get rs").stdout).toBe(
      `NAME${" ".repeat(rs.length - 4 + 3)}DESIRED   CURRENT   READY   AGE\n${rs}   3         3         3       8s\n`,
    );

    // labelled back: adopted again, one over the count, and the pod ready for the shortest time goes
    expect(s.run(`kubectl label pod ${moved} app=http-go --overwrite`).exit).toBe(0);
    expect(owner(s, moved)).toBe(`ReplicaSet/${rs}/true`);
    expect(lines(s.run("kubectl get pods --show-labels").stdout)).toEqual([
      `NAME${" ".repeat(rs.length + 6 - 4 + 3)}READY   STATUS        RESTARTS   AGE   LABELS`,
      ...after.map((n) =>
        n === replacement
          ? row(n, "5s", "http-go", "Terminating  ")
          : row(n, "8s", "http-go", "Running      "),
      ),
    ]);
  }, 30_000);
});

describe("scenario: pods that match a ReplicaSet's selector (non-template pod acquisitions)", () => {
  it("acquires pods created before it and creates only the rest", () => {
    const s = new Sandbox();
    s.write("pod1.yaml", barePod("pod1"));
    s.write("pod2.yaml", barePod("pod2"));
    s.write("frontend.yaml", FRONTEND_RS);
    expect(s.run("kubectl create -f pod1.yaml").stdout).toBe("pod/pod1 created\n");
    expect(s.run("kubectl create -f pod2.yaml").stdout).toBe("pod/pod2 created\n");
    s.sleep(27_000);
    expect(s.run("kubectl create -f frontend.yaml").stdout).toBe("replicaset.apps/frontend created\n");
    s.sleep(9_000);
    const names = podNames(s);
    expect(names).toHaveLength(3);
    const created = names[0] ?? "";
    expect(created).toMatch(/^frontend-[a-z0-9]{5}$/);
    expect(lines(s.run("kubectl get pods").stdout)).toEqual([
      "NAME             READY   STATUS    RESTARTS   AGE",
      `${created}   1/1     Running   0          9s`,
      "pod1             1/1     Running   0          36s",
      "pod2             1/1     Running   0          36s",
    ]);
    expect(owner(s, "pod1")).toBe("ReplicaSet/frontend/true");
    expect(owner(s, "pod2")).toBe("ReplicaSet/frontend/true");
  }, 30_000);

  it("acquires pods created after it and deletes them at once, being over the count", () => {
    const s = new Sandbox();
    s.write("pod1.yaml", barePod("pod1"));
    s.write("pod2.yaml", barePod("pod2"));
    s.write("frontend.yaml", FRONTEND_RS);
    expect(s.run("kubectl create -f frontend.yaml").stdout).toBe("replicaset.apps/frontend created\n");
    s.sleep(10_000);
    const mine = podNames(s);
    expect(s.run("kubectl create -f pod1.yaml").stdout).toBe("pod/pod1 created\n");
    expect(s.run("kubectl create -f pod2.yaml").stdout).toBe("pod/pod2 created\n");
    // "either already terminated, or in the process of being terminated": these never started, so the
    // kubelet has nothing to stop and they are gone at once
    expect(lines(s.run("kubectl get pods").stdout)).toEqual([
      "NAME             READY   STATUS    RESTARTS   AGE",
      ...mine.map((n) => `${n}   1/1     Running   0          10s`),
    ]);
    expect(lines(s.run("kubectl describe rs frontend").stdout).slice(-2)).toEqual([
      "  Normal  SuccessfulDelete  0s    replicaset-controller  Deleted pod: pod1",
      "  Normal  SuccessfulDelete  0s    replicaset-controller  Deleted pod: pod2",
    ]);
  }, 30_000);
});
