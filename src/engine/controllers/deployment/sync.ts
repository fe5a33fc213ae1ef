/**
 * sync.go: finding or creating the new ReplicaSet while syncing revisions and annotations
 * (getAllReplicaSetsAndSyncRevision), the scaling-event check, and proportional scaling (`scale`) that
 * runs for scaling events and on every sync of a paused Deployment.
 */
import { ApiError } from "../../api/errors";
import type { KObject } from "../../model/types";
import { newDeploymentCondition, REASONS, setDeploymentCondition } from "./conditions";
import {
  controllerRef,
  copy,
  type DeploymentSync,
  errorMessage,
  event,
  nowStamp,
  rsKey,
  SyncError,
  scaleReplicaSet,
  scaleReplicaSetAndRecordEvent,
  updateDeploymentStatus,
} from "./context";
import { computeHash } from "./hash";
import { maxRevision, revision, setDeploymentRevision, setNewReplicaSetAnnotations } from "./revisions";
import {
  compareBySizeNewer,
  compareBySizeOlder,
  equalIgnoreHash,
  filterActiveReplicaSets,
  findActiveOrLatest,
  findNewReplicaSet,
  findOldReplicaSets,
  getDesiredReplicasAnnotation,
  getProportion,
  getReplicaCountForReplicaSets,
  hasProgressDeadline,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  newRSNewReplicas,
  POD_TEMPLATE_HASH_LABEL,
  specReplicas,
} from "./util";

/** The new ReplicaSet (if any) and every other owned one. */
export interface ReplicaSets {
  newRS: KObject | undefined;
  oldRSs: KObject[];
}

/** Why the new set gets `count` replicas, in words with numbers ("3 desired + maxSurge 1 = 4 pods allowed, 3 exist"). */
export function scaleUpReason(d: KObject, allRSs: readonly (KObject | undefined)[]): string {
  if (!isRollingUpdate(d))
    return `Recreate: all ${specReplicas(d)} desired pods start once the old ones are gone`;
  const replicas = specReplicas(d);
  const surge = maxSurge(d);
  return `${replicas} desired + maxSurge ${surge} = ${replicas + surge} pods allowed, ${getReplicaCountForReplicaSets(allRSs)} exist`;
}

/**
 * getAllReplicaSetsAndSyncRevision: the new set (created when `create` and missing) and the old ones;
 * the new set's revision becomes max(old) + 1 and the Deployment's revision follows it.
 */
export function getAllReplicaSetsAndSyncRevision(
  s: DeploymentSync,
  rsList: KObject[],
  create: boolean,
): ReplicaSets {
  const oldRSs = findOldReplicaSets(s.d, rsList);
  const newRS = getNewReplicaSet(s, rsList, oldRSs, create);
  return { newRS, oldRSs };
}

function getNewReplicaSet(
  s: DeploymentSync,
  rsList: KObject[],
  oldRSs: KObject[],
  create: boolean,
): KObject | undefined {
  const existing = findNewReplicaSet(s.d, rsList);
  const newRevision = maxRevision(oldRSs) + 1;
  if (existing) return syncExistingNewReplicaSet(s, existing, newRevision);
  if (!create) return undefined;
  return createNewReplicaSet(s, oldRSs, newRevision);
}

function syncExistingNewReplicaSet(s: DeploymentSync, existing: KObject, newRevision: number): KObject {
  const rsCopy = copy(existing);
  const replicas = specReplicas(s.d);
  const annotationsUpdated = setNewReplicaSetAnnotations(s.d, rsCopy, newRevision, true, {
    desired: replicas,
    max: replicas + maxSurge(s.d),
  });
  const minReadySeconds = s.d.spec?.minReadySeconds ?? 0;
  if (annotationsUpdated || (rsCopy.spec?.minReadySeconds ?? 0) !== minReadySeconds) {
    rsCopy.spec.minReadySeconds = minReadySeconds;
    delete rsCopy.metadata.resourceVersion;
    const stored = copy(s.ctx.api.update("replicasets", rsCopy));
    const oldRev = existing.metadata.annotations?.["deployment.kubernetes.io/revision"];
    const newRev = stored.metadata.annotations?.["deployment.kubernetes.io/revision"];
    s.ctx.decide(
      rsKey(existing),
      oldRev !== newRev && oldRev !== undefined
        ? `renumbered ${existing.metadata.name} from revision ${oldRev} to ${newRev}: its template is the Deployment's again, and the newest revision is max(old revisions) + 1 = ${newRevision}`
        : `synced ${existing.metadata.name} with the Deployment: annotations copied, minReadySeconds ${minReadySeconds}`,
    );
    return stored;
  }
  let needsUpdate = setDeploymentRevision(s.d, String(revision(rsCopy) ?? 0));
  if (
    hasProgressDeadline(s.d) &&
    !(s.d.status?.conditions ?? []).some((c: { type: string }) => c.type === "Progressing")
  ) {
    setProgressing(s, "True", REASONS.foundNewReplicaSet, `Found new replica set "${rsCopy.metadata.name}"`);
    needsUpdate = true;
  }
  if (needsUpdate) {
    updateDeploymentStatus(
      s,
      `recorded revision ${revision(rsCopy)} of ${rsCopy.metadata.name} on the Deployment`,
    );
  }
  return rsCopy;
}

function createNewReplicaSet(s: DeploymentSync, oldRSs: KObject[], newRevision: number): KObject {
  const d = s.d;
  const template = copy(d.spec.template ?? {});
  const hash = computeHash(template, d.status?.collisionCount);
  template.metadata ??= {};
  template.metadata.labels = { ...(template.metadata.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const selector = copy(d.spec.selector ?? {});
  selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
  const newRS: KObject = {
    apiVersion: "apps/v1",
    kind: "ReplicaSet",
    metadata: {
      name: `${d.metadata.name}-${hash}`,
      namespace: d.metadata.namespace,
      labels: { ...template.metadata.labels },
      ownerReferences: [controllerRef(d)],
    },
    spec: { replicas: 0, minReadySeconds: d.spec.minReadySeconds ?? 0, selector, template },
  };
  const allRSs = [...oldRSs, newRS];
  const count = newRSNewReplicas(d, allRSs, newRS);
  newRS.spec.replicas = count;
  const replicas = specReplicas(d);
  setNewReplicaSetAnnotations(d, newRS, newRevision, false, {
    desired: replicas,
    max: replicas + maxSurge(d),
  });
  const created = tryCreate(s, newRS);
  const name = created.rs.metadata.name;
  if (!created.adopted) {
    s.ctx.decide(
      rsKey(created.rs),
      `created ${name} (revision ${newRevision}) with ${count} replica${count === 1 ? "" : "s"}: ${scaleUpReason(d, oldRSs)}`,
    );
    if (count > 0)
      event(s, "Normal", "ScalingReplicaSet", `Scaled up replica set ${name} from 0 to ${count}`);
  }
  let needsUpdate = setDeploymentRevision(s.d, String(newRevision));
  if (!created.adopted && hasProgressDeadline(s.d)) {
    setProgressing(s, "True", REASONS.newReplicaSetCreated, `Created new replica set "${name}"`);
    needsUpdate = true;
  }
  if (needsUpdate) updateDeploymentStatus(s, `recorded revision ${newRevision} (${name}) on the Deployment`);
  return created.rs;
}

/** Sets the Progressing condition on the working copy (written by the caller). */
function setProgressing(s: DeploymentSync, status: "True" | "False", reason: string, message: string): void {
  s.d.status ??= {};
  setDeploymentCondition(
    s.d.status,
    newDeploymentCondition("Progressing", status, reason, message, nowStamp(s)),
  );
}

/** Creates the set; an existing one of the same name is ours (adopted) or a hash collision. */
function tryCreate(s: DeploymentSync, newRS: KObject): { rs: KObject; adopted: boolean } {
  try {
    return { rs: copy(s.ctx.api.create("replicasets", newRS, newRS.metadata.namespace)), adopted: false };
  } catch (e) {
    if (e instanceof ApiError && e.reason === "AlreadyExists") {
      const found = copy(s.ctx.api.get("replicasets", newRS.metadata.namespace, newRS.metadata.name));
      const ours = (found.metadata.ownerReferences ?? []).some(
        (r) => r.controller && r.uid === s.d.metadata.uid,
      );
      if (ours && equalIgnoreHash(found.spec?.template, s.d.spec?.template))
        return { rs: found, adopted: true };
      s.d.status ??= {};
      const before = s.d.status.collisionCount;
      s.d.status.collisionCount = (before ?? 0) + 1;
      updateDeploymentStatus(
        s,
        `hash collision on ${newRS.metadata.name}: collisionCount ${before ?? "unset"} → ${s.d.status.collisionCount}, the next attempt hashes differently`,
      );
      throw new SyncError(errorMessage(e), true);
    }
    const msg = `Failed to create new replica set "${newRS.metadata.name}": ${errorMessage(e)}`;
    if (hasProgressDeadline(s.d)) {
      setProgressing(s, "False", REASONS.failedRSCreate, msg);
      updateDeploymentStatus(s, msg);
    }
    event(s, "Warning", REASONS.failedRSCreate, msg);
    throw new SyncError(msg);
  }
}

/** isScalingEvent: an active set's desired-replicas annotation differs from spec.replicas. */
export function isScalingEvent(s: DeploymentSync, rsList: KObject[]): boolean {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  const replicas = specReplicas(s.d);
  return filterActiveReplicaSets([...oldRSs, newRS]).some((rs) => {
    const desired = getDesiredReplicasAnnotation(rs);
    return desired !== undefined && desired !== replicas;
  });
}

/**
 * scale(): one active set (or none: the new one, else the newest) takes spec.replicas; a saturated new
 * set sends the old ones to 0; otherwise (RollingUpdate only) toAdd = replicas + maxSurge − Σ active is
 * shared in proportion to each set's size, the leftover going to the first set in the sort order.
 * Docs example: 10 → 15 with old 8 / new 5 (max-replicas 13) → old 11, new 7.
 */
export function scale(s: DeploymentSync, newRS: KObject | undefined, oldRSs: KObject[]): void {
  const d = s.d;
  const replicas = specReplicas(d);
  const single = findActiveOrLatest(newRS, oldRSs);
  if (single) {
    if (specReplicas(single) !== replicas) {
      scaleReplicaSetAndRecordEvent(
        s,
        single,
        replicas,
        `it is the only active replica set, so it takes all ${replicas} desired replicas`,
      );
    }
    return;
  }
  if (isSaturated(d, newRS)) {
    for (const old of filterActiveReplicaSets(oldRSs)) {
      scaleReplicaSetAndRecordEvent(
        s,
        old,
        0,
        `the new replica set already has all ${replicas} replicas available`,
      );
    }
    return;
  }
  if (!isRollingUpdate(d)) return;
  const active = filterActiveReplicaSets([...oldRSs, newRS]);
  const total = getReplicaCountForReplicaSets(active);
  const allowed = replicas > 0 ? replicas + maxSurge(d) : 0;
  const toAdd = allowed - total;
  if (toAdd > 0) active.sort(compareBySizeNewer);
  else if (toAdd < 0) active.sort(compareBySizeOlder);
  const sizes = new Map<string, number>();
  let added = 0;
  for (const rs of active) {
    const proportion = toAdd !== 0 ? getProportion(rs, d, toAdd, added) : 0;
    sizes.set(rs.metadata.name, specReplicas(rs) + proportion);
    added += proportion;
  }
  const why = `proportional scaling: ${replicas} desired + maxSurge ${maxSurge(d)} = ${allowed} allowed, ${total} in active replica sets, ${toAdd >= 0 ? "+" : ""}${toAdd} shared by size`;
  active.forEach((rs, i) => {
    let size = sizes.get(rs.metadata.name) ?? 0;
    if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
    scaleReplicaSet(s, rs, size, why);
  });
}
