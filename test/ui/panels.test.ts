/**
 * The views' pure parts: pod states from stored pods, the rollout bounds the live view states (with
 * the engine's maxSurge/maxUnavailable), the template diff, the history rows with undo's renumbering,
 * the screen log and share-link encoding.
 */
import { describe, expect, test } from "vitest";
import { Bucket, createCluster, type Deployment, type Pod } from "../../src/engine";
import { diffLines } from "../../src/ui/history/diff";
import { revisionRows } from "../../src/ui/history/model";
import { rolloutBounds } from "../../src/ui/live/bounds";
import { podState } from "../../src/ui/live/pod-state";
import { decodeShare, encodeShare, shareParam } from "../../src/ui/persist/share";
import { SCREEN_LIMIT, ScreenLogs } from "../../src/ui/terminal/screen-log";

const EPOCH = Date.UTC(2026, 0, 1);
const at = (s: number) => ({ now: s * 1000, epoch: EPOCH });
const iso = (s: number) => new Date(EPOCH + s * 1000).toISOString().replace(".000Z", "Z");

function pod(status: Pod["status"], extra: Partial<Pod["metadata"]> = {}, nodeName = "minikube"): Pod {
  return { metadata: { name: "p", ...extra }, spec: { nodeName, containers: [] }, status };
}

describe("pod states", () => {
  test("from unscheduled to available, minReadySeconds deciding Ready vs Available", () => {
    expect(podState(at(0), pod({ phase: "Pending" }, {}, ""))).toBe("Pending");
    const creating = {
      phase: "Pending",
      containerStatuses: [{ name: "c", state: { waiting: { reason: "ContainerCreating" } } }],
    };
    expect(podState(at(0), pod(creating as Pod["status"]))).toBe("ContainerCreating");
    const running = (ready: "True" | "False", since: number) =>
      pod({
        phase: "Running",
        containerStatuses: [{ name: "c", state: { running: {} } }] as never,
        conditions: [{ type: "Ready", status: ready, lastTransitionTime: iso(since) }],
      });
    expect(podState(at(5), running("False", 1))).toBe("Running");
    expect(podState(at(5), running("True", 1), 10)).toBe("Ready");
    expect(podState(at(11), running("True", 1), 10)).toBe("Available");
    expect(podState(at(5), running("True", 1))).toBe("Available");
  });

  test("failures and termination", () => {
    const waiting = (reason: string) =>
      pod({ phase: "Pending", containerStatuses: [{ name: "c", state: { waiting: { reason } } }] as never });
    expect(podState(at(0), waiting("ImagePullBackOff"))).toBe("ImagePullBackOff");
    expect(podState(at(0), waiting("ErrImagePull"))).toBe("ImagePullBackOff");
    expect(podState(at(0), waiting("CrashLoopBackOff"))).toBe("CrashLoopBackOff");
    expect(podState(at(0), pod({ phase: "Running" }, { deletionTimestamp: iso(0) }))).toBe("Terminating");
  });
});

describe("rollout bounds", () => {
  const d = (replicas: number, surge?: number | string, unavailable?: number | string): Deployment => ({
    spec: {
      replicas,
      selector: {},
      template: {},
      strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: surge, maxUnavailable: unavailable } },
    },
  });

  test("3 replicas at 25%/25%: at most 4 pods (3 + maxSurge 1), at least 3 available (3 − maxUnavailable 0)", () => {
    const b = rolloutBounds(d(3, "25%", "25%"), [
      { current: 3, available: 3 },
      { current: 1, available: 0 },
    ]);
    expect(b).toEqual({
      replicas: 3,
      surge: 1,
      unavailable: 0,
      pods: 4,
      available: 3,
      maxPods: 4,
      minAvailable: 3,
    });
  });

  test("10 replicas with maxSurge 3 and maxUnavailable 2 (the controller's comment example)", () => {
    const b = rolloutBounds(d(10, 3, 2), [{ current: 10, available: 10 }]);
    expect(b).toMatchObject({ maxPods: 13, minAvailable: 8 });
  });

  test("Recreate has no such bounds", () => {
    expect(
      rolloutBounds({ spec: { selector: {}, template: {}, strategy: { type: "Recreate" } } }, []),
    ).toBeUndefined();
  });
});

describe("template diff", () => {
  test("the changed line is removed and added, the rest kept", () => {
    expect(diffLines("a\nimage: v1\nb\n", "a\nimage: v2\nb\n")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "image: v1" },
      { kind: "added", text: "image: v2" },
      { kind: "same", text: "b" },
    ]);
  });
});

describe("history rows", () => {
  test("undo's renumbering comes from deployment.kubernetes.io/revision-history", () => {
    const cluster = createCluster({ seed: 1 });
    const state = cluster.state;
    const uid = "d-uid";
    const rs = (name: string, revision: string, history?: string, cause?: string) => ({
      apiVersion: "apps/v1",
      kind: "ReplicaSet",
      metadata: {
        name,
        namespace: "default",
        labels: { "pod-template-hash": name.slice(-4) },
        ownerReferences: [{ apiVersion: "apps/v1", kind: "Deployment", name: "web", uid, controller: true }],
        annotations: {
          "deployment.kubernetes.io/revision": revision,
          ...(history ? { "deployment.kubernetes.io/revision-history": history } : {}),
          ...(cause ? { "kubernetes.io/change-cause": cause } : {}),
        },
      },
      spec: { template: { spec: { containers: [{ name: "web", image: `nginx:${name}` }] } } },
    });
    const withObjects = {
      ...state,
      objects: {
        ...state.objects,
        deployments: Bucket.from([
          [
            "default/web",
            {
              apiVersion: "apps/v1",
              kind: "Deployment",
              metadata: {
                name: "web",
                namespace: "default",
                uid,
                annotations: { "deployment.kubernetes.io/revision": "4" },
              },
            },
          ],
        ]),
        replicasets: Bucket.from([
          ["default/web-aaaa", rs("web-aaaa", "1")],
          ["default/web-bbbb", rs("web-bbbb", "4", "2", "kubectl set image deployment web web=nginx:2")],
          ["default/web-cccc", rs("web-cccc", "3")],
        ]),
      },
    } as typeof state;
    const rows = revisionRows(withObjects, "default", "web");
    expect(rows.map((r) => [r.revision, r.replicaSet, r.formerRevisions, r.current, r.changeCause])).toEqual([
      [4, "web-bbbb", [2], true, "kubectl set image deployment web web=nginx:2"],
      [3, "web-cccc", [], false, undefined],
      [1, "web-aaaa", [], false, undefined],
    ]);
  });
});

describe("screen logs and share links", () => {
  test("a log keeps its last 256 k characters, cut at a line start", () => {
    const logs = new ScreenLogs();
    const line = `${"x".repeat(99)}\n`;
    for (let i = 0; i < 3000; i++) logs.append(1, line);
    const text = logs.get(1);
    expect(text.length).toBeLessThanOrEqual(SCREEN_LIMIT);
    expect(text.startsWith("x")).toBe(true);
    expect(new ScreenLogs(logs.toJSON()).get(1)).toBe(text);
  });

  test("a share link's fragment carries the saved session and decodes to the same data", async () => {
    const saved = {
      version: 1 as const,
      session: {
        version: 1,
        options: { seed: 7 },
        inputs: [{ terminal: 1, kind: "line", payload: "kubectl get pods" }],
      },
    };
    const value = await encodeShare(saved);
    expect(value).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(shareParam(`#session=${value}`)).toBe(value);
    expect(await decodeShare(value)).toEqual(saved);
  });
});
