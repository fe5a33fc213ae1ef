/**
 * The random rollout model the property tests share: a Deployment of a healthy image (nginx, any tag)
 * with random replicas, maxSurge/maxUnavailable (ints and percentages), minReadySeconds and
 * revisionHistoryLimit, and random sequences of template changes, scaling, pause/resume, undo and time
 * steps, applied through the API as kubectl would. A template change may bring a failing image (issue 4):
 * a tag that does not exist (ErrImagePull/ImagePullBackOff), an app that exits at start
 * (CrashLoopBackOff), or a readiness probe the app fails (Running 0/1, Unhealthy).
 */
import fc from "fast-check";
import { type Cluster, createCluster, type KObject } from "../../../src/engine/index";
import { rolloutUndo } from "../deployment/undo";

/** The Deployment's knobs. */
export interface Setup {
  replicas: number;
  maxSurge: number | string;
  maxUnavailable: number | string;
  minReadySeconds: number;
  revisionHistoryLimit: number;
  recreate: boolean;
}

/** How a template change breaks the pods: not at all, a missing tag, a crashing app, a failing readiness probe. */
export type Fault = "none" | "badTag" | "crash" | "unready";

/** One user action (or the passing of time). */
export type Op =
  | { kind: "image"; tag: number; fault?: Fault }
  | { kind: "scale"; replicas: number }
  | { kind: "pause" }
  | { kind: "resume" }
  | { kind: "undo" }
  | { kind: "wait"; seconds: number };

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 5 }),
  fc.integer({ min: 0, max: 100 }).map((p) => `${p}%`),
);
const isZero = (v: number | string) => v === 0 || v === "0%";

/** Random knobs that pass validation (not both literal zero; maxUnavailable ≤ 100%). */
export function setupArb(recreate = false): fc.Arbitrary<Setup> {
  return fc
    .record({
      replicas: fc.integer({ min: 0, max: 50 }),
      maxSurge: intOrPercent,
      maxUnavailable: intOrPercent,
      minReadySeconds: fc.integer({ min: 0, max: 5 }),
      revisionHistoryLimit: fc.integer({ min: 0, max: 3 }),
    })
    .filter((s) => !(isZero(s.maxSurge) && isZero(s.maxUnavailable)))
    .map((s) => ({ ...s, recreate }));
}

/** Random operation sequences. */
export function opsArb(maxLength = 8): fc.Arbitrary<Op[]> {
  const op: fc.Arbitrary<Op> = fc.oneof(
    {
      weight: 3,
      arbitrary: fc.record({
        kind: fc.constant("image" as const),
        tag: fc.integer({ min: 0, max: 3 }),
        fault: fc.constantFrom<Fault>("none", "none", "none", "badTag", "crash", "unready"),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.integer({ min: 0, max: 50 }).map((replicas) => ({ kind: "scale" as const, replicas })),
    },
    { weight: 1, arbitrary: fc.constant({ kind: "pause" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "resume" as const }) },
    { weight: 1, arbitrary: fc.constant({ kind: "undo" as const }) },
    {
      weight: 3,
      arbitrary: fc.integer({ min: 1, max: 20 }).map((seconds) => ({ kind: "wait" as const, seconds })),
    },
  );
  return fc.array(op, { minLength: 1, maxLength });
}

/** The Deployment manifest of a setup. */
export function manifest(s: Setup): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: {
      replicas: s.replicas,
      minReadySeconds: s.minReadySeconds,
      revisionHistoryLimit: s.revisionHistoryLimit,
      selector: { matchLabels: { app: "web" } },
      strategy: s.recreate
        ? { type: "Recreate" }
        : {
            type: "RollingUpdate",
            rollingUpdate: { maxSurge: s.maxSurge, maxUnavailable: s.maxUnavailable },
          },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image: "nginx:1.0" }] },
      },
    },
  };
}

/**
 * The container of a template change. Failing images from the catalog: gasbugs/http-go has no tag v9,
 * sandbox/needs-env exits without APP_MODE, sandbox/healthz-500 answers 500 on /healthz.
 */
export function container(tag: number, fault: Fault): KObject["spec"] {
  switch (fault) {
    case "badTag":
      return { name: "web", image: "gasbugs/http-go:v9" };
    case "crash":
      return { name: "web", image: "sandbox/needs-env:v1" };
    case "unready":
      return {
        name: "web",
        image: "sandbox/healthz-500:v1",
        readinessProbe: { httpGet: { path: "/healthz", port: 8080 }, periodSeconds: 2 },
      };
    default:
      return { name: "web", image: `nginx:1.${tag}` };
  }
}

/** True when the Deployment's template runs a failing image (a rollout to it cannot complete). */
export function isFaulty(d: KObject): boolean {
  return !String(d.spec?.template?.spec?.containers?.[0]?.image ?? "").startsWith("nginx:");
}

/** A cluster running the setup's Deployment, settled. */
export function start(s: Setup, seed = 7): Cluster {
  const c = createCluster({ seed });
  c.request((api) => api.create("deployments", manifest(s), "default"));
  return c;
}

/** Changes the Deployment with `fn` (a read-modify-update, as kubectl edit/patch would). */
function change(c: Cluster, fn: (d: KObject) => void): void {
  c.request((api) => {
    const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
    fn(d);
    delete d.metadata.resourceVersion;
    return api.update("deployments", d);
  });
}

/** Applies one op; `observe` runs after every settled state (each simulated second while waiting). */
export function apply(c: Cluster, op: Op, observe: () => void): void {
  switch (op.kind) {
    case "image":
      change(c, (d) => (d.spec.template.spec.containers = [container(op.tag, op.fault ?? "none")]));
      break;
    case "scale":
      change(c, (d) => (d.spec.replicas = op.replicas));
      break;
    case "pause":
      change(c, (d) => (d.spec.paused = true));
      break;
    case "resume":
      change(c, (d) => (d.spec.paused = false));
      break;
    case "undo":
      c.request((api) => rolloutUndo(api, "web"));
      break;
    case "wait":
      for (let i = 0; i < op.seconds; i++) {
        c.advance(1000);
        observe();
      }
      return;
  }
  observe();
}

/** The Deployment as stored. */
export function theDeployment(c: Cluster): KObject {
  const d = c.state.objects.deployments?.get("default/web");
  if (!d) throw new Error("no deployment");
  return d;
}

/** The Deployment's ReplicaSets. */
export function replicaSets(c: Cluster): KObject[] {
  const uid = theDeployment(c).metadata.uid;
  return (c.state.objects.replicasets?.values() ?? []).filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.controller),
  );
}

/** The Deployment's pods (owned by one of its sets). */
export function podsOf(c: Cluster): KObject[] {
  const uids = new Set(replicaSets(c).map((rs) => rs.metadata.uid));
  return (c.state.objects.pods?.values() ?? []).filter((p) =>
    (p.metadata.ownerReferences ?? []).some((r) => uids.has(r.uid)),
  );
}
