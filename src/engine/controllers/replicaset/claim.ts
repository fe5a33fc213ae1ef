/**
 * ClaimPods (pkg/controller/controller_ref_manager.go) for one ReplicaSet, run at the start of each sync
 * on the active pods of its namespace:
 *  - a pod it controls whose labels no longer match its selector is released: its ownerReference to
 *    the ReplicaSet is removed (a strategic-merge `$patch: delete` by uid); the pod lives on, orphaned,
 *    and the ReplicaSet, one pod short, creates a replacement;
 *  - an orphan (no controller reference) that matches the selector, is not being deleted and is in the
 *    same namespace is adopted: a controller ownerReference (controller and blockOwnerDeletion true) is
 *    added, and the pod counts towards the replicas instead of a new one being created;
 *  - a ReplicaSet being deleted neither releases nor adopts.
 * Pods controlled by another object are never touched.
 */
import { ApiError } from "../../api/errors";
import { matchesRequirements, type Requirement, requirementsOf } from "../../model/labels";
import type { KObject } from "../../model/types";
import type { ControllerContext } from "../controller";
import { isPodActive } from "../podutil";

/** The pods a ReplicaSet ends a claim with, and what the claim changed. */
export interface Claim {
  /** Pods it controls after the claim (kept and adopted). */
  pods: KObject[];
  released: string[];
  adopted: string[];
}

/** Selector matches cached per labels object (label maps survive status writes unchanged, so most pods hit). */
const matchCache = new WeakMap<object, { reqs: readonly Requirement[]; match: boolean }>();

/** True when the selector requirements `reqs` select `pod` (cached per labels object). */
export function selectorMatches(reqs: readonly Requirement[], pod: KObject): boolean {
  const labels = pod.metadata.labels;
  if (!labels) return matchesRequirements(reqs, labels);
  const hit = matchCache.get(labels);
  if (hit && hit.reqs === reqs) return hit.match;
  const match = matchesRequirements(reqs, labels);
  matchCache.set(labels, { reqs, match });
  return match;
}

/** Requirements per selector object (the selector of a stored ReplicaSet is the same object until it changes). */
const reqsCache = new WeakMap<object, Requirement[]>();

/** The requirements of `rs`'s selector (none for a nil selector, which selects nothing). */
export function selectorRequirements(rs: KObject): readonly Requirement[] {
  const selector = rs.spec?.selector;
  if (!selector) return [];
  let reqs = reqsCache.get(selector);
  if (!reqs) {
    reqs = requirementsOf(selector);
    reqsCache.set(selector, reqs);
  }
  return reqs;
}

/**
 * Claims pods for `rs`: `owned` are the pods whose controller reference names it (any phase), `orphans`
 * the pods of any namespace with no controller reference. Inactive pods are left as they are.
 */
export function claimPods(
  ctx: ControllerContext,
  rs: KObject,
  owned: readonly KObject[],
  orphans: readonly KObject[],
): Claim {
  const claim: Claim = { pods: [], released: [], adopted: [] };
  // A nil selector selects nothing (LabelSelectorAsSelector): every owned pod would be released.
  const reqs = selectorRequirements(rs);
  const hasSelector = !!rs.spec?.selector;
  const deleting = !!rs.metadata.deletionTimestamp;
  for (const pod of owned) {
    if (!isPodActive(pod) || (hasSelector && selectorMatches(reqs, pod))) claim.pods.push(pod);
    // Owned but no longer matching: released, unless the ReplicaSet is being deleted (then just not counted).
    else if (!deleting && release(ctx, rs, pod)) claim.released.push(pod.metadata.name);
  }
  if (deleting || !hasSelector) return claim;
  for (const pod of orphans) {
    if (pod.metadata.namespace !== rs.metadata.namespace || !isPodActive(pod) || !selectorMatches(reqs, pod))
      continue;
    const adopted = adopt(ctx, rs, pod);
    if (adopted) {
      claim.pods.push(adopted);
      claim.adopted.push(pod.metadata.name);
    }
  }
  return claim;
}

/** ReleasePod: removes the ownerReference with the ReplicaSet's uid; false if the pod is gone. */
function release(ctx: ControllerContext, rs: KObject, pod: KObject): boolean {
  const others = (pod.metadata.ownerReferences ?? []).filter((r) => r.uid !== rs.metadata.uid);
  // The `$patch: delete` of ReleasePod; when it empties the list, the stored pod has no ownerReferences
  // at all (Go's omitempty drops an empty list), which a null in the patch gives directly.
  const refs = others.length > 0 ? [{ $patch: "delete", uid: rs.metadata.uid }] : null;
  return patchPod(ctx, pod, { metadata: { ownerReferences: refs, uid: pod.metadata.uid } }) !== undefined;
}

/** AdoptPod: adds the ReplicaSet as the pod's controller; the patched pod, or undefined if it is gone. */
function adopt(ctx: ControllerContext, rs: KObject, pod: KObject): KObject | undefined {
  const ref = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    name: rs.metadata.name,
    uid: rs.metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
  return patchPod(ctx, pod, { metadata: { ownerReferences: [ref], uid: pod.metadata.uid } });
}

function patchPod(ctx: ControllerContext, pod: KObject, body: unknown): KObject | undefined {
  try {
    return ctx.api.patch("pods", pod.metadata.namespace, pod.metadata.name, "strategic", body);
  } catch (e) {
    // NotFound (the pod went away meanwhile) is ignored, as ClaimObject does; so is any other refusal.
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}
