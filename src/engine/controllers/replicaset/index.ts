/**
 * The ReplicaSet controller (pkg/controller/replicaset): keeps each ReplicaSet's active pods at
 * spec.replicas and writes its status. After a failed creation (quota, limit range, a missing service
 * account) it retries with the work queue's back-off: 5 ms doubling per failure, capped at 1000 s, or at
 * once when spec.replicas changes.
 */

import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import { timestamp } from "../../store/state";
import type { Controller, ControllerContext } from "../controller";
import { baseState, controllerUid, isPodActive, podsByOwner } from "../podutil";
import { createPods, deletePods } from "./manage";
import { calculateStatus, nextAvailability } from "./status";

/** Back-off bookkeeping of one ReplicaSet after failed creations (state.runtime.replicaset[uid]). */
interface RetryState {
  failures: number;
  retryAt: number;
  replicas: number;
}

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;

function retries(state: ClusterState): Record<string, RetryState> {
  return (state.runtime.replicaset ??= {});
}

/** The ReplicaSet controller. */
export const replicaSetController: Controller = {
  name: "replicaset",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    const owned = podsByOwner(base);
    let wrote = false;
    const sets = Object.values(base.objects.replicasets ?? {});
    let siblings: Map<string, KObject[]> | undefined;
    const related = (rs: KObject): KObject[] => {
      siblings ??= groupByOwner(sets);
      const owner = controllerUid(rs);
      const group = owner ? (siblings.get(owner) ?? [rs]) : [rs];
      return group.flatMap((s) => (owned.get(s.metadata.uid ?? "") ?? []).filter(isPodActive));
    };
    for (const rs of sets) {
      if (rs.metadata.deletionTimestamp) continue;
      wrote = syncReplicaSet(ctx, rs, owned.get(rs.metadata.uid ?? "") ?? [], related) || wrote;
    }
    return wrote;
  },
  nextWake(state) {
    let earliest: number | undefined;
    const consider = (t: number | undefined) => {
      if (t !== undefined && t > state.now && (earliest === undefined || t < earliest)) earliest = t;
    };
    for (const r of Object.values((state.runtime.replicaset ?? {}) as Record<string, RetryState>))
      consider(r.retryAt);
    const owned = podsByOwner(state);
    for (const rs of Object.values(state.objects.replicasets ?? {})) {
      const pods = owned.get(rs.metadata.uid ?? "");
      if (pods) consider(nextAvailability(rs, pods, state.now, state.epoch));
    }
    return earliest;
  },
};

function groupByOwner(sets: readonly KObject[]): Map<string, KObject[]> {
  const out = new Map<string, KObject[]>();
  for (const rs of sets) {
    const owner = controllerUid(rs);
    if (!owner) continue;
    const list = out.get(owner);
    if (list) list.push(rs);
    else out.set(owner, [rs]);
  }
  return out;
}

/** One sync of one ReplicaSet; true if it wrote anything. */
function syncReplicaSet(
  ctx: ControllerContext,
  rs: KObject,
  pods: readonly KObject[],
  related: (rs: KObject) => KObject[],
): boolean {
  const uid = rs.metadata.uid ?? "";
  const key = `replicasets/${rs.metadata.namespace}/${rs.metadata.name}`;
  const active = pods.filter(isPodActive);
  const desired = rs.spec?.replicas ?? 1;
  const diff = active.length - desired;
  let failure: Record<string, string> | undefined = (rs.status?.conditions ?? []).find(
    (c: { type: string }) => c.type === "ReplicaFailure",
  );
  let wrote = false;
  const retry = ctx.state.runtime.replicaset?.[uid] as RetryState | undefined;
  if (diff < 0) {
    const waiting = retry && retry.replicas === desired && ctx.state.now < retry.retryAt;
    if (!waiting) {
      const r = createPods(ctx, rs, -diff);
      wrote = true;
      ctx.decide(
        key,
        `created ${r.created} pod${r.created === 1 ? "" : "s"} for ${rs.metadata.name}: ${desired} desired, ${active.length} active` +
          (r.error ? `; stopped at the first refusal: ${r.error.message}` : ""),
      );
      if (r.error) {
        const failures = (retry?.failures ?? 0) + 1;
        const delay = Math.min(BASE_DELAY_MS * 2 ** (failures - 1), MAX_DELAY_MS);
        retries(ctx.state)[uid] = { failures, retryAt: ctx.state.now + delay, replicas: desired };
        failure ??= {
          type: "ReplicaFailure",
          status: "True",
          lastTransitionTime: timestamp(ctx.state, ctx.state.now),
          reason: "FailedCreate",
          message: r.error.message,
        };
      } else {
        if (retry) delete retries(ctx.state)[uid];
        failure = undefined;
      }
    }
  } else {
    if (retry) delete retries(ctx.state)[uid];
    failure = undefined;
    if (diff > 0) {
      const n = deletePods(ctx, rs, active, related(rs), diff);
      ctx.decide(
        key,
        `deleted ${n} pod${n === 1 ? "" : "s"} of ${rs.metadata.name}: ${desired} desired, ${active.length} active`,
      );
      wrote = true;
    }
  }
  return writeStatus(ctx, rs, pods, failure) || wrote;
}

/** Writes the status when it changed; true if it did. */
function writeStatus(
  ctx: ControllerContext,
  rs: KObject,
  pods: readonly KObject[],
  failure: Record<string, string> | undefined,
): boolean {
  const status = calculateStatus(rs, pods, ctx.state.now, ctx.state.epoch, failure);
  if (JSON.stringify(status) === JSON.stringify(rs.status ?? {})) return false;
  ctx.api.updateStatus("replicasets", { ...rs, status });
  return true;
}
