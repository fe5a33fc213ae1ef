/**
 * ReplicaSet status (replica_set_utils.go calculateStatus): replicas counts active pods only, fully
 * labeled = active pods carrying every template label, ready = active pods with Ready=True, available =
 * ready for MORE than minReadySeconds (strict), observedGeneration, and the ReplicaFailure condition.
 * It is computed from the tally of the ReplicaSet's pods (tally.ts), not from the pods one by one.
 */
import type { KObject } from "../../model/types";
import { firstReadyAfter, readyBefore, type Tallies } from "./tally";

/** The counts of a ReplicaSet's status from the tally of its pods. Zero fields are omitted, as the API serializes them. */
export function calculateStatus(
  rs: KObject,
  pods: Tallies,
  now: number,
  epoch: number,
  failure: Record<string, string> | undefined,
): Record<string, unknown> {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  const t = pods.sum;
  // Strictly after: ready at 0 s with minReadySeconds 10 is available at 10.001 s, not at 10 s; a ready
  // pod without a transition time is available only when minReadySeconds is 0.
  const available = minReady <= 0 ? t.ready : readyBefore(pods, now + epoch - minReady * 1000);
  const status: Record<string, unknown> = { replicas: t.active };
  if (t.fullyLabeled) status.fullyLabeledReplicas = t.fullyLabeled;
  if (t.ready) status.readyReplicas = t.ready;
  if (available) status.availableReplicas = available;
  if (rs.metadata.generation) status.observedGeneration = rs.metadata.generation;
  if (failure) status.conditions = [failure];
  return status;
}

/**
 * When a ready pod next turns available: the first whole second strictly after
 * readyTime + minReadySeconds (the real controller re-checks minReadySeconds after the pods turned ready;
 * timestamps have second precision, so the next second is the first instant it can see the change).
 */
export function nextAvailability(rs: KObject, pods: Tallies, now: number, epoch: number): number | undefined {
  const minReady = rs.spec?.minReadySeconds ?? 0;
  if (minReady <= 0) return undefined;
  // t = readyAt + minReady + 1 s is due after `now` exactly when readyAt is after now − minReady − 1 s.
  const readyAt = firstReadyAfter(pods, now + epoch - minReady * 1000 - 1000);
  return readyAt === undefined ? undefined : readyAt - epoch + minReady * 1000 + 1000;
}
