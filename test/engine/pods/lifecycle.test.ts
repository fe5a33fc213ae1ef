import { describe, expect, it } from "vitest";
import { cluster, eventsOf, getPod, pod } from "./fixtures";

describe("pod lifecycle (defaults: first pull 2 s, start 1 s, ready at start without a probe)", () => {
  it("goes Scheduled → Pulling → Pulled → Created → Started with the v1.32 kubelet wording", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("web", "gasbugs/http-go:v1")));
    expect(getPod(c, "web").status.containerStatuses[0].state).toEqual({
      waiting: { reason: "ContainerCreating" },
    });
    expect(getPod(c, "web").status.phase).toBe("Pending");
    c.advance(3000);
    expect(eventsOf(c, "web")).toEqual([
      "Scheduled: Successfully assigned default/web to minikube",
      'Pulling: Pulling image "gasbugs/http-go:v1"',
      'Pulled: Successfully pulled image "gasbugs/http-go:v1" in 2s (2s including waiting). Image size: 4325178 bytes.',
      "Created: Created container: web",
      "Started: Started container web",
    ]);
    const p = getPod(c, "web");
    expect(p.status.phase).toBe("Running");
    expect(p.status.containerStatuses[0].ready).toBe(true);
    expect(p.status.containerStatuses[0].state.running.startedAt).toBe("2026-01-01T00:00:03Z");
    expect(p.status.conditions.map((x: { type: string; status: string }) => `${x.type}=${x.status}`)).toEqual(
      [
        "PodReadyToStartContainers=True",
        "Initialized=True",
        "Ready=True",
        "ContainersReady=True",
        "PodScheduled=True",
      ],
    );
    expect(p.status.podIP).toMatch(/^10\.244\.\d+\.\d+$/);
  });

  it("says the image is already present on the node for a later pod (IfNotPresent)", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("a", "gasbugs/http-go:v1")));
    c.advance(5000);
    c.request((api) => api.create("pods", pod("b", "gasbugs/http-go:v1")));
    c.advance(2000);
    expect(eventsOf(c, "b")).toEqual([
      "Scheduled: Successfully assigned default/b to minikube",
      'Pulled: Container image "gasbugs/http-go:v1" already present on machine',
      "Created: Created container: b",
      "Started: Started container b",
    ]);
  });

  it("applies the pod defaults (restartPolicy, grace period, dnsPolicy, imagePullPolicy by tag)", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("a", "busybox", { command: ["sleep", "3600"] })));
    c.request((api) => api.create("pods", pod("b", "nginx:1.27")));
    const a = getPod(c, "a");
    expect(a.spec.restartPolicy).toBe("Always");
    expect(a.spec.terminationGracePeriodSeconds).toBe(30);
    expect(a.spec.dnsPolicy).toBe("ClusterFirst");
    expect(a.spec.schedulerName).toBe("default-scheduler");
    expect(a.spec.containers[0].imagePullPolicy).toBe("Always");
    expect(a.spec.containers[0].terminationMessagePath).toBe("/dev/termination-log");
    expect(a.spec.containers[0].terminationMessagePolicy).toBe("File");
    expect(getPod(c, "b").spec.containers[0].imagePullPolicy).toBe("IfNotPresent");
  });

  it("terminates on delete: Killing `Stopping container x`, gone once the app exits (1 s after SIGTERM)", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("web", "gasbugs/http-go:v1")));
    c.advance(5000);
    c.request((api) => api.delete("pods", "default", "web"));
    expect(getPod(c, "web").metadata.deletionTimestamp).toBe("2026-01-01T00:00:35Z");
    expect(eventsOf(c, "web")).toContain("Killing: Stopping container web");
    c.advance(999);
    expect(c.state.objects.pods?.get("default/web")).toBeDefined();
    c.advance(1);
    expect(c.state.objects.pods?.get("default/web")).toBeUndefined();
  });

  it("gives the same pod names and IPs for the same seed, others for another seed", () => {
    const names = (seed: number) => {
      const c = cluster(seed);
      c.request((api) =>
        api.create("replicasets", {
          apiVersion: "apps/v1",
          kind: "ReplicaSet",
          metadata: { name: "web-5f4d98f6d5" },
          spec: {
            replicas: 3,
            selector: { matchLabels: { app: "web" } },
            template: {
              metadata: { labels: { app: "web" } },
              spec: { containers: [{ name: "w", image: "nginx" }] },
            },
          },
        }),
      );
      c.advance(5000);
      return (c.state.objects.pods?.values() ?? []).map((p) => `${p.metadata.name} ${p.status.podIP}`);
    };
    expect(names(7)).toEqual(names(7));
    expect(names(7)).not.toEqual(names(8));
    for (const line of names(7))
      expect(line).toMatch(/^web-5f4d98f6d5-[bcdfghjklmnpqrstvwxz2456789]{5} 10\.244\.0\.\d+$/);
  });
});

describe("pod and service validation (API server messages)", () => {
  it("refuses a pod without an image and a Service without ports", () => {
    const c = cluster();
    expect(() => c.request((api) => api.create("pods", pod("web", "")))).toThrow(
      'Pod "web" is invalid: spec.containers[0].image: Required value',
    );
    expect(() =>
      c.request((api) =>
        api.create("services", {
          apiVersion: "v1",
          kind: "Service",
          metadata: { name: "s" },
          spec: { selector: { a: "b" } },
        }),
      ),
    ).toThrow('Service "s" is invalid: spec.ports: Required value');
    expect(c.state.objects.pods?.get("default/web")).toBeUndefined();
  });
});

describe("termination of apps that ignore SIGTERM", () => {
  it("a busybox pod (sh as PID 1) stays Terminating for the whole 30 s grace period", () => {
    const c = cluster();
    c.request((api) => api.create("pods", pod("tmp", "busybox", { command: ["sleep", "3600"] })));
    c.advance(5000);
    c.request((api) => api.delete("pods", "default", "tmp"));
    c.advance(29_999);
    expect(c.state.objects.pods?.get("default/tmp")).toBeDefined();
    c.advance(1);
    expect(c.state.objects.pods?.get("default/tmp")).toBeUndefined();
  });
});
