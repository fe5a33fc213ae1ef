/**
 * rolling.go: one step of a RollingUpdate per sync. Scale the new ReplicaSet up if the surge allows,
 * else scale old ones down if availability allows (unhealthy pods first, then oldest sets first), else
 * clean up old sets once complete; then write the rollout status.
 */
import type { KObject } from "../../model/types";
import { cleanupDeployment } from "./cleanup";
import { type DeploymentSync, SyncError, scaleReplicaSetAndRecordEvent } from "./context";
import { syncRolloutStatus } from "./progress";
import { getAllReplicaSetsAndSyncRevision, scaleUpReason } from "./sync";
import {
  compareByCreation,
  deploymentComplete,
  filterActiveReplicaSets,
  getAvailableReplicaCountForReplicaSets,
  getReplicaCountForReplicaSets,
  maxUnavailable,
  newRSNewReplicas,
  specReplicas,
} from "./util";

/** rolloutRolling: one step; the sync that creates the new set may also scale old ones down. */
export function rolloutRolling(s: DeploymentSync, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true);
  if (!newRS) throw new SyncError("no new replica set");
  const allRSs = [...oldRSs, newRS];
  if (reconcileNewReplicaSet(s, allRSs, newRS)) {
    syncRolloutStatus(s, allRSs, newRS);
    return;
  }
  if (reconcileOldReplicaSets(s, allRSs, filterActiveReplicaSets(oldRSs), newRS)) {
    syncRolloutStatus(s, allRSs, newRS);
    return;
  }
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

/** reconcileNewReplicaSet: down to spec.replicas if above it, else up to NewRSNewReplicas. */
export function reconcileNewReplicaSet(s: DeploymentSync, allRSs: KObject[], newRS: KObject): boolean {
  const replicas = specReplicas(s.d);
  const current = specReplicas(newRS);
  if (current === replicas) return false;
  if (current > replicas) {
    return scaleReplicaSetAndRecordEvent(s, newRS, replicas, `the Deployment wants only ${replicas}`).scaled;
  }
  const next = newRSNewReplicas(s.d, allRSs, newRS);
  return scaleReplicaSetAndRecordEvent(s, newRS, next, scaleUpReason(s.d, allRSs)).scaled;
}

/**
 * reconcileOldReplicaSets: maxScaledDown = Σ spec − minAvailable − (new spec − new available); if > 0,
 * first remove unavailable old pods (oldest set first), then scale old sets down oldest first by
 * Σ available − minAvailable. Example B: 13 − 8 − 3 = 2 → old 10 → 8 in the creating sync.
 */
export function reconcileOldReplicaSets(
  s: DeploymentSync,
  allRSs: KObject[],
  oldRSs: KObject[],
  newRS: KObject,
): boolean {
  if (getReplicaCountForReplicaSets(oldRSs) === 0) return false;
  const allPods = getReplicaCountForReplicaSets(allRSs);
  const minAvailable = specReplicas(s.d) - maxUnavailable(s.d);
  const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
  const maxScaledDown = allPods - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  const budget = `${allPods} pods − ${minAvailable} must stay available − ${newUnavailable} new not yet available = ${maxScaledDown} may go`;
  const cleaned = cleanupUnhealthyReplicas(s, oldRSs, maxScaledDown, budget);
  if (!cleaned) return false;
  const scaledDown = scaleDownOldReplicaSetsForRollingUpdate(s, [...cleaned.oldRSs, newRS], cleaned.oldRSs);
  if (scaledDown === undefined) return false;
  return cleaned.count + scaledDown > 0;
}

/** cleanupUnhealthyReplicas: oldest first, drop up to maxCleanup pods that are not available anyway. */
function cleanupUnhealthyReplicas(
  s: DeploymentSync,
  oldRSs: KObject[],
  maxCleanup: number,
  budget: string,
): { oldRSs: KObject[]; count: number } | undefined {
  const sorted = [...oldRSs].sort(compareByCreation);
  let total = 0;
  for (let i = 0; i < sorted.length; i++) {
    const rs = sorted[i] as KObject;
    if (total >= maxCleanup) break;
    const spec = specReplicas(rs);
    const available = rs.status?.availableReplicas ?? 0;
    if (spec === 0 || spec === available) continue;
    const count = Math.min(maxCleanup - total, spec - available);
    // available > spec (status not caught up yet) would "scale down" upwards: the real code errors out.
    if (count < 0) return undefined;
    const why = `${spec - available} of its pods are not available; ${budget}`;
    sorted[i] = scaleReplicaSetAndRecordEvent(s, rs, spec - count, why).rs;
    total += count;
  }
  return { oldRSs: sorted, count: total };
}

/** scaleDownOldReplicaSetsForRollingUpdate: oldest first, remove Σ available − minAvailable. */
function scaleDownOldReplicaSetsForRollingUpdate(
  s: DeploymentSync,
  allRSs: KObject[],
  oldRSs: KObject[],
): number | undefined {
  const minAvailable = specReplicas(s.d) - maxUnavailable(s.d);
  const available = getAvailableReplicaCountForReplicaSets(allRSs);
  if (available <= minAvailable) return 0;
  const target = available - minAvailable;
  let total = 0;
  for (const rs of [...oldRSs].sort(compareByCreation)) {
    if (total >= target) break;
    const spec = specReplicas(rs);
    if (spec === 0) continue;
    const count = Math.min(spec, target - total);
    const why = `${available} available − ${minAvailable} must stay available = ${target} old pods may go`;
    scaleReplicaSetAndRecordEvent(s, rs, spec - count, why);
    total += count;
  }
  return total;
}
