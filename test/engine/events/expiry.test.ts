/**
 * Event expiry (`--event-ttl`, default 1h0m0s in kube-apiserver's options). Facts from Kubernetes source:
 * pkg/registry/core/event/storage NewREST gives the store `TTLFunc: return ttl` (no dependence on the
 * existing object or on create vs update); genericregistry Store.Update calls `calculateTTL(obj, res.TTL,
 * true)` on every update, and the etcd3 store attaches a lease of that many seconds to each write. So an
 * event lives one hour after its latest write. The boundary: a lease of 3600 s granted at t has run out at
 * t + 3600 s (listed at t + 3599 s, gone at t + 3600 s); the etcd3 leaseManager may lengthen a lease by
 * up to 60 s for reuse, which the sandbox does not model (event-expiry.ts). Nothing else deletes the
 * events of a deleted object (they carry no owner reference), so they expire the same way.
 */
import { describe, expect, it } from "vitest";
import {
  type Cluster,
  type CoreEvent,
  createCluster,
  findResourceType,
  type KObject,
  listStored,
} from "../../../src/engine";
import { eventTtlController } from "../../../src/engine/controllers/event-ttl";
import { Cluster as BareCluster } from "../../../src/engine/sim/cluster";
import { recordEvent } from "../../../src/engine/store/events";
import { podYaml } from "../../scenarios/manifests";
import { lines, Sandbox } from "../../scenarios/sandbox";

const HOUR = 3_600_000;
const RS: KObject = {
  apiVersion: "apps/v1",
  kind: "ReplicaSet",
  metadata: { name: "web-5f4d98f6d5", namespace: "default", uid: "0000aa01-0000-4000-8000-000000000a01" },
};
const RSC = { component: "replicaset-controller" };

/** A cluster that runs only the event TTL, so nothing else records or wakes. */
function ttlOnly(): Cluster {
  return new BareCluster({ controllers: [eventTtlController] });
}

function record(c: Cluster, message: string, obj = RS): void {
  c.request((api) => recordEvent(api.state, obj, "Normal", "SuccessfulCreate", message, RSC));
}

/** `count reason message` of every stored event, by name. */
function listed(c: Cluster): string[] {
  const type = findResourceType("events");
  if (!type) throw new Error("no events type");
  return (listStored(c.state, type) as CoreEvent[]).map((e) => `${e.count ?? 1} ${e.reason} ${e.message}`);
}

describe("event TTL: one hour after the latest write", () => {
  it("lists an event recorded at t at t + 3599 s and not at t + 3600 s", () => {
    const c = ttlOnly();
    c.advance(42_000);
    record(c, "Created pod: web-5f4d98f6d5-abcde");
    c.advance(HOUR - 1000);
    expect(listed(c)).toEqual(["1 SuccessfulCreate Created pod: web-5f4d98f6d5-abcde"]);
    c.advance(1000);
    expect(listed(c)).toEqual([]);
  });

  it("keeps an event repeated at t + 1800 s until t + 5400 s", () => {
    const c = ttlOnly();
    record(c, "Created pod: web-5f4d98f6d5-abcde");
    c.advance(1_800_000);
    record(c, "Created pod: web-5f4d98f6d5-abcde");
    c.advance(HOUR - 1000);
    expect(listed(c)).toEqual(["2 SuccessfulCreate Created pod: web-5f4d98f6d5-abcde"]);
    c.advance(1000);
    expect(listed(c)).toEqual([]);
  });

  it("tells the clock the instant the next event expires, so time stops there", () => {
    const c = ttlOnly();
    c.advance(5000);
    record(c, "Created pod: web-5f4d98f6d5-abcde");
    c.advance(10_000);
    record(c, "Created pod: web-5f4d98f6d5-fghij");
    expect(c.nextWake()).toBe(5000 + HOUR);
    c.advance(HOUR - 5000);
    expect(listed(c)).toEqual(["1 SuccessfulCreate Created pod: web-5f4d98f6d5-fghij"]);
    expect(c.nextWake()).toBe(15_000 + HOUR);
    c.advance(10_000);
    expect(c.nextWake()).toBeUndefined();
  });

  it("a repeat after the event expired makes a new event (count 1), and the old cache entry is gone", () => {
    const c = ttlOnly();
    record(c, "Created pod: web-5f4d98f6d5-abcde");
    c.advance(HOUR);
    // The record held only that entry and is at rest an hour on (one token used, refilled in 300 s).
    expect(Object.keys(c.state.events.sources)).toEqual([]);
    record(c, "Created pod: web-5f4d98f6d5-abcde");
    expect(listed(c)).toEqual(["1 SuccessfulCreate Created pod: web-5f4d98f6d5-abcde"]);
  });
});

describe("event TTL in a running cluster", () => {
  const POD = podYaml("web");

  it("expires the events of a deleted pod an hour after their last write", () => {
    const s = new Sandbox();
    s.write("web.yaml", POD);
    expect(s.run("kubectl create -f web.yaml").stdout).toBe("pod/web created\n");
    s.sleep(60_000);
    expect(s.run("kubectl delete pod web").stdout).toBe('pod "web" deleted\n');
    // Scheduled, Pulling, Pulled, Created, Started in the first 3 s; Killing at 60 s. At 3,630 s only
    // Killing (expiring at 3,660 s) is left.
    s.sleep(3_630_000 - 60_000);
    const reasons = () => (listStored(s.cluster.state, events()) as CoreEvent[]).map((e) => e.reason);
    expect(reasons()).toEqual(["Killing"]);
    s.sleep(HOUR);
    expect(s.run("kubectl get events").stderr).toBe("No resources found in default namespace.\n");
  });

  it("keeps kubectl describe's Events in step with what is stored", () => {
    const s = new Sandbox();
    s.write("web.yaml", POD);
    s.run("kubectl create -f web.yaml");
    s.sleep(HOUR + 10_000);
    const described = lines(s.run("kubectl describe pod web").stdout);
    // DescribeEvents writes `Events:\t<none>` when the list is empty (the padding is the tabwriter's).
    expect(described[described.length - 1]).toMatch(/^Events:\s+<none>$/);
    expect(described.filter((l) => /^ {2}Normal /.test(l))).toEqual([]);
  });

  it("forgets the correlator's records of a deleted pod once its events are gone", () => {
    const c = createCluster({ seed: 3 });
    c.request((api) =>
      api.create(
        "pods",
        {
          apiVersion: "v1",
          kind: "Pod",
          metadata: { name: "web" },
          spec: { containers: [{ name: "web", image: "gasbugs/http-go:v1" }] },
        } as KObject,
        "default",
      ),
    );
    c.advance(30_000);
    c.request((api) => api.delete("pods", "default", "web"));
    c.advance(2 * HOUR);
    expect(listStored(c.state, events())).toEqual([]);
    expect(c.state.events.sources ?? {}).toEqual({});
    expect(c.state.events.chunks).toEqual({});
    expect(c.state.events.next).toBeUndefined();
  });
});

function events() {
  const t = findResourceType("events");
  if (!t) throw new Error("no events type");
  return t;
}
