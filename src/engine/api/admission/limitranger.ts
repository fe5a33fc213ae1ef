/**
 * LimitRanger admission (plugin/pkg/admission/limitranger). Mutating: containers without a request or
 * limit get the LimitRange's `defaultRequest`/`default`, and the pod is annotated
 * `kubernetes.io/limit-ranger: LimitRanger plugin set: cpu request for container http-go; cpu limit for
 * container http-go`. Validating: Container and Pod min/max/maxLimitRequestRatio, refused as
 * `maximum cpu usage per Container is 500m, but limit is 1` (several: `[a, b]`).
 */

import { canonicalQuantity, parseQuantity, type Quantity } from "../../model/quantity";
import { qualifiedResource } from "../../model/resources";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import type { AdmissionPlugin, AdmissionRequest } from "../admission";
import { forbidden } from "../errors";
import { containerList, podTotals, quantityString, type Usage } from "./usage";

const ANNOTATION = "kubernetes.io/limit-ranger";

/** The LimitRanger plugin: pod creates only (container resources are immutable after that). */
export const limitRangerPlugin: AdmissionPlugin = {
  name: "LimitRanger",
  admit(req, state) {
    if (!applies(req)) return;
    for (const lr of limitRangesOf(state, req.namespace as string)) mutatePod(lr, req.object);
  },
  validate(req, state) {
    if (!applies(req)) return;
    for (const lr of limitRangesOf(state, req.namespace as string)) {
      const errors = validatePod(lr, req.object);
      if (errors.length === 0) continue;
      const unique = [...new Set(errors)];
      const why = unique.length === 1 ? (unique[0] as string) : `[${unique.join(", ")}]`;
      throw forbidden(qualifiedResource(req.type), req.name, why);
    }
  },
};

function applies(req: AdmissionRequest): boolean {
  return (
    req.operation === "CREATE" &&
    !req.subresource &&
    req.type.kind === "Pod" &&
    req.type.group === "" &&
    !!req.namespace
  );
}

/** The LimitRanges of a namespace, by name. */
export function limitRangesOf(state: ClusterState, namespace: string): KObject[] {
  return (state.objects.limitranges?.values() ?? [])
    .filter((o) => o.metadata.namespace === namespace)
    .sort((a, b) => (a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0));
}

interface LimitItem {
  type: string;
  max?: Record<string, string>;
  min?: Record<string, string>;
  default?: Record<string, string>;
  defaultRequest?: Record<string, string>;
  maxLimitRequestRatio?: Record<string, string>;
}

function itemsOf(lr: KObject): LimitItem[] {
  return lr.spec?.limits ?? [];
}

/** PodMutateLimitFunc: fill missing requests/limits from the Container items, and say so in the annotation. */
function mutatePod(lr: KObject, pod: KObject): void {
  const defaults = { requests: {} as Record<string, string>, limits: {} as Record<string, string> };
  for (const item of itemsOf(lr)) {
    if (item.type !== "Container") continue;
    Object.assign(defaults.requests, item.defaultRequest ?? {});
    Object.assign(defaults.limits, item.default ?? {});
  }
  const notes: string[] = [];
  const merge = (containers: KObject[] | undefined, prefix: string) => {
    for (const c of containers ?? []) notes.push(...mergeContainer(c, defaults, prefix));
  };
  merge(pod.spec?.containers, "container");
  merge(pod.spec?.initContainers, "init container");
  if (notes.length === 0) return;
  pod.metadata.annotations = {
    ...(pod.metadata.annotations ?? {}),
    [ANNOTATION]: `LimitRanger plugin set: ${notes.join("; ")}`,
  };
}

function mergeContainer(
  c: KObject,
  defaults: { requests: Record<string, string>; limits: Record<string, string> },
  prefix: string,
): string[] {
  c.resources ??= {};
  c.resources.limits ??= {};
  c.resources.requests ??= {};
  const setLimits = Object.keys(defaults.limits).filter((k) => !(k in c.resources.limits));
  for (const k of setLimits) c.resources.limits[k] = defaults.limits[k];
  const setRequests = Object.keys(defaults.requests).filter((k) => !(k in c.resources.requests));
  for (const k of setRequests) c.resources.requests[k] = defaults.requests[k];
  if (Object.keys(c.resources.limits).length === 0) delete c.resources.limits;
  if (Object.keys(c.resources.requests).length === 0) delete c.resources.requests;
  const notes: string[] = [];
  if (setRequests.length > 0) notes.push(`${setRequests.sort().join(", ")} request for ${prefix} ${c.name}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(", ")} limit for ${prefix} ${c.name}`);
  return notes;
}

/** PodValidateLimitFunc: every violation of one LimitRange, in item order, resources sorted by name. */
function validatePod(lr: KObject, pod: KObject): string[] {
  const errors: string[] = [];
  for (const item of itemsOf(lr)) {
    if (item.type === "Container") {
      const containers = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])];
      for (const c of containers) {
        errors.push(
          ...checkItem(item, "Container", containerList(c, "requests"), containerList(c, "limits")),
        );
      }
    } else if (item.type === "Pod") {
      errors.push(...checkItem(item, "Pod", podTotals(pod, "requests"), podTotals(pod, "limits")));
    }
  }
  return errors;
}

function checkItem(item: LimitItem, type: string, requests: Usage, limits: Usage): string[] {
  const errors: string[] = [];
  for (const [k, v] of sorted(item.min)) pushIf(errors, minConstraint(type, k, v, requests, limits));
  for (const [k, v] of sorted(item.max)) pushIf(errors, maxConstraint(type, k, v, requests, limits));
  for (const [k, v] of sorted(item.maxLimitRequestRatio))
    pushIf(errors, ratioConstraint(type, k, v, requests, limits));
  return errors;
}

function sorted(list: Record<string, string> | undefined): [string, string][] {
  return Object.entries(list ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function pushIf(errors: string[], e: string | undefined): void {
  if (e) errors.push(e);
}

function milli(v: string): bigint {
  return parseQuantity(v)?.milli ?? 0n;
}

function minConstraint(
  type: string,
  k: string,
  v: string,
  requests: Usage,
  limits: Usage,
): string | undefined {
  const enforced = canonicalQuantity(v);
  const req = requests.get(k);
  const lim = limits.get(k);
  if (!req) return `minimum ${k} usage per ${type} is ${enforced}.  No request is specified`;
  if (req.milli < milli(v))
    return `minimum ${k} usage per ${type} is ${enforced}, but request is ${text(req)}`;
  if (lim && lim.milli < milli(v))
    return `minimum ${k} usage per ${type} is ${enforced}, but limit is ${text(lim)}`;
  return undefined;
}

function maxConstraint(
  type: string,
  k: string,
  v: string,
  requests: Usage,
  limits: Usage,
): string | undefined {
  const enforced = canonicalQuantity(v);
  const req = requests.get(k);
  const lim = limits.get(k);
  if (!lim) return `maximum ${k} usage per ${type} is ${enforced}.  No limit is specified`;
  if (lim.milli > milli(v)) return `maximum ${k} usage per ${type} is ${enforced}, but limit is ${text(lim)}`;
  if (req && req.milli > milli(v))
    return `maximum ${k} usage per ${type} is ${enforced}, but request is ${text(req)}`;
  return undefined;
}

function ratioConstraint(
  type: string,
  k: string,
  v: string,
  requests: Usage,
  limits: Usage,
): string | undefined {
  const enforced = canonicalQuantity(v);
  const req = requests.get(k);
  const lim = limits.get(k);
  if (!req || req.milli === 0n)
    return `${k} max limit to request ratio per ${type} is ${enforced}, but no request is specified or request is 0`;
  if (!lim || lim.milli === 0n)
    return `${k} max limit to request ratio per ${type} is ${enforced}, but no limit is specified or limit is 0`;
  const observed = Number(lim.milli) / Number(req.milli);
  // Compared at milli precision, as requestLimitEnforcedValues does: ratio × 1000 against the milli value.
  if (observed * 1000 > Number(milli(v)))
    return `${k} max limit to request ratio per ${type} is ${enforced}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

/** Quantity.String() of a parsed value (binary values stay binary: `1Gi`). */
function text(q: Quantity): string {
  return quantityString(q);
}
