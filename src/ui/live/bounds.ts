/**
 * The rolling update's two fences, as the live view states them while a rollout runs:
 * "4 pods of at most 4 (3 + maxSurge 1)" and "3 available of at least 3 (3 − maxUnavailable 0)".
 * maxSurge/maxUnavailable are resolved by the engine's own arithmetic (the controller's helpers), so
 * the numbers shown are the ones the controller obeys.
 */
import { type Deployment, maxSurge, maxUnavailable } from "../../engine";

/** The two bounds of a running rolling update and where the rollout is against them. */
export interface RolloutBounds {
  replicas: number;
  surge: number;
  unavailable: number;
  /** Pods that exist (Σ ReplicaSet status.replicas; terminating pods are not counted, as the controller does not). */
  pods: number;
  /** Pods available (Σ ReplicaSet status.availableReplicas). */
  available: number;
  maxPods: number;
  minAvailable: number;
}

/** The bounds of `d` given its ReplicaSets' counts, or undefined for a Recreate Deployment. */
export function rolloutBounds(
  d: Deployment,
  replicaSets: ReadonlyArray<{ current: number; available: number }>,
): RolloutBounds | undefined {
  if ((d.spec?.strategy?.type ?? "RollingUpdate") !== "RollingUpdate") return undefined;
  const replicas = d.spec?.replicas ?? 1;
  const surge = maxSurge(d);
  const unavailable = maxUnavailable(d);
  return {
    replicas,
    surge,
    unavailable,
    pods: replicaSets.reduce((n, rs) => n + rs.current, 0),
    available: replicaSets.reduce((n, rs) => n + rs.available, 0),
    maxPods: replicas + surge,
    minAvailable: Math.max(0, replicas - unavailable),
  };
}
