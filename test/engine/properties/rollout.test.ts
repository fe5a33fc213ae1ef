/**
 * Property tests over the whole engine (rules in src/engine/controllers/deployment/RULES.md): random
 * Deployments driven by random template changes (failing images among them: a missing tag, a crashing
 * app, a failing readiness probe), scaling, pause/resume, undo and time. RU2 needs no change: failing
 * pods never become available, so they never count, and the controller keeps the available old ones.
 * RU3 is about healthy images: a faulty last template is first fixed, as a learner would.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { equalIgnoreHash, maxSurge, maxUnavailable, revision } from "../../../src/engine/index";
import { apply, isFaulty, opsArb, podsOf, replicaSets, setupArb, start, theDeployment } from "./model";

/** Runs per property (PROPERTY_RUNS overrides it for a longer search). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

/** Lets the rollout finish: a healthy template if the last one fails, resume, then up to 10 simulated minutes. */
function finish(c: ReturnType<typeof start>): void {
  if (isFaulty(theDeployment(c))) apply(c, { kind: "image", tag: 0 }, () => {});
  apply(c, { kind: "resume" }, () => {});
  for (let i = 0; i < 60; i++) {
    const s = theDeployment(c).status ?? {};
    const d = theDeployment(c);
    const done =
      (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0) &&
      (s.updatedReplicas ?? 0) === d.spec.replicas &&
      (s.replicas ?? 0) === d.spec.replicas &&
      (s.availableReplicas ?? 0) === d.spec.replicas;
    if (done) return;
    c.advance(10_000);
  }
}

describe("rolling updates (properties)", () => {
  it("RU1 Σ spec ≤ replicas + maxSurge; RU2 available ≥ replicas − maxUnavailable once available; RV1; RS1", () => {
    fc.assert(
      fc.property(setupArb(), opsArb(), (setup, ops) => {
        const c = start(setup);
        let armed = false;
        const observe = () => {
          const d = theDeployment(c);
          const sets = replicaSets(c);
          // RU1
          const total = sets.reduce((n, rs) => n + rs.spec.replicas, 0);
          expect(total).toBeLessThanOrEqual(d.spec.replicas + maxSurge(d));
          // RU2: only once the Deployment has been available since the last change of replicas.
          const available = sets.reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
          const min = d.spec.replicas - maxUnavailable(d);
          if (armed) expect(available).toBeGreaterThanOrEqual(min);
          else if (available >= min) armed = true;
          // RV1
          const revisions = sets.map((rs) => revision(rs));
          expect(new Set(revisions).size).toBe(revisions.length);
          const current = sets.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
          if (current) expect(revision(current)).toBe(Math.max(...revisions.map((r) => r ?? 0)));
          // RS1
          for (const a of sets) {
            expect(sets.filter((b) => equalIgnoreHash(a.spec.template, b.spec.template))).toHaveLength(1);
          }
        };
        for (const op of ops) {
          if (op.kind === "scale") armed = false;
          apply(c, op, observe);
        }
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it("RU3 every rollout of healthy images completes (a failing one once fixed); CL1 at most revisionHistoryLimit old sets after it", () => {
    fc.assert(
      fc.property(setupArb(), opsArb(), (setup, ops) => {
        const c = start(setup);
        for (const op of ops) apply(c, op, () => {});
        finish(c);
        const d = theDeployment(c);
        expect(d.status).toMatchObject({ observedGeneration: d.metadata.generation });
        expect(d.status?.updatedReplicas ?? 0).toBe(d.spec.replicas);
        expect(d.status?.availableReplicas ?? 0).toBe(d.spec.replicas);
        expect(d.status?.replicas ?? 0).toBe(d.spec.replicas);
        const progressing = (d.status?.conditions ?? []).find(
          (x: { type: string }) => x.type === "Progressing",
        );
        expect(progressing?.reason).toBe("NewReplicaSetAvailable");
        c.advance(1000);
        const old = replicaSets(c).filter((rs) => !equalIgnoreHash(rs.spec.template, d.spec.template));
        expect(old.length).toBeLessThanOrEqual(setup.revisionHistoryLimit);
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it("RC1 Recreate never runs old and new pods together", () => {
    fc.assert(
      fc.property(setupArb(true), opsArb(), (setup, ops) => {
        const c = start(setup);
        // A paused Deployment is synced by sync() → scale(), not rolloutRecreate (deployment_controller.go
        // syncDeployment); with every set at 0, FindActiveOrLatest picks the newest and scale() sizes it at
        // once, old pods terminating or not. So RC1 holds from the moment it is not paused and no old pod is left.
        let pausedMidway = false;
        const observe = () => {
          const d = theDeployment(c);
          const current = replicaSets(c).find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
          const pods = podsOf(c);
          const isNew = (p: (typeof pods)[number]) =>
            !!current && (p.metadata.ownerReferences ?? []).some((r) => r.uid === current.metadata.uid);
          const live = (p: (typeof pods)[number]) =>
            p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed";
          // An old pod counts until it is gone or terminal (terminating included); a new pod once it exists
          // and is not itself terminating (a re-used set may still have pods from its earlier life going away).
          const oldAlive = pods.some((p) => !isNew(p) && live(p));
          const newStarted = pods.some((p) => isNew(p) && live(p) && !p.metadata.deletionTimestamp);
          if (pausedMidway) pausedMidway = !!d.spec.paused || oldAlive;
          else expect(oldAlive && newStarted).toBe(false);
        };
        for (const op of ops) {
          if (op.kind === "pause") pausedMidway = true;
          apply(c, op, observe);
        }
      }),
      { numRuns: RUNS },
    );
  }, 180_000);

  it("DT1 same seed + same operations → deep-equal state", () => {
    fc.assert(
      fc.property(setupArb(), opsArb(6), (setup, ops) => {
        const run = () => {
          const c = start(setup, 3);
          for (const op of ops) apply(c, op, () => {});
          return c.state;
        };
        expect(run()).toEqual(run());
      }),
      { numRuns: 6 },
    );
  }, 180_000);
});
