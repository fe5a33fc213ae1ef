/**
 * recreate.go: scale every old ReplicaSet to 0, wait until no old pod is left (terminating ones count
 * until they are gone), then create or scale the new set to all replicas at once.
 */
import type { KObject } from "../../model/types";
import { cleanupDeployment } from "./cleanup";
import { type DeploymentSync, scaleReplicaSetAndRecordEvent } from "./context";
import { syncRolloutStatus } from "./progress";
import { getAllReplicaSetsAndSyncRevision } from "./sync";
import {
  deploymentComplete,
  filterActiveReplicaSets,
  getActualReplicaCountForReplicaSets,
  specReplicas,
} from "./util";

/** rolloutRecreate: old sets down first; the new set only once oldPodsRunning is false. */
export function rolloutRecreate(s: DeploymentSync, rsList: KObject[], podMap: Map<string, KObject[]>): void {
  let { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  let allRSs = [...oldRSs, newRS];
  let scaledDown = false;
  for (const rs of filterActiveReplicaSets(oldRSs)) {
    const why = "Recreate: every old pod goes before any new pod starts";
    if (scaleReplicaSetAndRecordEvent(s, rs, 0, why).scaled) scaledDown = true;
  }
  if (scaledDown || oldPodsRunning(newRS, oldRSs, podMap)) {
    syncRolloutStatus(s, allRSs, newRS);
    return;
  }
  if (!newRS) {
    ({ newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, true));
    allRSs = [...oldRSs, newRS];
  }
  if (newRS) {
    const replicas = specReplicas(s.d);
    scaleReplicaSetAndRecordEvent(
      s,
      newRS,
      replicas,
      `Recreate: no old pods are left, so all ${replicas} new pods start`,
    );
  }
  if (deploymentComplete(s.d, s.d.status ?? {})) cleanupDeployment(s, oldRSs);
  syncRolloutStatus(s, allRSs, newRS);
}

/**
 * oldPodsRunning: old sets still report pods, or a pod of a set other than the new one is in any phase
 * but Succeeded/Failed (Pending, Running, Unknown, and terminating pods all count).
 */
export function oldPodsRunning(
  newRS: KObject | undefined,
  oldRSs: readonly KObject[],
  podMap: Map<string, KObject[]>,
): boolean {
  if (getActualReplicaCountForReplicaSets(oldRSs) > 0) return true;
  for (const [uid, pods] of podMap) {
    if (newRS && newRS.metadata.uid === uid) continue;
    if (pods.some((p) => p.status?.phase !== "Succeeded" && p.status?.phase !== "Failed")) return true;
  }
  return false;
}
