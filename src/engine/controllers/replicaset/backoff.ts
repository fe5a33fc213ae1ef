/**
 * The ReplicaSet controller's work queue after a failed sync (a pod creation refused by quota, a limit
 * range, a missing service account), on the simulated clock. client-go's DefaultControllerRateLimiter is
 * the slower of two limiters:
 *  - per ReplicaSet, exponential: the n-th consecutive failure waits 5 ms × 2^(n−1), at most 1,000 s
 *    (5, 10, 20, … ms; 1,000 s from the 19th failure on); a sync without error forgets the count;
 *  - overall, a token bucket of 10 per second with a burst of 100 (only many failing ReplicaSets feel it).
 * A retry already waiting keeps its earlier time (the delaying queue keeps the earliest ready time).
 * Besides retries, any change the informers report enqueues the ReplicaSet at once: an update of the
 * ReplicaSet (its spec, its own status write after the first failure) or of one of its pods.
 * So a ReplicaSet that cannot create anything tries at 0 s, at once again (its status write), then at
 * 5 ms, 25 ms, 65 ms, … 5·2^(n−1) − 15 ms for the n-th try: the 17th at 327.665 s (17 tries in the first
 * 10 minutes), the 18th at 655.345 s, the 19th at 1,310.705 s, then one every 1,000 s.
 */
import type { ClusterState } from "../../store/state";

/** The first retry delay (DefaultControllerRateLimiter's ItemExponentialFailureRateLimiter base). */
export const BASE_DELAY_MS = 5;
/** The longest retry delay (its max, 1,000 s). */
export const MAX_DELAY_MS = 1_000_000;
/** The overall bucket: 10 retries per second (rate.Limit(10)) … */
const BUCKET_PER_MS = 10 / 1000;
/** … with a burst of 100. */
const BUCKET_BURST = 100;

/** One ReplicaSet's retry state after failed syncs. */
export interface RetryState {
  /** Consecutive failed syncs (the rate limiter's NumRequeues). */
  failures: number;
  /** When the queued retry fires (simulated ms). */
  retryAt: number;
  /** What the failed sync saw (see `fingerprint`): a change means an informer event re-queued it. */
  seen: string;
}

/** state.runtime.replicaset: retries by ReplicaSet uid, and the overall token bucket. */
interface QueueState {
  retries: Record<string, RetryState>;
  bucket: { tokens: number; at: number };
}

function queue(state: ClusterState): QueueState {
  return (state.runtime.replicaset ??= { retries: {}, bucket: { tokens: BUCKET_BURST, at: 0 } });
}

/** The retry state of a ReplicaSet (read-only view; undefined when its last sync succeeded). */
export function retryOf(state: ClusterState, uid: string): RetryState | undefined {
  return (state.runtime.replicaset as QueueState | undefined)?.retries[uid];
}

/** Every pending retry time (for nextWake). */
export function retryTimes(state: ClusterState): number[] {
  const q = state.runtime.replicaset as QueueState | undefined;
  return q ? Object.values(q.retries).map((r) => r.retryAt) : [];
}

/**
 * What an informer would report a change of: the ReplicaSet's resourceVersion, and how many pods it
 * controls with the newest resourceVersion among them (their tally: tally.ts).
 */
export function fingerprint(rs: KObjectLike, pods: { owned: number; newest: number }): string {
  return `${rs.metadata.resourceVersion ?? ""}/${pods.owned}/${pods.newest}`;
}

/** The metadata fingerprint reads. */
interface KObjectLike {
  metadata: { resourceVersion?: string };
}

/** True when the ReplicaSet waits for its retry: it failed, nothing changed since, and the retry is not due. */
export function isWaiting(state: ClusterState, uid: string, seen: string): boolean {
  const r = retryOf(state, uid);
  return !!r && r.seen === seen && state.now < r.retryAt;
}

/** AddRateLimited after a failed sync that saw `seen`; returns the delay chosen (ms). */
export function requeueAfterFailure(state: ClusterState, uid: string, seen: string): number {
  const q = queue(state);
  const prev = q.retries[uid];
  const failures = (prev?.failures ?? 0) + 1;
  const exponential = Math.min(BASE_DELAY_MS * 2 ** (failures - 1), MAX_DELAY_MS);
  const delay = Math.max(exponential, bucketDelay(q, state.now));
  let retryAt = state.now + delay;
  if (prev && prev.retryAt > state.now) retryAt = Math.min(retryAt, prev.retryAt);
  q.retries[uid] = { failures, retryAt, seen };
  return delay;
}

/** Forget after a sync without error. */
export function forget(state: ClusterState, uid: string): void {
  if (retryOf(state, uid)) delete queue(state).retries[uid];
}

/** rate.Limiter.Reserve().Delay() of the overall bucket: 0 while tokens last, else until one refills. */
function bucketDelay(q: QueueState, now: number): number {
  const b = q.bucket;
  b.tokens = Math.min(BUCKET_BURST, b.tokens + (now - b.at) * BUCKET_PER_MS);
  b.at = now;
  b.tokens -= 1;
  return b.tokens >= 0 ? 0 : -b.tokens / BUCKET_PER_MS;
}
