/**
 * Failure mode: a readiness probe that never succeeds (issue 4 point 4; the probes are the pods
 * engineer's, this checks what the learner sees). Expected text: kubectl-facts §6 (`Running` with READY
 * `0/1`; kubelet `Unhealthy` `Readiness probe failed: …` with Go's HTTP client error `Get "http://IP:8081/healthz":
 * dial tcp IP:8081: connect: connection refused`), §2.1 (`… 0 of 3 updated replicas are available...`),
 * §2.4 (the deadline error).
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_WRONG_PROBE } from "./manifests";
import { lines, Sandbox } from "./sandbox";

describe("scenario: readiness probe on the wrong port", () => {
  it("pods run but never become ready; the rollout waits until its deadline", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", HTTP_GO_WRONG_PROBE);
    expect(s.run("kubectl apply -f http-go.yaml").stdout).toBe("deployment.apps/http-go created\n");

    const status = s.run("kubectl rollout status deployment http-go");
    expect(new Set(lines(status.stdout))).toEqual(
      new Set([
        'Waiting for deployment "http-go" rollout to finish: 0 of 3 updated replicas are available...',
      ]),
    );
    expect(status.stderr).toBe('error: deployment "http-go" exceeded its progress deadline\n');
    expect(status.exit).toBe(1);
    expect(s.cluster.now).toBe(61_000);

    const pods = lines(s.run("kubectl get pods").stdout);
    expect(pods[0]).toBe("NAME                       READY   STATUS    RESTARTS   AGE");
    expect(pods.slice(1)).toHaveLength(3);
    for (const row of pods.slice(1))
      expect(row).toMatch(/^http-go-[a-z0-9]+-[a-z0-9]{5} {3}0\/1 {5}Running {3}0 {10}61s$/);

    const unhealthy = lines(s.run("kubectl get events").stdout).filter((l) => l.includes("Unhealthy"));
    expect(unhealthy).toHaveLength(3);
    for (const row of unhealthy) {
      expect(row).toMatch(
        /Warning +Unhealthy +pod\/http-go-\S+ +Readiness probe failed: Get "http:\/\/(10\.244\.0\.\d+):8081\/healthz": dial tcp \1:8081: connect: connection refused$/,
      );
    }

    // fix it: probe what the app serves (http-go answers on :8080 at `/` only; /healthz is a 404)
    s.write(
      "http-go.yaml",
      HTTP_GO_WRONG_PROBE.replace("port: 8081", "port: 8080").replace("path: /healthz", "path: /"),
    );
    expect(s.run("kubectl apply -f http-go.yaml").stdout).toBe("deployment.apps/http-go configured\n");
    const fixed = s.run("kubectl rollout status deployment http-go");
    expect(fixed.exit).toBe(0);
    const reasons = s.run("kubectl get deployment http-go -o jsonpath={.status.conditions[*].reason}").stdout;
    expect(new Set(reasons.split(" "))).toEqual(
      new Set(["MinimumReplicasAvailable", "NewReplicaSetAvailable"]),
    );
  }, 30_000);
});
