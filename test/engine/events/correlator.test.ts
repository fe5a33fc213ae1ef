/**
 * client-go's EventCorrelator as the engine's event recorder applies it. Rules and numbers from
 * staging/src/k8s.io/client-go/tools/record/events_cache.go: defaultAggregateMaxEvents = 10,
 * defaultAggregateIntervalInSeconds = 600 (a group older than that starts afresh: `interval > maxInterval`),
 * EventAggregatorByReasonMessageFunc's `(combined from similar events): ` prefix, the aggregate key
 * (source, involved object, type, reason) without the message, defaultSpamBurst = 25 and
 * defaultSpamQPS = 1/300 per source + object (getSpamKey), and eventLogger counting a repeat before the
 * spam filter looks at it (EventCorrelate: aggregate, observe, then filter).
 */
import { describe, expect, it } from "vitest";
import type { CoreEvent, KObject } from "../../../src/engine/model/types";
import { allEvents, removeEvent } from "../../../src/engine/store/event-store";
import { recordEvent } from "../../../src/engine/store/events";
import { type ClusterState, emptyState } from "../../../src/engine/store/state";

const RS: KObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-5f4d98f6d5", namespace: "default", uid: "0000aa01-0000-4000-8000-000000000a01" },
};
const OTHER: KObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-7d7bd59cf4", namespace: "default", uid: "0000aa02-0000-4000-8000-000000000a02" },
};
const RSC = { component: "replicaset-controller" };

/** The stored events as `count message` lines, oldest first (names carry the creation order). */
function stored(state: ClusterState, obj = RS): string[] {
  return (allEvents(state) as CoreEvent[])
    .filter((e) => e.involvedObject.uid === obj.metadata.uid)
    .sort((a, b) => ((a.metadata.name ?? "") < (b.metadata.name ?? "") ? -1 : 1))
    .map((e) => `${e.count} ${e.message}`);
}

function failed(state: ClusterState, pod: string, obj = RS): void {
  recordEvent(state, obj, "Warning", "FailedCreate", `Error creating: pods "${pod}" is forbidden`, RSC);
}

describe("event aggregation (EventAggregator)", () => {
  it("records 9 distinct messages as they are and combines the 10th and later ones into one event", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 12; i++) failed(s, `web-${i}`);
    expect(stored(s)).toEqual([
      ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `1 Error creating: pods "web-${i}" is forbidden`),
      '3 (combined from similar events): Error creating: pods "web-12" is forbidden',
    ]);
  });

  it("keeps counting a repeated message on its own event while the group is not full", () => {
    const s = emptyState(1);
    for (let i = 0; i < 4; i++) failed(s, "web-1");
    failed(s, "web-2");
    expect(stored(s)).toEqual([
      '4 Error creating: pods "web-1" is forbidden',
      '1 Error creating: pods "web-2" is forbidden',
    ]);
  });

  it("groups by source, object, type and reason: another reason or object is a group of its own", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 9; i++) failed(s, `web-${i}`);
    for (let i = 1; i <= 9; i++) failed(s, `other-${i}`, OTHER);
    recordEvent(s, RS, "Normal", "SuccessfulCreate", "Created pod: web-a", RSC);
    expect(stored(s)).toHaveLength(10);
    expect(stored(s, OTHER)).toHaveLength(9);
    expect(stored(s).some((l) => l.includes("combined"))).toBe(false);
  });

  it("starts the group afresh after more than 600 s without a similar event", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 9; i++) failed(s, `web-${i}`);
    s.now = 600_001;
    failed(s, "web-10");
    expect(stored(s).at(-1)).toBe('1 Error creating: pods "web-10" is forbidden');
    // exactly 600 s after the last one is not "more than": the group is still full
    const t = emptyState(1);
    for (let i = 1; i <= 9; i++) failed(t, `web-${i}`);
    t.now = 600_000;
    failed(t, "web-10");
    expect(stored(t).at(-1)).toBe(
      '1 (combined from similar events): Error creating: pods "web-10" is forbidden',
    );
  });

  it("continues the same combined event (count, first seen) when a later group fills up again", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 10; i++) failed(s, `a-${i}`);
    s.now = 700_000;
    for (let i = 1; i <= 10; i++) failed(s, `b-${i}`);
    const combined = (allEvents(s) as CoreEvent[]).filter((e) => e.message?.startsWith("(combined"));
    expect(combined).toHaveLength(1);
    expect(combined[0]).toMatchObject({
      count: 2,
      message: '(combined from similar events): Error creating: pods "b-10" is forbidden',
      firstTimestamp: "2026-01-01T00:00:00Z",
      lastTimestamp: "2026-01-01T00:11:40Z",
    });
  });

  it("a repeat of an event that was deleted makes a new event with count 1 (the cache entry is not followed)", () => {
    const s = emptyState(1);
    failed(s, "web-1");
    failed(s, "web-1");
    const [first] = allEvents(s) as CoreEvent[];
    removeEvent(s, `default/${first?.metadata?.name}`);
    expect(stored(s)).toEqual([]);
    failed(s, "web-1");
    expect(stored(s)).toEqual(['1 Error creating: pods "web-1" is forbidden']);
    const [again] = allEvents(s) as CoreEvent[];
    expect(again?.metadata?.name).not.toBe(first?.metadata?.name);
    failed(s, "web-1");
    expect(stored(s)).toEqual(['2 Error creating: pods "web-1" is forbidden']);
  });
});

describe("spam filter (EventSourceObjectSpamFilter)", () => {
  it("lets 25 events about one object through, then one per 300 s", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 30; i++) recordEvent(s, RS, "Normal", `Reason${i}`, "m", RSC);
    expect(stored(s)).toHaveLength(25);
    s.now = 299_000;
    recordEvent(s, RS, "Normal", "Reason31", "m", RSC);
    expect(stored(s)).toHaveLength(25);
    s.now = 300_000;
    recordEvent(s, RS, "Normal", "Reason32", "m", RSC);
    recordEvent(s, RS, "Normal", "Reason33", "m", RSC);
    expect(stored(s)).toHaveLength(26);
  });

  it("keeps one bucket per source and object: the kubelet is not limited by the controller's events", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 26; i++) recordEvent(s, RS, "Normal", `Reason${i}`, "m", RSC);
    recordEvent(s, RS, "Normal", "Other", "m", { component: "deployment-controller" });
    for (let i = 1; i <= 25; i++) recordEvent(s, OTHER, "Normal", `Reason${i}`, "m", RSC);
    expect(stored(s)).toHaveLength(26);
    expect(stored(s, OTHER)).toHaveLength(25);
  });

  it("counts the repeats it dropped: the next accepted repeat jumps by them", () => {
    const s = emptyState(1);
    for (let i = 0; i < 30; i++) recordEvent(s, RS, "Warning", "Unhealthy", "Readiness probe failed", RSC);
    expect(stored(s)).toEqual(["25 Readiness probe failed"]);
    s.now = 300_000;
    recordEvent(s, RS, "Warning", "Unhealthy", "Readiness probe failed", RSC);
    expect(stored(s)).toEqual(["31 Readiness probe failed"]);
  });

  it("does not apply to the scheduler, which records through the events API (no correlator)", () => {
    const s = emptyState(1);
    for (let i = 1; i <= 30; i++)
      recordEvent(s, RS, "Normal", `R${i}`, "m", { component: "default-scheduler" });
    expect(stored(s)).toHaveLength(30);
  });
});
