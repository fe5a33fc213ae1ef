/**
 * The Deployment controller (pkg/controller/deployment): one sync per Deployment per pass, dispatched as
 * the real syncDeployment does: deleted → status only; paused → scaling + cleanup; scaling event →
 * proportional scaling; otherwise one step of the strategy (RollingUpdate or Recreate). It reads only
 * ReplicaSet spec and status (and, for Recreate, whether old pods are left) and writes through the API.
 * A sync that fails is retried with the work queue's back-off (5 ms doubling, at most 1000 s).
 */
import { selectorMatches } from "../../model/labels";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import type { Controller, ControllerContext } from "../controller";
import { baseState, controllerUid, podsByOwner } from "../podutil";
import { cleanupDeployment } from "./cleanup";
import { controllerRef, copy, type DeploymentSync, event, SyncError } from "./context";
import { checkPausedConditions, progressDeadlineWake, syncDeploymentStatus } from "./progress";
import { rolloutRecreate } from "./recreate";
import { rolloutRolling } from "./rolling";
import { getAllReplicaSetsAndSyncRevision, isScalingEvent, scale } from "./sync";

/** Back-off bookkeeping of one Deployment after a failed sync (state.runtime.deployment[uid]). */
interface RetryState {
  failures: number;
  retryAt: number;
}

const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 1_000_000;

function retries(state: ClusterState): Record<string, RetryState> {
  return (state.runtime.deployment ??= {});
}

/**
 * What a sync that wrote nothing saw: the committed Deployment object (the key), the ReplicaSets bucket,
 * the pods bucket (Recreate only) and until when time alone cannot change its outcome (the progress
 * deadline). Committed values are immutable, so the same objects mean the same sync result: skipping it
 * keeps a pass O(Deployments) while thousands of pods move (a cache only; it holds no state of its own).
 */
interface QuietSync {
  sets: object | undefined;
  pods: object | undefined;
  until: number;
}
const quiet = new WeakMap<object, QuietSync>();

/** The Deployment controller. */
export const deploymentController: Controller = {
  name: "deployment",
  reconcile(ctx) {
    const base = baseState(ctx.state);
    let wrote = false;
    const keys = (base.objects.deployments?.keys() ?? []).sort();
    for (const key of keys) {
      const committed = base.objects.deployments?.get(key);
      const current = ctx.state.objects.deployments?.get(key);
      if (!current || !committed) continue;
      const retry = ctx.state.runtime.deployment?.[current.metadata.uid ?? ""] as RetryState | undefined;
      if (retry && ctx.state.now < retry.retryAt) continue;
      const seen = quiet.get(committed);
      const recreate = committed.spec?.strategy?.type === "Recreate";
      if (
        seen &&
        seen.sets === base.objects.replicasets &&
        (!recreate || seen.pods === base.objects.pods) &&
        ctx.state.now < seen.until
      ) {
        continue;
      }
      const before = ctx.state.resourceVersion;
      runSync(ctx, current);
      if (ctx.state.resourceVersion !== before) wrote = true;
      else {
        quiet.set(committed, {
          sets: base.objects.replicasets,
          pods: recreate ? base.objects.pods : undefined,
          until: progressDeadlineWake(committed, ctx.state) ?? Number.POSITIVE_INFINITY,
        });
      }
    }
    return wrote;
  },
  nextWake(state) {
    let earliest: number | undefined;
    const consider = (t: number | undefined) => {
      if (t !== undefined && t > state.now && (earliest === undefined || t < earliest)) earliest = t;
    };
    for (const r of Object.values((state.runtime.deployment ?? {}) as Record<string, RetryState>))
      consider(r.retryAt);
    for (const d of state.objects.deployments?.values() ?? []) consider(progressDeadlineWake(d, state));
    return earliest;
  },
};

/** One sync with its error handling: a failure schedules a retry, a success forgets earlier ones. */
function runSync(ctx: ControllerContext, stored: KObject): void {
  const uid = stored.metadata.uid ?? "";
  const s: DeploymentSync = {
    ctx,
    d: copy(stored),
    key: `deployments/${stored.metadata.namespace}/${stored.metadata.name}`,
  };
  try {
    syncDeployment(s);
    if (ctx.state.runtime.deployment?.[uid]) delete retries(ctx.state)[uid];
  } catch (e) {
    if (e instanceof SyncError && e.retryNow) return;
    const failures = (ctx.state.runtime.deployment?.[uid]?.failures ?? 0) + 1;
    const delay = Math.min(BASE_DELAY_MS * 2 ** (failures - 1), MAX_DELAY_MS);
    retries(ctx.state)[uid] = { failures, retryAt: ctx.state.now + delay };
    ctx.decide(s.key, `sync failed (${(e as Error).message}); retrying in ${delay} ms`);
  }
}

/** syncDeployment: the dispatcher. */
function syncDeployment(s: DeploymentSync): void {
  const d = s.d;
  const selector = d.spec?.selector;
  if (
    !selector ||
    (Object.keys(selector.matchLabels ?? {}).length === 0 && !(selector.matchExpressions ?? []).length)
  ) {
    selectingAll(s);
    return;
  }
  const rsList = ownedReplicaSets(s);
  if (d.metadata.deletionTimestamp) {
    const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
    syncDeploymentStatus(s, [...oldRSs, newRS], newRS);
    return;
  }
  checkPausedConditions(s);
  if (s.d.spec?.paused) {
    sync(s, rsList);
    return;
  }
  if (isScalingEvent(s, ownedReplicaSets(s))) {
    sync(s, ownedReplicaSets(s));
    return;
  }
  const fresh = ownedReplicaSets(s);
  if (s.d.spec?.strategy?.type === "Recreate") rolloutRecreate(s, fresh, podMap(s, fresh));
  else rolloutRolling(s, fresh);
}

/** sync(): scaling (proportional), cleanup when paused, and the status without progress estimation. */
function sync(s: DeploymentSync, rsList: KObject[]): void {
  const { newRS, oldRSs } = getAllReplicaSetsAndSyncRevision(s, rsList, false);
  scale(s, newRS, oldRSs);
  const after = ownedReplicaSets(s);
  const synced = getAllReplicaSetsAndSyncRevision(s, after, false);
  if (s.d.spec?.paused) cleanupDeployment(s, synced.oldRSs);
  syncDeploymentStatus(s, [...synced.oldRSs, synced.newRS], synced.newRS);
}

/** An empty selector would select every pod: refused with a Warning, only observedGeneration moves. */
function selectingAll(s: DeploymentSync): void {
  const msg = "This deployment is selecting all pods. A non-empty selector is required.";
  const generation = s.d.metadata.generation;
  if (s.d.status?.observedGeneration === generation) return;
  event(s, "Warning", "SelectingAll", msg);
  s.d.status = { ...(s.d.status ?? {}), observedGeneration: generation };
  s.ctx.api.updateStatus("deployments", s.d);
  s.ctx.decide(s.key, msg);
}

/**
 * The ReplicaSets this Deployment controls, after adopting orphans whose labels match its selector
 * (ClaimReplicaSets), oldest first. Read from the draft so a write earlier in this sync is seen.
 */
function ownedReplicaSets(s: DeploymentSync): KObject[] {
  const d = s.d;
  const uid = d.metadata.uid;
  const out: KObject[] = [];
  for (const rs of s.ctx.state.objects.replicasets?.values() ?? []) {
    if (rs.metadata.namespace !== d.metadata.namespace) continue;
    const owner = controllerUid(rs);
    if (owner === uid) out.push(copy(rs));
    else if (
      !owner &&
      !rs.metadata.deletionTimestamp &&
      selectorMatches(d.spec.selector, rs.metadata.labels)
    ) {
      out.push(adopt(s, rs));
    }
  }
  return out;
}

function adopt(s: DeploymentSync, rs: KObject): KObject {
  const next = copy(rs);
  delete next.metadata.resourceVersion;
  next.metadata.ownerReferences = [...(next.metadata.ownerReferences ?? []), controllerRef(s.d)];
  const stored = copy(s.ctx.api.update("replicasets", next));
  s.ctx.decide(
    `replicasets/${rs.metadata.namespace}/${rs.metadata.name}`,
    `adopted ${rs.metadata.name}: it has no controller and its labels match the Deployment's selector`,
  );
  return stored;
}

/** Pods by owning ReplicaSet uid, for the sets in `rsList` (Recreate's oldPodsRunning). */
function podMap(s: DeploymentSync, rsList: KObject[]): Map<string, KObject[]> {
  const byOwner = podsByOwner(s.ctx.state);
  const out = new Map<string, KObject[]>();
  for (const rs of rsList) {
    const pods = byOwner.get(rs.metadata.uid ?? "");
    if (pods) out.set(rs.metadata.uid ?? "", pods);
  }
  return out;
}
