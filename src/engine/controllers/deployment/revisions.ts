/**
 * Revisions and the annotations the controller copies (deployment_util.go): the revision of a
 * ReplicaSet, the new revision (max + 1), renumbering a re-used set with `revision-history`, the
 * Deployment → ReplicaSet annotation copy with its skip list, and the desired/max-replicas annotations.
 */
import type { ReplicaSetLike } from "./util";
import { compareByCreation, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION } from "./util";

/** `deployment.kubernetes.io/revision` */
export const REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
/** `deployment.kubernetes.io/revision-history`: earlier revisions of a re-used ReplicaSet, comma-separated. */
export const REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
/** The legacy rollback request annotation (extensions/v1beta1 rollbackTo). */
export const ROLLBACK_TO_ANNOTATION = "deprecated.deployment.rollback.to";
/** kubectl apply's annotation. */
export const LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
/** The controller keeps revision-history at most this long (maxRevHistoryLengthInChars). */
export const MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

/** Annotations never copied from a Deployment to its ReplicaSets (skipCopyAnnotation). */
export const SKIP_COPY_ANNOTATIONS: readonly string[] = [
  LAST_APPLIED_ANNOTATION,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO_ANNOTATION,
];

/** Revision(obj): the revision annotation as a number; missing → 0; unparsable → undefined. */
export function revision(obj: { metadata?: { annotations?: Record<string, string> } }): number | undefined {
  const v = obj.metadata?.annotations?.[REVISION_ANNOTATION];
  if (v === undefined) return 0;
  return /^[+-]?[0-9]+$/.test(v) ? Number.parseInt(v, 10) : undefined;
}

/** MaxRevision: the highest revision among the sets (unparsable ones skipped); 0 if none. */
export function maxRevision(sets: readonly (ReplicaSetLike | undefined)[]): number {
  let max = 0;
  for (const rs of sets) {
    const v = rs ? revision(rs) : undefined;
    if (v !== undefined && v > max) max = v;
  }
  return max;
}

/**
 * LastRevision: the second-highest revision (what `rollout undo` goes back to). Ties on the top revision
 * count as second. Example: revisions 1, 2, 3 → 2.
 */
export function lastRevision(sets: readonly ReplicaSetLike[]): number {
  let max = 0;
  let second = 0;
  for (const rs of sets) {
    const v = revision(rs);
    if (v === undefined) continue;
    if (v >= max) {
      second = max;
      max = v;
    } else if (v > second) second = v;
  }
  return second;
}

/** ReplicaSetsByRevision: revision ascending (missing = 0 first); ties and parse errors by creation, then name. */
export function compareByRevision(a: ReplicaSetLike, b: ReplicaSetLike): number {
  const ra = revision(a);
  const rb = revision(b);
  if (ra === undefined || rb === undefined || ra === rb) return compareByCreation(a, b);
  return ra - rb;
}

/** copyDeploymentAnnotationsToReplicaSet: adds or overwrites (never removes) all but the skip list. */
export function copyDeploymentAnnotationsToReplicaSet(
  d: { metadata?: { annotations?: Record<string, string> } },
  rs: ReplicaSetLike,
): boolean {
  const target = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata?.annotations ?? {})) {
    if (SKIP_COPY_ANNOTATIONS.includes(k) || target[k] === v) continue;
    target[k] = v;
    changed = true;
  }
  return changed;
}

/** ReplicasAnnotationsNeedUpdate: desired-replicas or max-replicas differ from these values. */
export function replicasAnnotationsNeedUpdate(rs: ReplicaSetLike, desired: number, max: number): boolean {
  const a = rs.metadata?.annotations;
  return (
    !a || a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max)
  );
}

/** SetReplicasAnnotations: writes desired-replicas and max-replicas; true if either changed. */
export function setReplicasAnnotations(rs: ReplicaSetLike, desired: number, max: number): boolean {
  const a = ((rs.metadata ??= {}).annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

/**
 * SetNewReplicaSetAnnotations: copy the Deployment's annotations, raise (never lower) the revision to
 * `newRevision`, and when an existing revision was raised (a re-used set), append the old number to
 * revision-history, dropping the oldest entries past 2000 characters. On creation (`exists` false) also
 * set desired/max-replicas. Example: A rev 1 re-used when B is rev 2 → A rev 3, history "1".
 */
export function setNewReplicaSetAnnotations(
  d: { metadata?: { annotations?: Record<string, string> } },
  rs: ReplicaSetLike,
  newRevision: number,
  exists: boolean,
  replicas: { desired: number; max: number },
  limitInChars = MAX_REV_HISTORY_LENGTH_IN_CHARS,
): boolean {
  let changed = copyDeploymentAnnotationsToReplicaSet(d, rs);
  const a = ((rs.metadata ??= {}).annotations ??= {});
  const oldRevision = a[REVISION_ANNOTATION];
  let oldInt = 0;
  if (oldRevision !== undefined && oldRevision !== "") {
    if (!/^[+-]?[0-9]+$/.test(oldRevision)) return false;
    oldInt = Number.parseInt(oldRevision, 10);
  }
  if (oldInt < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision !== undefined) appendRevisionHistory(a, oldRevision, limitInChars);
  }
  if (!exists && setReplicasAnnotations(rs, replicas.desired, replicas.max)) changed = true;
  return changed;
}

function appendRevisionHistory(a: Record<string, string>, oldRevision: string, limit: number): void {
  const history = a[REVISION_HISTORY_ANNOTATION] ?? "";
  const entries = history.split(",");
  if ((entries[0] ?? "").length === 0) {
    a[REVISION_HISTORY_ANNOTATION] = oldRevision;
    return;
  }
  let total = history.length + oldRevision.length + 1;
  let start = 0;
  while (total > limit && start < entries.length) {
    total -= (entries[start] ?? "").length + 1;
    start++;
  }
  if (total <= limit) a[REVISION_HISTORY_ANNOTATION] = [...entries.slice(start), oldRevision].join(",");
}

/** SetDeploymentRevision: sets the Deployment's revision annotation; true if it changed. */
export function setDeploymentRevision(
  d: { metadata?: { annotations?: Record<string, string> } },
  rev: string,
): boolean {
  const a = ((d.metadata ??= {}).annotations ??= {});
  if (a[REVISION_ANNOTATION] === rev) return false;
  a[REVISION_ANNOTATION] = rev;
  return true;
}
