/**
 * progress.go and the status half of sync.go: the Deployment status computed from its ReplicaSets, the
 * Available condition, the Progressing condition with its deadline, ReplicaFailure copied from the sets,
 * and the DeploymentPaused / DeploymentResumed conditions.
 */

import { canonicalJson } from "../../model/canonical";
import type { DeploymentCondition, DeploymentStatus, KObject } from "../../model/types";
import { simTime } from "../../store/state";
import {
  getDeploymentCondition,
  newDeploymentCondition,
  REASONS,
  removeDeploymentCondition,
  setDeploymentCondition,
} from "./conditions";
import { copy, type DeploymentSync, nowEpochMs, nowStamp, updateDeploymentStatus } from "./context";
import {
  deploymentComplete,
  deploymentProgressing,
  deploymentTimedOut,
  getActualReplicaCountForReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReadyReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  hasProgressDeadline,
  maxUnavailable,
  specReplicas,
} from "./util";

/**
 * calculateStatus: counts from the sets (unavailable uses SPEC counts, so surge pods that do not exist
 * yet count as unavailable) and the Available condition: True when available ≥ replicas − maxUnavailable.
 * Zero counts are left out, as the API serializes them.
 */
export function calculateStatus(
  allRSs: readonly (KObject | undefined)[],
  newRS: KObject | undefined,
  d: KObject,
  now: string,
): DeploymentStatus {
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  const unavailable = Math.max(0, getReplicaCountForReplicaSets(allRSs) - available);
  const counts: Record<string, number | undefined> = {
    observedGeneration: d.metadata.generation,
    replicas: getActualReplicaCountForReplicaSets(allRSs),
    updatedReplicas: getActualReplicaCountForReplicaSets([newRS]),
    readyReplicas: getReadyReplicaCountForReplicaSets(allRSs),
    availableReplicas: available,
    unavailableReplicas: unavailable,
  };
  const status: DeploymentStatus = {};
  for (const [k, v] of Object.entries(counts)) if (v) (status as Record<string, number>)[k] = v;
  if (d.status?.conditions?.length) status.conditions = copy(d.status.conditions);
  if (d.status?.collisionCount !== undefined) status.collisionCount = d.status.collisionCount;
  const condition =
    available >= specReplicas(d) - maxUnavailable(d)
      ? newDeploymentCondition(
          "Available",
          "True",
          REASONS.minimumReplicasAvailable,
          "Deployment has minimum availability.",
          now,
        )
      : newDeploymentCondition(
          "Available",
          "False",
          REASONS.minimumReplicasUnavailable,
          "Deployment does not have minimum availability.",
          now,
        );
  setDeploymentCondition(status, condition);
  return status;
}

/** True when two statuses serialize alike (reflect.DeepEqual of the real controller). */
function sameStatus(a: DeploymentStatus | undefined, b: DeploymentStatus): boolean {
  return canonicalJson(a ?? {}) === canonicalJson(b);
}

/** syncDeploymentStatus: counts and Available only (paused and scaling syncs); no progress estimate. */
export function syncDeploymentStatus(
  s: DeploymentSync,
  allRSs: (KObject | undefined)[],
  newRS: KObject | undefined,
): boolean {
  const status = calculateStatus(allRSs, newRS, s.d, nowStamp(s));
  if (sameStatus(s.d.status, status)) return false;
  s.d.status = status;
  updateDeploymentStatus(s, describeStatus(status, "status"));
  return true;
}

/**
 * syncRolloutStatus: status plus the Progressing condition (first match wins: complete →
 * NewReplicaSetAvailable; progress → ReplicaSetUpdated, always rewritten so lastUpdateTime moves;
 * deadline passed → ProgressDeadlineExceeded) unless the rollout already completed, then ReplicaFailure.
 */
export function syncRolloutStatus(
  s: DeploymentSync,
  allRSs: (KObject | undefined)[],
  newRS: KObject | undefined,
): boolean {
  const d = s.d;
  const now = nowStamp(s);
  const status = calculateStatus(allRSs, newRS, d, now);
  if (!hasProgressDeadline(d)) removeDeploymentCondition(status, "Progressing");
  const current = getDeploymentCondition(d.status, "Progressing");
  const complete =
    status.replicas === status.updatedReplicas && current?.reason === REASONS.newReplicaSetAvailable;
  if (hasProgressDeadline(d) && !complete) estimateProgress(s, status, newRS, current, now);
  const failure = getReplicaFailures(allRSs, newRS);
  if (failure) setDeploymentCondition(status, failure);
  else removeDeploymentCondition(status, "ReplicaFailure");
  if (sameStatus(d.status, status)) return false;
  const before = getDeploymentCondition(d.status, "Progressing");
  const after = getDeploymentCondition(status, "Progressing");
  s.d.status = status;
  const change =
    after && (after.reason !== before?.reason || after.lastUpdateTime !== before?.lastUpdateTime)
      ? `; Progressing=${after.status} ${after.reason}: ${after.message}`
      : "";
  updateDeploymentStatus(s, `${describeStatus(status, "rollout status")}${change}`);
  return true;
}

function estimateProgress(
  s: DeploymentSync,
  status: DeploymentStatus,
  newRS: KObject | undefined,
  current: DeploymentCondition | undefined,
  now: string,
): void {
  const d = s.d;
  const subject = newRS ? `ReplicaSet "${newRS.metadata.name}"` : `Deployment "${d.metadata.name}"`;
  if (deploymentComplete(d, status)) {
    const c = newDeploymentCondition(
      "Progressing",
      "True",
      REASONS.newReplicaSetAvailable,
      `${subject} has successfully progressed.`,
      now,
    );
    setDeploymentCondition(status, c);
  } else if (deploymentProgressing(d, status)) {
    const c = newDeploymentCondition(
      "Progressing",
      "True",
      REASONS.replicaSetUpdated,
      `${subject} is progressing.`,
      now,
    );
    if (current) {
      if (current.status === "True") c.lastTransitionTime = current.lastTransitionTime;
      removeDeploymentCondition(status, "Progressing");
    }
    setDeploymentCondition(status, c);
  } else if (deploymentTimedOut(d, status, nowEpochMs(s))) {
    const c = newDeploymentCondition(
      "Progressing",
      "False",
      REASONS.timedOut,
      `${subject} has timed out progressing.`,
      now,
    );
    setDeploymentCondition(status, c);
  }
}

/** getReplicaFailures: the new set's ReplicaFailure first, else any set's; lastUpdateTime = its lastTransitionTime. */
export function getReplicaFailures(
  allRSs: readonly (KObject | undefined)[],
  newRS: KObject | undefined,
): DeploymentCondition | undefined {
  const fromSet = (rs: KObject | undefined) =>
    (rs?.status?.conditions ?? []).find((c: { type: string }) => c.type === "ReplicaFailure") as
      | DeploymentCondition
      | undefined;
  const c = fromSet(newRS) ?? allRSs.map(fromSet).find((x) => x);
  if (!c) return undefined;
  return {
    type: "ReplicaFailure",
    status: c.status,
    lastUpdateTime: c.lastTransitionTime,
    lastTransitionTime: c.lastTransitionTime,
    reason: c.reason,
    message: c.message,
  };
}

/**
 * checkPausedConditions: with a deadline, and unless the rollout already timed out, a pause sets
 * Progressing=Unknown DeploymentPaused "Deployment is paused" and a resume DeploymentResumed "Deployment
 * is resumed", written at once (the resume restarts the deadline clock).
 */
export function checkPausedConditions(s: DeploymentSync): void {
  const d = s.d;
  if (!hasProgressDeadline(d)) return;
  const cond = getDeploymentCondition(d.status, "Progressing");
  if (cond?.reason === REASONS.timedOut) return;
  const pausedExists = cond?.reason === REASONS.paused;
  const paused = !!d.spec?.paused;
  let c: DeploymentCondition | undefined;
  if (paused && !pausedExists)
    c = newDeploymentCondition("Progressing", "Unknown", REASONS.paused, "Deployment is paused", nowStamp(s));
  else if (!paused && pausedExists)
    c = newDeploymentCondition(
      "Progressing",
      "Unknown",
      REASONS.resumed,
      "Deployment is resumed",
      nowStamp(s),
    );
  if (!c) return;
  d.status ??= {};
  setDeploymentCondition(d.status, c);
  updateDeploymentStatus(s, `Progressing=Unknown ${c.reason}: ${c.message}`);
}

/**
 * When the progress deadline of a Deployment next needs a look (requeueStuckDeployment): the first whole
 * second strictly after lastUpdateTime + progressDeadlineSeconds, while a rollout is in progress.
 * Example: deadline 600 s, last progress at 10 s → 611 s.
 */
export function progressDeadlineWake(d: KObject, state: { epoch: number; now: number }): number | undefined {
  if (!hasProgressDeadline(d) || d.spec?.paused) return undefined;
  const cond = getDeploymentCondition(d.status, "Progressing");
  if (!cond) return undefined;
  if (
    cond.reason === REASONS.newReplicaSetAvailable ||
    cond.reason === REASONS.timedOut ||
    cond.reason === REASONS.paused
  ) {
    return undefined;
  }
  if (deploymentComplete(d, d.status ?? {})) return undefined;
  const from = simTime(state, cond.lastUpdateTime);
  if (from === undefined) return undefined;
  const t = from + (d.spec.progressDeadlineSeconds ?? 0) * 1000 + 1000;
  return t > state.now ? t : undefined;
}

function describeStatus(status: DeploymentStatus, what: string): string {
  return `${what}: ${status.replicas ?? 0} pods, ${status.updatedReplicas ?? 0} updated, ${status.readyReplicas ?? 0} ready, ${status.availableReplicas ?? 0} available, ${status.unavailableReplicas ?? 0} unavailable`;
}
