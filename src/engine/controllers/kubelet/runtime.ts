/**
 * The kubelet's private bookkeeping, kept in `state.runtime.kubelet` as plain data (no closures, so the
 * state stays serializable and snapshots stay cheap): per pod its IP and per container the step of its
 * lifecycle and when that step is due; per node the images already pulled; the pod IP allocator.
 */
import { Bucket, isMine, mine } from "../../store/bucket";
import type { ClusterState } from "../../store/state";
import { committedState } from "../../store/transaction";

/** A finished run of a container (status `state.terminated` / `lastState.terminated`). */
export interface Termination {
  exitCode: number;
  reason: string;
  message?: string;
  /** Simulated ms; undefined for a container that never started (StartError shows the zero time). */
  startedAt?: number;
  finishedAt: number;
  containerId?: string;
}

/** Where a container is in its lifecycle; each step completes at `at`. */
export type Step =
  | "pull" // decide whether to pull (at once)
  | "pulling" // pull in progress until `at`
  | "pullfail" // pull fails at `at` (ErrImagePull)
  | "pullbackoff" // ErrImagePull shown; ImagePullBackOff from `at`
  | "pullwait" // ImagePullBackOff until `at`, then pull again
  | "create" // create the container (config checks) at once
  | "configerror" // CreateContainerConfigError; re-check at `at`
  | "starting" // created; starts (or fails to) at `at`
  | "running" // running; exits at `at` if set
  | "backoff" // CrashLoopBackOff until `at`
  | "done"; // terminated, not restarted

/** One container's runtime record. */
export interface ContainerRuntime {
  name: string;
  image: string;
  step: Step;
  at?: number;
  waiting?: { reason: string; message?: string };
  startedAt?: number;
  terminated?: Termination;
  last?: Termination;
  restartCount: number;
  /** Crash back-off: the current delay (0 before the first restart) and when the last restart happened. */
  backoffMs: number;
  lastRestartAt?: number;
  /** Image pull back-off delay and when the current pull began. */
  pullBackoffMs: number;
  pullStartedAt?: number;
  ready: boolean;
  started: boolean;
  /** Readiness probe schedule and its consecutive results. */
  probeAt?: number;
  probeSuccesses: number;
  probeFailures: number;
  /** Liveness probe schedule and consecutive failures; `killing` once it failed and the app was told to stop. */
  livenessAt?: number;
  livenessFailures?: number;
  killing?: boolean;
  containerId?: string;
  /** How the current run ends: exit code and reason at `at` (undefined: runs until stopped). */
  exit?: { code: number; reason: string; message?: string };
  /** What the app serves while running (false for a command that replaced the app). */
  serves: boolean;
  logs: string[];
  previousLogs: string[];
}

/** One pod's runtime record. */
export interface PodRuntime {
  uid: string;
  node: string;
  ip: string;
  /** When the kubelet first saw the pod (status.startTime). */
  startedAt: number;
  containers: ContainerRuntime[];
  /** Termination: when the last container has stopped and the pod is removed. */
  removeAt?: number;
  /** The earliest `at` of the pod (or removeAt), for nextWake. */
  wake?: number;
}

/** The whole kubelet slot. */
export interface KubeletState {
  /** By pod key; a bucket, because a 10,000-replica rollout keeps 20,000 (see store/bucket.ts). */
  pods: Bucket<PodRuntime>;
  /** node → image reference → instant the image is (or will be) on the node. */
  images: Record<string, Record<string, number>>;
  /** Last pod IP offset handed out in 10.244.0.0/16, and the offsets in use. */
  lastIp: number;
  usedIps: Bucket<true>;
}

/**
 * The kubelet slot as a class instance: immer drafts only plain objects, so it leaves this one as it is
 * and reading it costs no proxy. Every pod sync read and wrote `pods` through the slot's draft, about
 * 2% of a 10,000-replica rollout.
 */
class KubeletSlot implements KubeletState {
  constructor(
    public pods: Bucket<PodRuntime>,
    public images: Record<string, Record<string, number>>,
    public lastIp: number,
    public usedIps: Bucket<true>,
  ) {}
}

/**
 * The kubelet slot of a draft state, changeable in place: the first call of a transaction puts a copy in
 * `state.runtime.kubelet` (its buckets shared, as buckets are persistent; the small image maps copied)
 * and later calls return that copy. Created on first use.
 */
export function kubeletState(state: ClusterState): KubeletState {
  const draft = state.runtime.kubelet as KubeletState | undefined;
  if (draft && isMine(draft)) return draft;
  // Not yet copied in this transaction, so the committed slot is the current one (read without a proxy).
  const current = committedState(state).runtime.kubelet as KubeletState | undefined;
  const images: Record<string, Record<string, number>> = mine({});
  for (const node in current?.images ?? {}) images[node] = mine({ ...current?.images[node] });
  const copy = mine(
    new KubeletSlot(
      current?.pods ?? Bucket.empty(),
      images,
      current?.lastIp ?? 1,
      current?.usedIps ?? Bucket.empty(),
    ),
  );
  state.runtime.kubelet = copy;
  return copy;
}

/** The kubelet slot for reading, or undefined when nothing ran yet. */
export function peekKubelet(state: ClusterState): KubeletState | undefined {
  return state.runtime.kubelet as KubeletState | undefined;
}

/**
 * The next free pod IP, as host-local IPAM hands them out: the address after the last one given,
 * wrapping around, skipping those in use. 10.244.0.0/16 minus network and broadcast.
 */
export function allocatePodIp(k: KubeletState): string {
  const size = 1 << 16;
  let offset = k.lastIp;
  for (let i = 0; i < size; i++) {
    offset = (offset % (size - 2)) + 1;
    if (offset >= 2 && !k.usedIps.has(String(offset))) break;
  }
  k.lastIp = offset;
  k.usedIps = k.usedIps.with(String(offset), true);
  return `10.244.${offset >> 8}.${offset & 255}`;
}

/** Returns a pod IP to the pool. */
export function releasePodIp(k: KubeletState, ip: string): void {
  const parts = ip.split(".").map(Number);
  k.usedIps = k.usedIps.without(String(((parts[2] ?? 0) << 8) | (parts[3] ?? 0)));
}

/** Character codes of the lowercase hex digits, by value. */
const HEX_CODES = Array.from("0123456789abcdef", (c) => c.charCodeAt(0));
/** The digits of the hex64 being made: one buffer, as the function is not re-entered. */
const hexBuffer = new Array<number>(64);

/** 64 hex digits derived from `seed` (FNV-1a rounds): container IDs and image digests that are stable per run. */
export function hex64(seed: string): string {
  // Digit codes into one reused buffer, then one string: eight toString/padStart/concatenations made 24
  // strings per container started (20,000 starts in a 10,000-replica rollout), twice as slow.
  let h = 0x811c9dc5;
  for (let round = 0; round < 8; round++) {
    for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193) >>> 0;
    h = Math.imul(h ^ round, 0x01000193) >>> 0;
    for (let d = 0; d < 8; d++) hexBuffer[round * 8 + d] = HEX_CODES[(h >>> (28 - 4 * d)) & 15] as number;
  }
  return String.fromCharCode(...hexBuffer);
}
