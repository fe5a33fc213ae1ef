/**
 * A bench for driving the Deployment controller one sync at a time on hand-built states: a Deployment
 * and its ReplicaSets built like the domain (`rs("web-v1", 3, { available: 3 })`), ReplicaSet statuses
 * set by hand as the ReplicaSet controller would, and the controller's events read back in order.
 */
import { Api } from "../../../src/engine/api/api";
import { deploymentController } from "../../../src/engine/controllers/deployment";
import { computeHash } from "../../../src/engine/controllers/deployment/hash";
import type { KObject } from "../../../src/engine/model/types";
import { runController } from "../../../src/engine/sim/loop";
import { allEvents } from "../../../src/engine/store/event-store";
import { type ClusterState, emptyState } from "../../../src/engine/store/state";
import { transact } from "../../../src/engine/store/transaction";

/** Options of a Deployment fixture. */
export interface DeploymentOpts {
  image?: string;
  maxSurge?: number | string;
  maxUnavailable?: number | string;
  minReadySeconds?: number;
  recreate?: boolean;
  paused?: boolean;
  revisionHistoryLimit?: number;
  progressDeadlineSeconds?: number;
  annotations?: Record<string, string>;
}

/** A pod template running `image` with label app=web. */
export function template(image: string): KObject["spec"] {
  return { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image }] } };
}

/** A Deployment manifest `web` selecting app=web. */
export function deployment(replicas: number, o: DeploymentOpts = {}): KObject {
  const strategy = o.recreate
    ? { type: "Recreate" }
    : {
        type: "RollingUpdate",
        rollingUpdate: { maxSurge: o.maxSurge ?? "25%", maxUnavailable: o.maxUnavailable ?? "25%" },
      };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", annotations: o.annotations },
    spec: {
      replicas,
      selector: { matchLabels: { app: "web" } },
      template: template(o.image ?? "web:v2"),
      strategy,
      minReadySeconds: o.minReadySeconds,
      paused: o.paused,
      revisionHistoryLimit: o.revisionHistoryLimit,
      progressDeadlineSeconds: o.progressDeadlineSeconds,
    },
  };
}

/** Options of a ReplicaSet fixture: its status counts and annotations. */
export interface RSOpts {
  image?: string;
  current?: number;
  ready?: number;
  available?: number;
  revision?: number;
  /** desired-replicas / max-replicas annotations (default: the fixture Deployment's at creation). */
  desired?: number;
  max?: number;
}

/** A ReplicaSet fixture (owner and hash label are added by the bench). */
export interface RSFixture {
  name: string;
  replicas: number;
  o: RSOpts;
}

/** `rs("web-v1", 3, { available: 3 })`: status current = ready = available unless given. */
export function rs(name: string, replicas: number, o: RSOpts = {}): RSFixture {
  return { name, replicas, o };
}

/** The bench. */
export class Bench {
  state: ClusterState = emptyState(1);
  private seen = new Map<string, number>();

  /** A Deployment and its ReplicaSets, created a second apart (oldest first) at t = 0…n. */
  constructor(d: KObject, sets: RSFixture[], status?: Record<string, number>) {
    this.write((api) => api.create("namespaces", { metadata: { name: "default" } }));
    const stored = this.write((api) => api.create("deployments", d, "default"));
    sets.forEach((f, i) => {
      this.state = { ...this.state, now: i * 1000 };
      const tpl = template(f.o.image ?? "web:v1");
      const hash = computeHash(tpl);
      tpl.metadata.labels["pod-template-hash"] = hash;
      const annotations: Record<string, string> = {
        "deployment.kubernetes.io/revision": String(f.o.revision ?? i + 1),
        "deployment.kubernetes.io/desired-replicas": String(f.o.desired ?? stored.spec.replicas),
      };
      if (f.o.max !== undefined) annotations["deployment.kubernetes.io/max-replicas"] = String(f.o.max);
      this.write((api) =>
        api.create(
          "replicasets",
          {
            apiVersion: "apps/v1",
            kind: "ReplicaSet",
            metadata: {
              name: f.name,
              labels: { ...tpl.metadata.labels },
              annotations,
              ownerReferences: [
                {
                  apiVersion: "apps/v1",
                  kind: "Deployment",
                  name: "web",
                  uid: stored.metadata.uid ?? "",
                  controller: true,
                },
              ],
            },
            spec: {
              replicas: f.replicas,
              selector: { matchLabels: { app: "web", "pod-template-hash": hash } },
              template: tpl,
            },
          },
          "default",
        ),
      );
      const current = f.o.current ?? f.o.ready ?? f.o.available ?? f.replicas;
      this.set(f.name, {
        replicas: current,
        ready: f.o.ready ?? f.o.available ?? current,
        available: f.o.available ?? 0,
      });
    });
    if (status) {
      this.write((api) =>
        api.updateStatus("deployments", {
          ...this.deployment(),
          status: { observedGeneration: 1, ...status },
        }),
      );
    }
    this.state = { ...this.state, now: 0 };
  }

  /** Runs `fn` against the API as the cluster admin, in one transaction. */
  write<T>(fn: (api: Api) => T): T {
    const r = transact(this.state, (draft) => fn(new Api(draft)));
    this.state = r.state;
    return r.result;
  }

  /** Moves the clock to `seconds`. */
  at(seconds: number): this {
    this.state = { ...this.state, now: seconds * 1000 };
    return this;
  }

  /** The stored Deployment. */
  deployment(): KObject {
    const d = this.state.objects.deployments?.get("default/web");
    if (!d) throw new Error("no deployment");
    return d;
  }

  /** Every ReplicaSet, oldest first. */
  sets(): KObject[] {
    return (this.state.objects.replicasets?.values() ?? []).sort(
      (a, b) =>
        (a.metadata.creationTimestamp ?? "").localeCompare(b.metadata.creationTimestamp ?? "") ||
        a.metadata.name.localeCompare(b.metadata.name),
    );
  }

  /** The ReplicaSet `name` (or the one whose template runs `image:` when name ends with ':'). */
  rs(name: string): KObject {
    const found = this.sets().find((s) => s.metadata.name === name);
    if (!found) throw new Error(`no replica set ${name}`);
    return found;
  }

  /** The ReplicaSet running `image`. */
  rsOf(image: string): KObject {
    const found = this.sets().find((s) => s.spec.template.spec.containers[0].image === image);
    if (!found) throw new Error(`no replica set running ${image}`);
    return found;
  }

  /** spec.replicas of every set, by name. */
  sizes(): Record<string, number> {
    return Object.fromEntries(this.sets().map((s) => [s.metadata.name, s.spec.replicas]));
  }

  /** Sets a ReplicaSet's status as the ReplicaSet controller would (zero counts left out). */
  set(name: string, st: { replicas?: number; ready?: number; available?: number }): this {
    const current = this.rs(name);
    const status: Record<string, number> = { observedGeneration: current.metadata.generation ?? 1 };
    if (st.replicas) status.replicas = st.replicas;
    if (st.ready) status.readyReplicas = st.ready;
    if (st.available) status.availableReplicas = st.available;
    this.write((api) => api.updateStatus("replicasets", { ...current, status }));
    return this;
  }

  /** One pass of the Deployment controller; returns its new event messages in order. */
  sync(): string[] {
    this.state = runController(this.state, deploymentController).state;
    return this.newEvents();
  }

  /** Passes until the controller writes nothing (at most 20); returns every new event message. */
  settle(): string[] {
    const out: string[] = [];
    for (let i = 0; i < 20; i++) {
      const r = runController(this.state, deploymentController);
      this.state = r.state;
      out.push(...this.newEvents());
      if (!r.wrote) return out;
    }
    throw new Error("controller did not settle");
  }

  /** The Deployment's condition of `type`. */
  condition(type: string): Record<string, string> | undefined {
    return (this.deployment().status?.conditions ?? []).find((c: { type: string }) => c.type === type);
  }

  private newEvents(): string[] {
    const events = allEvents(this.state).sort(
      (a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion),
    );
    const out: string[] = [];
    for (const e of events) {
      const key = e.metadata.name;
      const count = e.count ?? 1;
      if ((this.seen.get(key) ?? 0) < count) out.push(e.message);
      this.seen.set(key, count);
    }
    return out;
  }
}
