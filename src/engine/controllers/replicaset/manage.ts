/**
 * manageReplicas (replica_set.go): create missing pods in slow-start batches (1, 2, 4, … capped at the
 * burst of 500; the first batch with a failure ends the sync), delete surplus pods in the ranked order,
 * and record SuccessfulCreate / FailedCreate / SuccessfulDelete events on the ReplicaSet.
 */
import { ApiError } from "../../api/errors";
import type { KObject } from "../../model/types";
import { recordEvent } from "../../store/events";
import type { ControllerContext } from "../controller";
import { getPodsToDelete } from "./ranking";

/** At most this many creations or deletions per sync (BurstReplicas). */
export const BURST_REPLICAS = 500;

const SOURCE = { component: "replicaset-controller" };

/** The pod a ReplicaSet creates from its template (controller.GetPodFromTemplate). */
export function podFromTemplate(rs: KObject): KObject {
  const template = rs.spec?.template ?? {};
  const metadata: KObject["metadata"] = {
    name: "",
    generateName: `${rs.metadata.name}-`,
    namespace: rs.metadata.namespace,
    labels: { ...(template.metadata?.labels ?? {}) },
    ownerReferences: [
      {
        apiVersion: "apps/v1",
        kind: "ReplicaSet",
        name: rs.metadata.name,
        uid: rs.metadata.uid ?? "",
        controller: true,
        blockOwnerDeletion: true,
      },
    ],
  };
  if (template.metadata?.annotations) metadata.annotations = { ...template.metadata.annotations };
  if (template.metadata?.finalizers) metadata.finalizers = [...template.metadata.finalizers];
  // No copy of the template's spec here: the API server's decoding deep-copies the request.
  return { apiVersion: "v1", kind: "Pod", metadata, spec: template.spec ?? {} };
}

/** The batch sizes slow start uses for `n` creations: 1, 2, 4, … with the last one capped (10 → 1, 2, 4, 3). */
export function slowStartBatches(n: number): number[] {
  const out: number[] = [];
  let remaining = n;
  for (let size = 1; remaining > 0; size *= 2) {
    const batch = Math.min(size, remaining);
    out.push(batch);
    remaining -= batch;
  }
  return out;
}

/** Result of creating pods: how many were created and the first error, if any. */
export interface CreateResult {
  created: number;
  error?: ApiError;
}

/**
 * Creates up to `n` pods. All creations of a batch are attempted ("concurrently"); if any failed, no
 * further batch runs. Example: 10 pods under a quota that allows 5 → batches 1 and 2 succeed, the batch of
 * 4 makes 2 and fails 2: 5 created, 7 attempts.
 */
export function createPods(ctx: ControllerContext, rs: KObject, n: number): CreateResult {
  let created = 0;
  let error: ApiError | undefined;
  for (const size of slowStartBatches(Math.min(n, BURST_REPLICAS))) {
    for (let i = 0; i < size; i++) {
      try {
        const pod = ctx.api.create("pods", podFromTemplate(rs), rs.metadata.namespace);
        recordEvent(ctx.state, rs, "Normal", "SuccessfulCreate", `Created pod: ${pod.metadata.name}`, SOURCE);
        created++;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        recordEvent(ctx.state, rs, "Warning", "FailedCreate", `Error creating: ${e.message}`, SOURCE);
        error ??= e;
      }
    }
    if (error) break;
  }
  return { created, error };
}

/** Deletes `n` of the active `pods` in the ranked order; `related` lists the active pods of the sibling ReplicaSets. */
export function deletePods(
  ctx: ControllerContext,
  rs: KObject,
  pods: readonly KObject[],
  related: () => readonly KObject[],
  n: number,
): number {
  const victims = getPodsToDelete(pods, related, Math.min(n, BURST_REPLICAS), ctx.state.now, ctx.state.epoch);
  let deleted = 0;
  for (const pod of victims) {
    try {
      ctx.api.delete("pods", pod.metadata.namespace, pod.metadata.name);
      recordEvent(ctx.state, rs, "Normal", "SuccessfulDelete", `Deleted pod: ${pod.metadata.name}`, SOURCE);
      deleted++;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      recordEvent(ctx.state, rs, "Warning", "FailedDelete", `Error deleting: ${e.message}`, SOURCE);
    }
  }
  return deleted;
}
