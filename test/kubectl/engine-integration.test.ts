/**
 * kubectl against the real engine (createCluster with every controller): a rollout watched with
 * `rollout status`, the tables while it runs, history, undo. The controller's timing decides how many
 * lines appear, so lines are checked against kubectl's exact message forms (kubectl-facts.md §2.1) and the
 * final line exactly.
 */
import { describe, expect, it } from "vitest";
import { type Cluster, createCluster } from "../../src/engine";
import { run } from "./support";

function createHttpGo(c: Cluster, image = "gasbugs/http-go:v1"): void {
  c.request((api) =>
    api.create(
      "deployments",
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "http-go", labels: { app: "http-go" } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: "http-go" } },
          template: {
            metadata: { labels: { app: "http-go" } },
            spec: { containers: [{ name: "http-go", image, ports: [{ containerPort: 8080 }] }] },
          },
        },
      },
      "default",
    ),
  );
}

function setImage(c: Cluster, image: string): void {
  c.request((api) => {
    const d = api.get("deployments", "default", "http-go");
    d.spec.template.spec.containers[0].image = image;
    api.update("deployments", d);
  });
}

const STATUS_LINE =
  /^(Waiting for deployment spec update to be observed\.\.\.|Waiting for deployment "http-go" rollout to finish: (\d+ out of 3 new replicas have been updated|\d+ old replicas are pending termination|\d+ of 3 updated replicas are available)\.\.\.)$/;

describe("kubectl on the engine", () => {
  it("rollout status follows a first rollout to the end", () => {
    const c = createCluster({ seed: 1 });
    createHttpGo(c);
    const r = run(c, ["rollout", "status", "deployment/http-go"]);
    const lines = r.stdout.trimEnd().split("\n");
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe("");
    expect(lines.at(-1)).toBe('deployment "http-go" successfully rolled out');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(STATUS_LINE);
    const get = run(c, ["get", "deploy"]).stdout.split("\n");
    expect(get[0]).toBe("NAME      READY   UP-TO-DATE   AVAILABLE   AGE");
    expect(get[1]).toMatch(/^http-go {3}3\/3 {5}3 {12}3 {11}\d+s$/);
  });

  it("a rolling update, its history, and undo", () => {
    const c = createCluster({ seed: 1 });
    createHttpGo(c);
    run(c, ["rollout", "status", "deployment/http-go"]);
    setImage(c, "gasbugs/http-go:v2");
    const r = run(c, ["rollout", "status", "deployment/http-go"]);
    expect(r.exit).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines.at(-1)).toBe('deployment "http-go" successfully rolled out');
    for (const l of lines.slice(0, -1)) expect(l).toMatch(STATUS_LINE);
    expect(run(c, ["rollout", "history", "deployment/http-go"]).stdout).toBe(
      "deployment.apps/http-go \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n",
    );
    const rs = run(c, ["get", "rs"]).stdout.split("\n");
    expect(rs[0]).toBe("NAME                 DESIRED   CURRENT   READY   AGE");
    expect(rs.slice(1, 3).map((l) => l.replace(/^http-go-[a-z0-9]+\s+/, "").replace(/\s+\S+$/, ""))).toEqual(
      expect.arrayContaining(["0         0         0", "3         3         3"]),
    );
    expect(run(c, ["rollout", "undo", "deployment/http-go"]).stdout).toBe(
      "deployment.apps/http-go rolled back\n",
    );
    run(c, ["rollout", "status", "deployment/http-go"]);
    expect(run(c, ["rollout", "history", "deployment/http-go"]).stdout).toBe(
      "deployment.apps/http-go \nREVISION  CHANGE-CAUSE\n2         <none>\n3         <none>\n\n",
    );
    const pods = run(c, ["get", "pods", "-l", "app=http-go"]).stdout.trimEnd().split("\n");
    // Old pods may still be Terminating (30 s grace) when rollout status returns, widening STATUS.
    expect(pods[0]).toMatch(/^NAME +READY {3}STATUS {4,}RESTARTS {3}AGE$/);
    expect(pods.slice(1).filter((l) => / 1\/1 +Running +0 /.test(l))).toHaveLength(3);
  });

  it("a bad image never finishes: the progress deadline ends rollout status", () => {
    const c = createCluster({ seed: 1 });
    createHttpGo(c);
    run(c, ["rollout", "status", "deployment/http-go"]);
    setImage(c, "gasbugs/http-go:v9");
    const r = run(c, ["rollout", "status", "deployment/http-go"], 2 * 3_600_000);
    expect(r.stderr).toBe('error: deployment "http-go" exceeded its progress deadline\n');
    expect(r.exit).toBe(1);
    const status = run(c, ["get", "pods"]).stdout;
    expect(status).toMatch(/ErrImagePull|ImagePullBackOff/);
  });
});

describe("get -w on the engine", () => {
  it("prints the table once, then one row per change without the header, columns never narrower", () => {
    const c = createCluster({ seed: 1 });
    createHttpGo(c);
    const r = run(c, ["get", "pods", "-w"], 60_000);
    // Ctrl-C ends a watch with exit 1 and no message (kubectl's interrupt handler).
    expect(r.exit).toBe(1);
    expect(r.stderr).toBe("");
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^NAME +READY {3}STATUS +RESTARTS {3}AGE$/);
    expect(lines.filter((l) => l.startsWith("NAME"))).toHaveLength(1);
    const statusAt = (lines[0] as string).indexOf("STATUS");
    const restartsAt = (lines[0] as string).indexOf("RESTARTS");
    for (const l of lines.slice(1)) {
      expect(l).toMatch(/^http-go-[a-z0-9]+-[a-z0-9]{5} +[01]\/1 +\S+ +0 +\d+s$/);
      // RememberWidths: a STATUS cell starts where the header's does and is padded at least to RESTARTS.
      expect(l.slice(statusAt).match(/^\S+ +/)?.[0].length).toBeGreaterThanOrEqual(restartsAt - statusAt);
    }
    expect(lines.some((l) => / 1\/1 +Running /.test(l))).toBe(true);
  });
});
