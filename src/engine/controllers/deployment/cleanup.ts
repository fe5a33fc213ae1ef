/**
 * cleanupDeployment (sync.go): keep at most revisionHistoryLimit old ReplicaSets. Only the first
 * len − limit by revision are looked at, and only those fully scaled down (spec 0, status 0, status
 * observed) are deleted; a skipped one is not made up for further down the list.
 * Example (TestCleanupDeployment): revisions 1, 2, 3 with rev 1 still scaled up, limit 1 → only rev 2 goes.
 */
import type { KObject } from "../../model/types";
import { type DeploymentSync, rsKey } from "./context";
import { compareByRevision, revision } from "./revisions";
import { hasRevisionHistoryLimit, specReplicas } from "./util";

/** Which old sets cleanup deletes, in order (pure: the rule above). */
export function replicaSetsToCleanUp<T extends KObject>(oldRSs: readonly T[], limit: number): T[] {
  const alive = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp);
  const diff = alive.length - limit;
  if (diff <= 0) return [];
  return [...alive]
    .sort(compareByRevision)
    .slice(0, diff)
    .filter(
      (rs) =>
        (rs.status?.replicas ?? 0) === 0 &&
        specReplicas(rs) === 0 &&
        (rs.metadata.generation ?? 0) <= (rs.status?.observedGeneration ?? 0),
    );
}

/** Deletes the old sets past the limit (nothing when the limit is unset or MaxInt32). */
export function cleanupDeployment(s: DeploymentSync, oldRSs: readonly KObject[]): void {
  if (!hasRevisionHistoryLimit(s.d)) return;
  const limit = s.d.spec.revisionHistoryLimit as number;
  for (const rs of replicaSetsToCleanUp(oldRSs, limit)) {
    s.ctx.api.delete("replicasets", rs.metadata.namespace, rs.metadata.name);
    s.ctx.decide(
      rsKey(rs),
      `deleted ${rs.metadata.name} (revision ${revision(rs)}): ${oldRSs.length} old replica sets exceed revisionHistoryLimit ${limit}, and it is scaled to 0`,
    );
  }
}
