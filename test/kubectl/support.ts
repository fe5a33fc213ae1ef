/**
 * Test helpers for kubectl: a context over a cluster with captured stdout/stderr, and a driver that runs a
 * program to its end, answering waits by moving the simulated clock (as a script runner does).
 */
import {
  ADMIN_USER,
  Bucket,
  Cluster,
  type ClusterState,
  findResourceType,
  type KObject,
  type Manifest,
  type ResourceType,
} from "../../src/engine";
import { storedEvent } from "../../src/engine/store/stored-event";
import type { KubectlContext } from "../../src/kubectl/context";
import { kubectl } from "../../src/kubectl/index";
import { Interrupt, type Program } from "../../src/kubectl/program";

/** What a finished command printed and returned. */
export interface Ran {
  stdout: string;
  stderr: string;
  exit: number;
}

/** A cluster with no controllers, holding `objects` created by the admin in the order given. */
export function staticCluster(objects: Manifest[], at = 0): Cluster {
  const c = new Cluster({
    controllers: [],
    bootstrap: (api) => {
      for (const o of objects) {
        const t = api.type(`${o.kind?.toLowerCase()}`);
        api.create(t.resource, o, o.metadata?.namespace);
      }
    },
  });
  if (at > 0) c.advance(at);
  return c;
}

/** A kubectl context over `cluster` writing into strings. */
export function testContext(cluster: Cluster, out: string[], err: string[]): KubectlContext {
  return {
    cluster,
    io: { out: (t) => out.push(t), err: (t) => err.push(t) },
    files: {
      cwd: "/home/learner",
      read: () => undefined,
      write: () => {},
      isDir: () => false,
      list: () => undefined,
      resolve: (p) => p,
    },
    env: {},
    kubeconfig: {
      contexts: [{ name: "minikube", cluster: "minikube", user: ADMIN_USER.name }],
      currentContext: "minikube",
    },
    commandLine: "",
  };
}

/** Runs a program to completion; waits advance the clock to the next wake or `until`; after `maxMs` of simulated time it is interrupted. */
export function drive(program: Program, cluster: Cluster, maxMs = 3_600_000): number {
  const start = cluster.now;
  let step = program.next();
  while (!step.done) {
    const effect = step.value;
    if (effect.type !== "wait") {
      step = program.next(null);
      continue;
    }
    const wake = cluster.nextWake();
    const targets = [effect.until, wake].filter((t): t is number => t !== undefined && t > cluster.now);
    const target = Math.min(...targets, start + maxMs);
    if (target <= cluster.now) {
      step = program.throw(new Interrupt());
      continue;
    }
    cluster.advance(target - cluster.now);
    step = program.next(undefined);
  }
  return step.value;
}

/** Runs `kubectl <args>` against `cluster` and returns what it printed. */
export function run(cluster: Cluster, args: string[], maxMs?: number): Ran {
  const out: string[] = [];
  const err: string[] = [];
  let exit: number;
  try {
    exit = drive(kubectl(args, testContext(cluster, out, err)), cluster, maxMs);
  } catch (e) {
    if (!(e instanceof Interrupt)) throw e;
    exit = 130;
  }
  return { stdout: out.join(""), stderr: err.join(""), exit };
}

/** Epoch ms of the default sandbox start (2026-01-01T00:00:00Z). */
export const T0 = Date.UTC(2026, 0, 1);

/** RFC 3339 of `sec` seconds after the sandbox start. */
export function at(sec: number): string {
  return new Date(T0 + sec * 1000).toISOString().replace(".000Z", "Z");
}

/**
 * A cluster holding exactly `objects` (stored as given, statuses included, no controllers) with the clock at
 * `nowSec`: for printer tests on hand-built objects.
 */
export function fixture(objects: KObject[], nowSec: number, epoch = T0): Cluster {
  // Events go through the API (the engine keeps them apart from other objects); the rest is stored as given.
  const events = objects.filter((o) => o.kind === "Event");
  const c = new Cluster({
    controllers: [],
    bootstrap: (api) => {
      for (const e of events) api.create("events", structuredClone(e), e.metadata.namespace ?? "default");
    },
  });
  // A copy to edit (the committed state is frozen in tests); buckets are persistent, so shallow copies do.
  const store = { ...c.state.events, chunks: { ...c.state.events.chunks } };
  const state: ClusterState = { ...c.state, objects: { ...c.state.objects }, events: store };
  state.epoch = epoch;
  restoreEvents(state, events);
  for (const o of objects) {
    if (o.kind === "Event") continue;
    const t = findResourceType(o.kind) as ResourceType;
    const meta = { resourceVersion: "1", uid: `uid-${o.metadata.name}`, ...o.metadata };
    if (t.namespaced) meta.namespace ??= "default";
    const key = t.namespaced ? `${meta.namespace}/${o.metadata.name}` : o.metadata.name;
    state.objects[t.resource] = (state.objects[t.resource] ?? Bucket.empty()).with(key, {
      ...o,
      metadata: meta,
    });
  }
  state.now = nowSec * 1000;
  c.restore(state);
  return c;
}

/** Puts back the events as given (the API stamped uid, resourceVersion and creationTimestamp on create), wherever the state keeps them. */
function restoreEvents(state: ClusterState, events: KObject[]): void {
  const given = new Map(events.map((e) => [`${e.metadata.namespace ?? "default"}/${e.metadata.name}`, e]));
  const chunks = state.events.chunks;
  for (const [id, chunk] of Object.entries(chunks)) {
    let restored = chunk;
    chunk.forEach((stored, key) => {
      const e = given.get(key);
      if (e) restored = restored.with(key, storedEvent(structuredClone(e), stored.expires));
    });
    chunks[id] = restored;
  }
}

/** A copy of `objects` with every RFC 3339 timestamp moved by `deltaMs` (to replay a fixture at another instant). */
export function shiftTimes<T>(objects: T, deltaMs: number): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(v))
      return new Date(Date.parse(v) + deltaMs).toISOString().replace(".000Z", "Z");
    // metav1.MicroTime (an events.k8s.io event's eventTime): six fractional digits, kept as six.
    if (typeof v === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/.test(v))
      return `${new Date(Date.parse(v) + deltaMs).toISOString().slice(0, 23)}${v.slice(23)}`;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === "object")
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    return v;
  };
  return walk(objects) as T;
}
