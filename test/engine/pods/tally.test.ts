/**
 * The ReplicaSet controller reads its pods through tallies kept per chunk of the pods bucket and cached
 * by chunk (controllers/replicaset/tally.ts). These properties hold the status, the next availability
 * wake, the fingerprint counts and the "claim has work" flag to the rules counted pod by pod (§10.3:
 * replicas = active, fully labeled, ready, available = ready for MORE than minReadySeconds), on random
 * pods spread over several chunks, and again after random writes (so cached chunks meet changed ones).
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { calculateStatus, nextAvailability } from "../../../src/engine/controllers/replicaset/status";
import { tallyBucket, tallyView } from "../../../src/engine/controllers/replicaset/tally";
import { Bucket, type KObject } from "../../../src/engine/index";

const EPOCH = Date.UTC(2026, 0, 1);
const stamp = (s: number) => new Date(EPOCH + s * 1000).toISOString().replace(".000Z", "Z");
const UID = "rs-uid";

/** The ReplicaSet: selector app=web, template labels app=web + tier=front, minReadySeconds from the case. */
function replicaSet(minReadySeconds: number): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name: "web-1", namespace: "default", uid: UID, generation: 2 },
    spec: {
      replicas: 3,
      minReadySeconds,
      selector: { matchLabels: { app: "web" } },
      template: { metadata: { labels: { app: "web", tier: "front" } } },
    },
  };
}

interface PodCase {
  owner: "rs" | "other" | "none";
  namespace: "default" | "dev";
  labels: "both" | "selector" | "neither";
  phase: "Pending" | "Running" | "Succeeded" | "Failed";
  deleting: boolean;
  ready: "yes" | "no" | "untimed";
  readySecond: number;
  rv: number;
}

const podCase: fc.Arbitrary<PodCase> = fc.record({
  owner: fc.constantFrom("rs", "rs", "rs", "other", "none"),
  namespace: fc.constantFrom("default", "default", "dev"),
  labels: fc.constantFrom("both", "both", "selector", "neither"),
  phase: fc.constantFrom("Pending", "Running", "Running", "Running", "Succeeded", "Failed"),
  deleting: fc.boolean(),
  ready: fc.constantFrom("yes", "yes", "no", "untimed"),
  readySecond: fc.integer({ min: 0, max: 60 }),
  rv: fc.integer({ min: 1, max: 100_000 }),
});

function podOf(c: PodCase, i: number): KObject {
  const labels: Record<string, string> =
    c.labels === "both"
      ? { app: "web", tier: "front" }
      : c.labels === "selector"
        ? { app: "web" }
        : { app: "db" };
  const ready: Record<string, unknown> = { type: "Ready", status: c.ready === "no" ? "False" : "True" };
  if (c.ready !== "untimed") ready.lastTransitionTime = stamp(c.readySecond);
  const refs =
    c.owner === "none"
      ? undefined
      : [
          {
            apiVersion: "apps/v1",
            kind: "ReplicaSet",
            name: "x",
            uid: c.owner === "rs" ? UID : "other",
            controller: true,
          },
        ];
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: {
      name: `p${i}`,
      namespace: c.namespace,
      uid: `pod-${i}`,
      resourceVersion: String(c.rv),
      labels,
      ...(refs ? { ownerReferences: refs } : {}),
      ...(c.deleting ? { deletionTimestamp: stamp(70) } : {}),
    },
    spec: {},
    status: { phase: c.phase, conditions: [ready] },
  };
}

/** The rules, pod by pod. */
function expected(pods: readonly KObject[], minReady: number, nowSec: number) {
  const owned = pods.filter((p) => p.metadata.ownerReferences?.[0]?.uid === UID);
  const active = (p: KObject) =>
    p.status.phase !== "Succeeded" && p.status.phase !== "Failed" && !p.metadata.deletionTimestamp;
  const ready = (p: KObject) => p.status.conditions[0].status === "True";
  const readyAt = (p: KObject) => {
    const t = p.status.conditions[0].lastTransitionTime;
    return t === undefined ? undefined : (Date.parse(t) - EPOCH) / 1000;
  };
  const act = owned.filter(active);
  const rdy = act.filter(ready);
  const avail = rdy.filter((p) => minReady <= 0 || (readyAt(p) ?? Number.NaN) + minReady < nowSec);
  const wakes = rdy
    .map((p) => readyAt(p))
    .filter((t): t is number => t !== undefined && minReady > 0 && t + minReady + 1 > nowSec)
    .map((t) => (t + minReady + 1) * 1000);
  const selects = (p: KObject) => p.metadata.labels?.app === "web";
  const claimWork =
    act.some((p) => !selects(p)) ||
    pods.some(
      (p) => !p.metadata.ownerReferences && p.metadata.namespace === "default" && active(p) && selects(p),
    );
  const status: Record<string, unknown> = { replicas: act.length };
  const full = act.filter((p) => p.metadata.labels?.tier === "front").length;
  if (full) status.fullyLabeledReplicas = full;
  if (rdy.length) status.readyReplicas = rdy.length;
  if (avail.length) status.availableReplicas = avail.length;
  status.observedGeneration = 2;
  return {
    status,
    wake: wakes.length ? Math.min(...wakes) : undefined,
    owned: owned.length,
    newest: Math.max(0, ...owned.map((p) => Number(p.metadata.resourceVersion))),
    claimWork,
  };
}

function check(bucket: Bucket<KObject>, minReady: number, nowSec: number): void {
  const rs = replicaSet(minReady);
  const tallies = tallyBucket(bucket, tallyView(rs));
  const want = expected(bucket.values(), minReady, nowSec);
  expect(calculateStatus(rs, tallies, nowSec * 1000, EPOCH, undefined)).toEqual(want.status);
  expect(nextAvailability(rs, tallies, nowSec * 1000, EPOCH)).toBe(want.wake);
  const t = tallies.sum;
  expect({ owned: t.owned, newest: t.newest, claimWork: t.claimWork }).toEqual({
    owned: want.owned,
    newest: want.newest,
    claimWork: want.claimWork,
  });
}

describe("ReplicaSet tallies", () => {
  test("status, next wake, fingerprint counts and claim work equal the pod-by-pod rules, across chunks and writes", () => {
    fc.assert(
      fc.property(
        fc.array(podCase, { maxLength: 700, size: "max" }),
        fc.array(fc.tuple(fc.nat(), podCase, fc.boolean()), { maxLength: 30 }),
        fc.constantFrom(0, 5, 10),
        fc.integer({ min: 0, max: 80 }),
        (cases, writes, minReady, nowSec) => {
          let bucket = Bucket.from(cases.map((c, i) => [`ns/p${i}`, podOf(c, i)] as const));
          check(bucket, minReady, nowSec);
          // Replace or remove some pods: unchanged chunks come from the cache, changed ones are counted again.
          for (const [n, c, remove] of writes) {
            const i = cases.length > 0 ? n % cases.length : 0;
            bucket = remove ? bucket.without(`ns/p${i}`) : bucket.with(`ns/p${i}`, podOf(c, i));
          }
          check(bucket, minReady, nowSec);
        },
      ),
      { numRuns: 60 },
    );
  });
});
