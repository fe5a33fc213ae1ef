/**
 * TS1 (tick-split invariance): moving the clock by T at once, or by the same T cut into any ticks,
 * ends in the same cluster. The browser's clock ticks 60 times a second and a session's record keeps
 * consecutive ticks as one (session.ts), so a replay equals the live run only if this holds. Checks
 * against second-precision timestamps (minReadySeconds, the progress deadline) once changed their
 * outcome at a tick inside a second; they now compare with the start of the second (wholeSecond).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Cluster } from "../../../src/engine/index";
import { apply, type Op, opsArb, setupArb, start } from "./model";

/** Runs `ops`, turning each wait of N seconds into clock ticks of the given sizes (ms), cycled. */
function run(c: Cluster, ops: Op[], ticks: readonly number[]): void {
  let next = 0;
  for (const op of ops) {
    if (op.kind !== "wait") {
      apply(c, op, () => {});
      continue;
    }
    const target = c.now + op.seconds * 1000;
    while (c.now < target) {
      const size = ticks[next++ % ticks.length] ?? 1000;
      c.advance(Math.min(size, target - c.now));
    }
  }
}

describe("tick-split invariance", () => {
  it("TS1: waits cut into ticks of any size end as whole waits do", () => {
    fc.assert(
      fc.property(
        setupArb(),
        opsArb(8),
        fc.array(fc.integer({ min: 1, max: 1500 }), { minLength: 1, maxLength: 6 }),
        // A progress deadline short enough to pass within the waits (it must exceed minReadySeconds).
        fc.integer({ min: 1, max: 12 }),
        (setup, ops, ticks, deadlineAfterMinReady) => {
          const begin = () => {
            const c = start(setup);
            c.request((api) => {
              const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
              d.spec.progressDeadlineSeconds = setup.minReadySeconds + deadlineAfterMinReady;
              return api.update("deployments", d);
            });
            return c;
          };
          const whole = begin();
          run(whole, ops, [Number.POSITIVE_INFINITY]);
          const cut = begin();
          run(cut, ops, ticks);
          expect(cut.now).toBe(whole.now);
          expect(JSON.stringify(cut.state)).toBe(JSON.stringify(whole.state));
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it("TS1 at the progress deadline: a stuck rollout times out at the same instant whatever the ticks", () => {
    const setup = {
      replicas: 3,
      maxSurge: 1,
      maxUnavailable: 0,
      minReadySeconds: 2,
      revisionHistoryLimit: 10,
      recreate: false,
    };
    const ops: Op[] = [
      { kind: "wait", seconds: 10 },
      { kind: "image", tag: 2, fault: "badTag" },
      { kind: "wait", seconds: 20 },
    ];
    const begin = () => {
      const c = start(setup);
      c.request((api) => {
        const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
        d.spec.progressDeadlineSeconds = 5;
        return api.update("deployments", d);
      });
      return c;
    };
    const whole = begin();
    run(whole, ops, [Number.POSITIVE_INFINITY]);
    const progressing = whole.state.objects.deployments
      ?.get("default/web")
      ?.status?.conditions?.find((c: { type: string }) => c.type === "Progressing");
    expect(progressing?.reason).toBe("ProgressDeadlineExceeded");
    for (const ticks of [[333], [250, 999], [17]]) {
      const cut = begin();
      run(cut, ops, ticks);
      expect(JSON.stringify(cut.state)).toBe(JSON.stringify(whole.state));
    }
  });
});
