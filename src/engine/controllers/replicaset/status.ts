/**
 * ReplicaSet status (replica_set_utils.go calculateStatus): replicas counts active pods only, fully
 * labeled = active pods carrying every template label, ready = active pods with Ready=True, available =
 * ready for MORE than minReadySeconds (strict), observedGeneration, and the ReplicaFailure condition.
 */
import type { KObject } from "../../model/types";
import { wallTime } from "../../store/state";
import { isPodActive, isPodReady, readyCondition } from "../podutil";

/** True when the pod counts as available for a ReplicaSet with `minReadySeconds` at `now` (simulated ms). */
export function isPodAvailable(pod: KObject, minReadySeconds: number, now: number, epoch: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const readyAt = readyTime(pod, epoch);
  // Strictly after: ready at 0 s with minReadySeconds 10 is available at 10.001 s, not at 10 s.
  return readyAt !== undefined && readyAt + minReadySeconds * 1000 < now;
}

/** Simulated ms of the pod's Ready condition's last transition. */
function readyTime(pod: KObject, epoch: number): number | undefined {
  const wall = wallTime(readyCondition(pod)?.lastTransitionTime);
  return wall === undefined ? undefined : wall - epoch;
}

/** True when `labels` carries every `[key, value]` of `wanted`. */
function hasLabels(labels: Record<string, string>, wanted: readonly [string, string][]): boolean {
  for (const [k, v] of wanted) if (labels[k] !== v) return false;
  return true;
}

/** The counts of a ReplicaSet's status from its owned pods. Zero fields are omitted, as the API serializes them. */
export function calculateStatus(
  rs: KObject,
  pods: readonly KObject[],
  now: number,
  epoch: number,
  failure: Record<string, string> | undefined,
): Record<string, unknown> {
  const templateLabels = Object.entries<string>(rs.spec?.template?.metadata?.labels ?? {});
  const minReady = rs.spec?.minReadySeconds ?? 0;
  let replicas = 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (!isPodActive(pod)) continue;
    replicas++;
    const labels = pod.metadata.labels ?? {};
    if (hasLabels(labels, templateLabels)) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now, epoch)) available++;
    }
  }
  const status: Record<string, unknown> = { replicas };
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (failure) status.conditions = [failure];
  return status;
}

/**
 * When a ready pod of `pods` next turns available: the first whole second strictly after
 * readyTime + minReadySeconds (the real controller re-checks minReadySeconds after the pods turned ready;
 * timestamps have second precision, so the next second is the first instant it can see the change).
 */
export function nextAvailability(
  rs: KObject,
  pods: readonly KObject[],
  now: number,
  epoch: number,
): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (minReady <= 0) return undefined;
  let earliest: number | undefined;
  for (const pod of pods) {
    if (!isPodActive(pod) || !isPodReady(pod)) continue;
    const readyAt = readyTime(pod, epoch);
    if (readyAt === undefined) continue;
    const t = readyAt + minReady * 1000 + 1000;
    if (t > now && (earliest === undefined || t < earliest)) earliest = t;
  }
  return earliest;
}
