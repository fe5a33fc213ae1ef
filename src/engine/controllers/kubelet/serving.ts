/**
 * What a pod answers on a TCP port and HTTP path right now, from the image catalog and the kubelet's
 * runtime: the readiness prober and the simulated network (sim/network.ts) both ask here, so a probe
 * and a `wget` from another pod see the same app.
 */
import { type ImageSpec, type ResolvedImage, renderTemplate, resolveImage } from "../../model/images";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import { baseState } from "../podutil";
import { type PodRuntime, peekKubelet } from "./runtime";

/** An answer: refused (nothing listens) or an HTTP response. */
export type PortAnswer = { kind: "refused" } | { kind: "http"; status: number; body: string };

/** The image catalog in force (state.runtime.images). */
export function catalog(state: ClusterState): readonly ImageSpec[] {
  return (baseState(state).runtime.images as ImageSpec[] | undefined) ?? NO_IMAGES;
}

const NO_IMAGES: ImageSpec[] = [];
const resolved = new WeakMap<readonly ImageSpec[], Map<string, ResolvedImage | undefined>>();

/** resolveImage against the catalog in force, memoized per catalog value (it is immutable between commits). */
export function lookupImage(state: ClusterState, image: string): ResolvedImage | undefined {
  const cat = catalog(state);
  let memo = resolved.get(cat);
  if (!memo) resolved.set(cat, (memo = new Map()));
  if (!memo.has(image)) memo.set(image, resolveImage(cat, image));
  return memo.get(image);
}

/** Resolves a named container port (`http`) to its number; numbers pass through. */
export function portNumber(pod: KObject, port: number | string | undefined): number | undefined {
  if (typeof port === "number") return port;
  if (port === undefined) return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  for (const c of pod.spec?.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === port) return p.containerPort;
  }
  return undefined;
}

/** What the pod answers on `port` for `path` at the state's current instant. */
export function podAnswer(state: ClusterState, pod: KObject, port: number, path: string): PortAnswer {
  const rt: PodRuntime | undefined = peekKubelet(state)?.pods.get(podKey(pod));
  if (!rt || rt.uid !== pod.metadata.uid) return { kind: "refused" };
  for (const c of rt.containers) {
    if (c.step !== "running" || !c.serves) continue;
    const image = lookupImage(state, c.image);
    if (!image || !(image.ports ?? []).includes(port)) continue;
    if ((c.startedAt ?? 0) + (image.listenAfterSeconds ?? 0) * 1000 > state.now) continue;
    const http = image.http ?? {};
    const answer = http[path.split("?")[0] || "/"] ?? http["*"];
    const vars = { pod: pod.metadata.name, version: image.version ?? image.tag, ip: rt.ip };
    if (!answer) return { kind: "http", status: 404, body: "404 page not found\n" };
    return { kind: "http", status: answer.status, body: renderTemplate(answer.body, vars) };
  }
  return { kind: "refused" };
}

/** `default/http-go-…`: the key of a pod in the store and in the kubelet runtime. */
export function podKey(pod: KObject): string {
  return `${pod.metadata.namespace ?? "default"}/${pod.metadata.name}`;
}
