import { describe, expect, it } from "vitest";
import { cluster, eventsOf, getPod, pod } from "./fixtures";

const status = (c: ReturnType<typeof cluster>, name: string) => getPod(c, name).status.containerStatuses[0];

describe("readiness probes evaluated against what the image serves", () => {
  it("an image whose /healthz answers 500 runs but never turns ready (Unhealthy events)", () => {
    const c = cluster();
    const probe = { httpGet: { path: "/healthz", port: 8080 }, periodSeconds: 5 };
    c.request((api) => api.create("pods", pod("bad", "sandbox/healthz-500:v1", { readinessProbe: probe })));
    c.advance(20_000);
    const p = getPod(c, "bad");
    expect(p.status.phase).toBe("Running");
    expect(status(c, "bad").ready).toBe(false);
    expect(p.status.conditions.find((x: { type: string }) => x.type === "Ready")).toMatchObject({
      status: "False",
      reason: "ContainersNotReady",
      message: "containers with unready status: [bad]",
    });
    expect(eventsOf(c, "bad")).toContain(
      "Unhealthy: Readiness probe failed: HTTP probe failed with statuscode: 500",
    );
  });

  it("a probe on a port nothing listens on fails with Go's dial error", () => {
    const c = cluster();
    const probe = { httpGet: { path: "/", port: 8081 } };
    c.request((api) => api.create("pods", pod("web", "gasbugs/http-go:v1", { readinessProbe: probe })));
    c.advance(4000);
    const ip = getPod(c, "web").status.podIP;
    expect(eventsOf(c, "web")).toContain(
      `Unhealthy: Readiness probe failed: Get "http://${ip}:8081/": dial tcp ${ip}:8081: connect: connection refused`,
    );
  });

  it("a passing probe makes the pod ready at start + initialDelaySeconds", () => {
    const c = cluster();
    const probe = { httpGet: { path: "/", port: 8080 }, initialDelaySeconds: 5 };
    c.request((api) => api.create("pods", pod("web", "gasbugs/http-go:v1", { readinessProbe: probe })));
    c.advance(7999);
    expect(status(c, "web").ready).toBe(false);
    c.advance(1);
    expect(status(c, "web").ready).toBe(true);
  });
});

describe("crash loop back-off", () => {
  it("restarts at once, then 10 s, 20 s, 40 s … capped at 300 s after the previous restart", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("app", "sandbox/needs-env:v1")));
    const restarts: number[] = [];
    let last = 0;
    while (c.now < 1_300_000) {
      const wake = c.nextWake();
      if (wake === undefined) break;
      c.advance(wake - c.now);
      const n = status(c, "app").restartCount;
      if (n !== last) restarts.push(c.now / 1000);
      last = n;
    }
    const gaps = restarts.slice(1).map((t, i) => t - (restarts[i] as number));
    expect(gaps.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    const s = status(c, "app");
    expect(s.lastState.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    const p = getPod(c, "app");
    expect(eventsOf(c, "app")).toContain(
      `BackOff: Back-off restarting failed container app in pod app_default(${p.metadata.uid})`,
    );
  });

  it("shows CrashLoopBackOff while waiting, with the app's error in its logs", async () => {
    const { containerLogs } = await import("../../../src/engine/index");
    const c = cluster();
    c.request((api) => api.create("pods", pod("app", "sandbox/needs-env:v1")));
    c.advance(6000);
    expect(status(c, "app").state.waiting.reason).toBe("CrashLoopBackOff");
    expect(getPod(c, "app").status.phase).toBe("Running");
    expect(containerLogs(c.state, "default", "app", "app")).toEqual({
      ok: true,
      lines: ["error: required environment variable APP_MODE is not set"],
    });
  });

  it("shows the dead run (Error) until the restarted container dies again, then CrashLoopBackOff", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("app", "sandbox/needs-env:v1")));
    c.advance(3000);
    expect(status(c, "app").state.terminated).toMatchObject({ exitCode: 1, reason: "Error" });
    expect(status(c, "app").restartCount).toBe(1);
    c.advance(1000);
    expect(status(c, "app").state.waiting.reason).toBe("CrashLoopBackOff");
    expect(status(c, "app").state.waiting.message).toMatch(
      /^back-off 10s restarting failed container=app pod=app_default\(/,
    );
  });

  it("OOMKilled when the memory limit is below what the app uses", () => {
    const c = cluster();
    const resources = { limits: { memory: "256Mi" } };
    c.request((api) => api.create("pods", pod("hog", "sandbox/memory-hog:v1", { resources })));
    c.advance(6000);
    expect(status(c, "hog").lastState.terminated).toMatchObject({ exitCode: 137, reason: "OOMKilled" });
  });
});

describe("configuration, image and command failures", () => {
  it('a missing ConfigMap is CreateContainerConfigError `configmap "x" not found`', () => {
    const c = cluster();
    const env = [{ name: "MODE", valueFrom: { configMapKeyRef: { name: "app-config", key: "mode" } } }];
    c.request((api) => api.create("pods", pod("app", "gasbugs/http-go:v1", { env })));
    c.advance(3000);
    expect(status(c, "app").state.waiting).toEqual({
      reason: "CreateContainerConfigError",
      message: 'configmap "app-config" not found',
    });
    expect(eventsOf(c, "app")).toContain('Failed: Error: configmap "app-config" not found');
    expect(getPod(c, "app").status.phase).toBe("Pending");
  });

  it("an unknown tag is ErrImagePull, then ImagePullBackOff", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("app", "gasbugs/http-go:v9")));
    c.advance(1000);
    expect(status(c, "app").state.waiting.reason).toBe("ErrImagePull");
    expect(eventsOf(c, "app")).toContain(
      'Failed: Failed to pull image "gasbugs/http-go:v9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/gasbugs/http-go:v9": failed to resolve reference "docker.io/gasbugs/http-go:v9": docker.io/gasbugs/http-go:v9: not found',
    );
    expect(eventsOf(c, "app")).toContain("Failed: Error: ErrImagePull");
    c.advance(1000);
    expect(status(c, "app").state.waiting.reason).toBe("ImagePullBackOff");
    expect(eventsOf(c, "app")).toContain('BackOff: Back-off pulling image "gasbugs/http-go:v9"');
  });

  it("a command the image lacks fails to start (exit 128, StartError)", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("tmp", "busybox", { command: ["bash"] })));
    c.advance(4000);
    expect(eventsOf(c, "tmp")).toContain(
      'Failed: Error: failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown',
    );
    const s = status(c, "tmp");
    const term = s.lastState.terminated ?? s.state.terminated;
    expect(term).toMatchObject({ exitCode: 128, reason: "StartError" });
  });
});

describe("liveness probes", () => {
  it("restart the container after failureThreshold failures, with the kubelet's events", () => {
    const c = cluster();
    const probe = { httpGet: { path: "/healthz", port: 8080 }, periodSeconds: 5, failureThreshold: 2 };
    c.request((api) => api.create("pods", pod("bad", "sandbox/healthz-500:v1", { livenessProbe: probe })));
    c.advance(12_000);
    expect(eventsOf(c, "bad")).toContain(
      "Unhealthy: Liveness probe failed: HTTP probe failed with statuscode: 500",
    );
    expect(eventsOf(c, "bad")).toContain("Killing: Container bad failed liveness probe, will be restarted");
    expect(status(c, "bad").restartCount).toBe(1);
    expect(status(c, "bad").lastState.terminated).toMatchObject({ exitCode: 143, reason: "Error" });
  });
});
