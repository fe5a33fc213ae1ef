/** Fixture builders for the pod-level engine tests: a cluster, pods and ReplicaSets that read like the domain. */
import {
  allEvents,
  type Cluster,
  createCluster,
  type ImageSpec,
  type KObject,
} from "../../../src/engine/index";

/** A fresh cluster (seed 1 unless given). */
export function cluster(seed = 1, images?: ImageSpec[]): Cluster {
  return createCluster({ seed, images });
}

/** A bare pod manifest with one container. */
export function pod(
  name: string,
  image: string,
  extra: Record<string, unknown> = {},
  labels = { run: name },
): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name, labels },
    spec: { containers: [{ name, image, ...extra }] },
  };
}

/** A ReplicaSet manifest `rs(name, replicas, image)` selecting `app=<name>`. */
export function rs(
  name: string,
  replicas: number,
  image: string,
  extra: Record<string, unknown> = {},
): KObject {
  return {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: { name, labels: { app: name } },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: "app", image, ...extra }] },
      },
    },
  };
}

/** The stored pod `name` in default. */
export function getPod(c: Cluster, name: string): KObject {
  const p = c.state.objects.pods?.get(`default/${name}`);
  if (!p) throw new Error(`no pod ${name}`);
  return p;
}

/** Event messages about `name`, oldest first, as `Reason: message`. */
export function eventsOf(c: Cluster, name: string): string[] {
  return allEvents(c.state)
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.reason}: ${e.message}`);
}

/** Pods in default whose name starts with `prefix`, sorted by name. */
export function podsOf(c: Cluster, prefix: string): KObject[] {
  return (c.state.objects.pods?.values() ?? [])
    .filter((p) => p.metadata.name.startsWith(prefix))
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : 1));
}
