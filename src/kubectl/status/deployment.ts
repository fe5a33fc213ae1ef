/**
 * The rollout status of a Deployment as kubectl's DeploymentStatusViewer computes it
 * (polymorphichelpers/rollout_status.go): a pure function of the object, checked in this order —
 * pinned revision, spec update observed, progress deadline, new replicas updated, old replicas gone,
 * updated replicas available.
 */
import type { Deployment } from "../../engine";

/** One evaluation: the line to print (with its newline), whether the rollout is done, or the error that ends it. */
export interface RolloutStatus {
  message: string;
  done: boolean;
  /** Set when the watch must stop with `error: <error>` (exit 1). */
  error?: string;
}

/** The Deployment's `deployment.kubernetes.io/revision` annotation as a number (0 when absent). */
export function deploymentRevision(d: Deployment): number {
  const v = d.metadata?.annotations?.["deployment.kubernetes.io/revision"];
  const n = v === undefined ? 0 : Number.parseInt(v, 10);
  return Number.isNaN(n) ? 0 : n;
}

/**
 * Status of `d`; `revision` > 0 pins the expected revision.
 * Example: spec.replicas 3, status {replicas 4, updated 3, available 3} → "1 old replicas are pending termination...".
 */
export function deploymentStatus(d: Deployment, revision = 0): RolloutStatus {
  const name = d.metadata?.name ?? "";
  if (revision > 0) {
    const running = deploymentRevision(d);
    if (revision !== running) {
      return {
        message: "",
        done: false,
        error: `desired revision (${revision}) is different from the running revision (${running})`,
      };
    }
  }
  const s = d.status ?? {};
  if ((d.metadata?.generation ?? 0) > (s.observedGeneration ?? 0)) {
    return { message: "Waiting for deployment spec update to be observed...\n", done: false };
  }
  const progressing = (s.conditions ?? []).find((c) => c.type === "Progressing");
  if (progressing?.reason === "ProgressDeadlineExceeded") {
    return { message: "", done: false, error: `deployment "${name}" exceeded its progress deadline` };
  }
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  const updated = s.updatedReplicas ?? 0;
  const replicas = d.spec?.replicas;
  if (replicas !== undefined && updated < replicas) {
    return {
      message: `${waiting}${updated} out of ${replicas} new replicas have been updated...\n`,
      done: false,
    };
  }
  if ((s.replicas ?? 0) > updated) {
    return {
      message: `${waiting}${(s.replicas ?? 0) - updated} old replicas are pending termination...\n`,
      done: false,
    };
  }
  if ((s.availableReplicas ?? 0) < updated) {
    return {
      message: `${waiting}${s.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`,
      done: false,
    };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}
