/**
 * Properties of the event TTL (pkg/registry/core/event/storage: every create and update gets a lease of
 * `--event-ttl` = 3600 s, so an event lives exactly one hour after its latest write):
 *  - ET1: after any steps, no listed event's latest write is an hour or more ago.
 *  - ET2: every event written less than an hour ago is listed.
 * At the store level the test knows each write's exact instant (the written event carries the new
 * resourceVersion). In a running cluster it reads the write instant from the event: lastTimestamp
 * (whole seconds, so the write was within the following second), or the scheduler's eventTime/series.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allEvents, type CoreEvent, createCluster, type KObject } from "../../../src/engine";
import { expireEvents } from "../../../src/engine/store/event-expiry";
import { EVENT_TTL_MS } from "../../../src/engine/store/event-store";
import { recordEvent } from "../../../src/engine/store/events";
import { emptyState } from "../../../src/engine/store/state";

const OBJECTS: KObject[] = [1, 2, 3].map((i) => ({
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: `web-${i}`, namespace: "default", uid: `0000aa0${i}-0000-4000-8000-000000000a0${i}` },
}));
const SOURCES: { component: string; host?: string }[] = [
  { component: "kubelet", host: "minikube" },
  { component: "default-scheduler" },
];

type Step =
  | { kind: "record"; obj: number; source: number; reason: number; message: number }
  | { kind: "wait"; ms: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant("record" as const),
    obj: fc.integer({ min: 0, max: 2 }),
    source: fc.integer({ min: 0, max: 1 }),
    reason: fc.integer({ min: 0, max: 2 }),
    message: fc.integer({ min: 0, max: 11 }),
  }),
  fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 2 * EVENT_TTL_MS }) }),
  fc.record({ kind: fc.constant("wait" as const), ms: fc.integer({ min: 0, max: 2000 }) }),
);

describe("event TTL properties", () => {
  it("ET1 + ET2: exactly the events written within the last hour are listed (store level)", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const state = emptyState(1);
        const lastWrite = new Map<string, number>();
        for (const s of steps) {
          if (s.kind === "wait") {
            state.now += s.ms;
            expireEvents(state);
          } else {
            const rv = state.resourceVersion;
            const obj = OBJECTS[s.obj] as KObject;
            const reason = ["Pulling", "Unhealthy", "Killing"][s.reason] as string;
            recordEvent(
              state,
              obj,
              "Normal",
              reason,
              `message ${s.message}`,
              SOURCES[s.source] ?? { component: "kubelet" },
            );
            if (state.resourceVersion === rv) continue;
            const written = allEvents(state).find(
              (e) => e.metadata.resourceVersion === String(state.resourceVersion),
            );
            if (written) lastWrite.set(written.metadata.name, state.now);
          }
          const listed = allEvents(state)
            .map((e) => e.metadata.name)
            .sort();
          const live = [...lastWrite]
            .filter(([, t]) => state.now < t + EVENT_TTL_MS)
            .map(([name]) => name)
            .sort();
          expect(listed).toEqual(live);
        }
      }),
      { numRuns: 60 },
    );
  });

  it("ET1: no event listed by a running cluster was last written an hour or more ago", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.record({ scale: fc.integer({ min: 0, max: 4 }) }),
            fc.record({ wait: fc.integer({ min: 1000, max: 1_500_000 }) }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        (ops) => {
          const c = createCluster({ seed: 5 });
          c.request((api) => api.create("deployments", deployment(1), "default"));
          for (const op of ops) {
            if ("wait" in op) c.advance(op.wait);
            else
              c.request((api) => {
                const d = JSON.parse(JSON.stringify(api.get("deployments", "default", "web")));
                d.spec.replicas = op.scale;
                api.update("deployments", d);
              });
            for (const e of allEvents(c.state) as CoreEvent[]) {
              expect(c.now - lastWriteAtMost(e)).toBeLessThan(EVENT_TTL_MS);
            }
          }
        },
      ),
      { numRuns: 12 },
    );
  }, 60_000);
});

/** The latest instant the event can have been written (simulated ms; epoch 2026-01-01T00:00:00Z). */
function lastWriteAtMost(e: CoreEvent): number {
  const epoch = Date.UTC(2026, 0, 1);
  const micro = e.series?.lastObservedTime ?? e.eventTime;
  if (!e.lastTimestamp && micro) return Date.parse(micro) - epoch;
  return Date.parse(e.lastTimestamp ?? "") - epoch + 999;
}

function deployment(replicas: number): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web" },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: {
        metadata: { labels: { app: "web" } },
        spec: { containers: [{ name: "web", image: "gasbugs/http-go:v1" }] },
      },
    },
  } as KObject;
}
