/**
 * The random rollout model the property tests share: a Deployment of a healthy image (nginx, any tag)
 * with random replicas, maxSurge/maxUnavailable (ints and percentages), minReadySeconds and
 * revisionHistoryLimit, and random sequences of template changes, scaling, pause/resume, undo and time
 * steps, applied through the API as kubectl would.
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

/** One user action (or the passing of time). */
export type Op =
  | { kind: "image"; tag: number }
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
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 3 }).map((tag) => ({ kind: "image" as const, tag })) },
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
      change(c, (d) => (d.spec.template.spec.containers[0].image = `nginx:1.${op.tag}`));
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
  const d = c.state.objects.deployments?.["default/web"];
  if (!d) throw new Error("no deployment");
  return d;
}

/** The Deployment's ReplicaSets. */
export function replicaSets(c: Cluster): KObject[] {
  const uid = theDeployment(c).metadata.uid;
  return Object.values(c.state.objects.replicasets ?? {}).filter((rs) =>
    (rs.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.controller),
  );
}

/** The Deployment's pods (owned by one of its sets). */
export function podsOf(c: Cluster): KObject[] {
  const uids = new Set(replicaSets(c).map((rs) => rs.metadata.uid));
  return Object.values(c.state.objects.pods ?? {}).filter((p) =>
    (p.metadata.ownerReferences ?? []).some((r) => uids.has(r.uid)),
  );
}
