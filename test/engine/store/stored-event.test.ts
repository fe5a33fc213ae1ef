/**
 * Recorded events are kept flat and built into their API object on first read (stored-event.ts). What a
 * reader sees must not depend on that: the same object on every read, frozen as stored objects are where
 * tests run, expiring an hour after its latest write, and a repeat (count 2) a new value that leaves the
 * older snapshot's event as it was.
 */
import { describe, expect, it } from "vitest";
import { allEvents, type CoreEvent, type KObject } from "../../../src/engine";
import { EVENT_TTL_MS, getEvent } from "../../../src/engine/store/event-store";
import { recordEvent } from "../../../src/engine/store/events";
import { type ClusterState, emptyState } from "../../../src/engine/store/state";
import type { RecordedEvent } from "../../../src/engine/store/stored-event";
import { transact } from "../../../src/engine/store/transaction";

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "web-1", namespace: "default", uid: "pod-uid-1", resourceVersion: "7" },
} as KObject;

/** `state` after the kubelet records `Started` about the pod at simulated second `at`. */
function started(state: ClusterState, at: number): ClusterState {
  return transact(state, (s) => {
    s.now = at * 1000;
    recordEvent(s, pod, "Normal", "Started", "Started container web", {
      component: "kubelet",
      host: "minikube",
    });
  }).state;
}

function only(state: ClusterState): { key: string; event: CoreEvent } {
  const [event, ...rest] = allEvents(state) as CoreEvent[];
  expect(rest).toEqual([]);
  return { key: `${event?.metadata?.namespace}/${event?.metadata?.name}`, event: event as CoreEvent };
}

describe("a recorded event as readers see it", () => {
  it("is one frozen object on every read, with its involved object's reference fields", () => {
    const state = started(emptyState(1), 5);
    const { key, event } = only(state);
    expect(getEvent(state, key)).toBe(event);
    expect(allEvents(state)[0]).toBe(event);
    expect(Object.isFrozen(event)).toBe(true);
    expect(Object.isFrozen(event.involvedObject)).toBe(true);
    expect(Object.isFrozen(event.metadata)).toBe(true);
    expect(event.involvedObject).toEqual({
      apiVersion: "v1",
      kind: "Pod",
      name: "web-1",
      namespace: "default",
      uid: "pod-uid-1",
      resourceVersion: "7",
    });
    expect([event.reason, event.message, event.count, event.source]).toEqual([
      "Started",
      "Started container web",
      1,
      { component: "kubelet", host: "minikube" },
    ]);
    expect([event.firstTimestamp, event.lastTimestamp]).toEqual([
      "2026-01-01T00:00:05Z",
      "2026-01-01T00:00:05Z",
    ]);
  });

  it("expires an hour after its latest write, and a repeat leaves the older snapshot's event as it was", () => {
    const once = started(emptyState(1), 5);
    const { key, event } = only(once);
    expect(once.events.chunks[Object.keys(once.events.chunks)[0] as string]?.get(key)?.expires).toBe(
      5000 + EVENT_TTL_MS,
    );
    const twice = started(once, 65);
    const again = only(twice);
    expect(again.key).toBe(key);
    expect([again.event.count, again.event.lastTimestamp]).toEqual([2, "2026-01-01T00:01:05Z"]);
    expect(twice.events.chunks[Object.keys(twice.events.chunks)[0] as string]?.get(key)?.expires).toBe(
      65_000 + EVENT_TTL_MS,
    );
    expect(getEvent(once, key)).toBe(event);
    expect([event.count, event.lastTimestamp]).toEqual([1, "2026-01-01T00:00:05Z"]);
  });

  it("tells the correlator's facts as its API object shows them, for both recorders", () => {
    const s0 = transact(emptyState(1), (s) => {
      recordEvent(s, pod, "Normal", "Scheduled", "Successfully assigned default/web-1 to minikube", {
        component: "default-scheduler",
      });
      recordEvent(s, pod, "Warning", "BackOff", "Back-off restarting failed container web", {
        component: "kubelet",
        host: "minikube",
      });
    }).state;
    const stored = Object.values(s0.events.chunks).flatMap((chunk) => chunk.values());
    expect(stored).toHaveLength(2);
    for (const entry of stored) {
      const e = entry.object as CoreEvent;
      expect((entry as RecordedEvent).facts()).toEqual({
        uid: e.involvedObject?.uid,
        type: e.type,
        reason: e.reason,
        message: e.message,
        component: e.source?.component || e.reportingComponent,
        host: e.source?.host,
      });
    }
  });
});
