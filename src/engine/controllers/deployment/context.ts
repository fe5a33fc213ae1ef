/**
 * One sync of one Deployment: the working copy of the Deployment, how it writes (every write goes through
 * the API and carries a decision-log reason), and the ReplicaSet scaling primitive with its event.
 */
import { ApiError } from "../../api/errors";
import { jsonClone } from "../../model/json";
import type { KObject, OwnerReference } from "../../model/types";
import { recordEvent } from "../../store/events";
import { timestamp, wholeSecond } from "../../store/state";
import type { ControllerContext } from "../controller";
import { replicasAnnotationsNeedUpdate, setReplicasAnnotations } from "./revisions";
import { maxSurge, specReplicas } from "./util";

/** The component name on the events the controller records. */
export const EVENT_SOURCE = { component: "deployment-controller" };

/** Thrown to end a sync early, as the real sync returns an error (the Deployment is retried later). */
export class SyncError extends Error {
  constructor(
    message: string,
    /** Retry in the same instant (a hash collision already moved collisionCount). */
    readonly retryNow = false,
  ) {
    super(message);
    this.name = "SyncError";
  }
}

/** What one sync works with. */
export interface DeploymentSync {
  ctx: ControllerContext;
  /** A private copy of the Deployment, refreshed after every write of it. */
  d: KObject;
  /** The Deployment's decision-log key, `deployments/default/http-go`. */
  key: string;
}

/** A deep copy of a JSON value (never mutate a stored object: older snapshots share it). */
export function copy<T>(v: T): T {
  return jsonClone(v);
}

/** The owner reference a Deployment puts on its ReplicaSets (controller, blocks owner deletion). */
export function controllerRef(d: KObject): OwnerReference {
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    name: d.metadata.name,
    uid: d.metadata.uid ?? "",
    controller: true,
    blockOwnerDeletion: true,
  };
}

/** `replicasets/default/http-go-5f4d98f6d5` */
export function rsKey(rs: KObject): string {
  return `replicasets/${rs.metadata.namespace}/${rs.metadata.name}`;
}

/** The current simulated time as an RFC 3339 timestamp (second precision). */
export function nowStamp(s: DeploymentSync): string {
  return timestamp(s.ctx.state, s.ctx.state.now);
}

/** The current simulated time in epoch milliseconds, at the start of its second (wholeSecond: what timestamps are compared with). */
export function nowEpochMs(s: DeploymentSync): number {
  return s.ctx.state.epoch + wholeSecond(s.ctx.state.now);
}

/** Writes the working copy's status (and annotations) through the status subresource. */
export function updateDeploymentStatus(s: DeploymentSync, why: string): void {
  const stored = s.ctx.api.updateStatus("deployments", {
    ...s.d,
    metadata: { ...s.d.metadata, resourceVersion: undefined },
  });
  s.d = copy(stored);
  s.ctx.decide(s.key, why);
}

/** Records an event on the Deployment. */
export function event(s: DeploymentSync, type: "Normal" | "Warning", reason: string, message: string): void {
  recordEvent(s.ctx.state, s.d, type, reason, message, EVENT_SOURCE);
}

/**
 * scaleReplicaSet: writes the new size and refreshes desired-replicas/max-replicas when either changed;
 * a size change records `Scaled up|down replica set X from A to B` (v1.31+ wording, direction per set).
 * `why` completes the decision-log sentence ("3 desired + maxSurge 1 = 4 pods allowed, 3 exist").
 */
export function scaleReplicaSet(
  s: DeploymentSync,
  rs: KObject,
  newScale: number,
  why: string,
): { scaled: boolean; rs: KObject } {
  const replicas = specReplicas(s.d);
  const max = replicas + maxSurge(s.d);
  const oldScale = specReplicas(rs);
  const sizeNeedsUpdate = oldScale !== newScale;
  if (!sizeNeedsUpdate && !replicasAnnotationsNeedUpdate(rs, replicas, max)) return { scaled: false, rs };
  const next = copy(rs);
  next.spec.replicas = newScale;
  setReplicasAnnotations(next, replicas, max);
  delete next.metadata.resourceVersion;
  const stored = copy(s.ctx.api.update("replicasets", next));
  if (!sizeNeedsUpdate) {
    s.ctx.decide(
      rsKey(rs),
      `updated ${rs.metadata.name}'s desired-replicas to ${replicas} and max-replicas to ${max}: ${why}`,
    );
    return { scaled: false, rs: stored };
  }
  const op = oldScale < newScale ? "up" : "down";
  s.ctx.decide(rsKey(rs), `scaled ${rs.metadata.name} ${op} ${oldScale}→${newScale}: ${why}`);
  event(
    s,
    "Normal",
    "ScalingReplicaSet",
    `Scaled ${op} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`,
  );
  return { scaled: true, rs: stored };
}

/** scaleReplicaSetAndRecordEvent: nothing when the size already matches, else scaleReplicaSet. */
export function scaleReplicaSetAndRecordEvent(
  s: DeploymentSync,
  rs: KObject,
  newScale: number,
  why: string,
): { scaled: boolean; rs: KObject } {
  if (specReplicas(rs) === newScale) return { scaled: false, rs };
  return scaleReplicaSet(s, rs, newScale, why);
}

/** The message of an API error, or of anything thrown. */
export function errorMessage(e: unknown): string {
  return e instanceof ApiError || e instanceof Error ? e.message : String(e);
}
