/**
 * The one word the live view shows for a pod, from its stored object, ordered as a learner reads a
 * rollout: Pending (not scheduled or not yet started), ContainerCreating, Running but not ready,
 * Ready but not yet available (minReadySeconds not elapsed), Available, Terminating, and the failure
 * states kubectl's STATUS column shows (CrashLoopBackOff, ImagePullBackOff/ErrImagePull, …).
 */
import { type ClusterState, type Pod, simTime } from "../../engine";

/** A pod's state as drawn. */
export type PodState =
  | "Pending"
  | "ContainerCreating"
  | "Running"
  | "Ready"
  | "Available"
  | "Terminating"
  | "CrashLoopBackOff"
  | "ImagePullBackOff"
  | "Failed"
  | "Succeeded";

/** Every state in legend order. */
export const POD_STATES: readonly PodState[] = [
  "Pending",
  "ContainerCreating",
  "Running",
  "Ready",
  "Available",
  "Terminating",
  "CrashLoopBackOff",
  "ImagePullBackOff",
  "Failed",
  "Succeeded",
];

/** Waiting reasons drawn as an image problem. */
const IMAGE_REASONS = new Set(["ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"]);
/** Waiting reasons drawn as a crash loop (the container starts and dies, or cannot be configured). */
const CRASH_REASONS = new Set([
  "CrashLoopBackOff",
  "CreateContainerConfigError",
  "CreateContainerError",
  "RunContainerError",
  "StartError",
]);

/** The state of `pod` at the state's current time, `minReadySeconds` deciding Ready vs Available. */
export function podState(
  state: Pick<ClusterState, "now" | "epoch">,
  pod: Pod,
  minReadySeconds = 0,
): PodState {
  if (pod.metadata?.deletionTimestamp) return "Terminating";
  const status = pod.status;
  if (status?.phase === "Succeeded") return "Succeeded";
  if (status?.phase === "Failed") return "Failed";
  for (const c of status?.containerStatuses ?? []) {
    const reason = c.state?.waiting?.reason;
    if (reason && IMAGE_REASONS.has(reason)) return "ImagePullBackOff";
    if (reason && CRASH_REASONS.has(reason)) return "CrashLoopBackOff";
  }
  if (!pod.spec?.nodeName || !status?.containerStatuses?.length) return "Pending";
  if (status.phase !== "Running") return "ContainerCreating";
  const ready = status.conditions?.find((c) => c.type === "Ready");
  if (ready?.status !== "True") return "Running";
  const since = simTime(state, ready.lastTransitionTime);
  // Available = ready for at least minReadySeconds (deployment_util.go IsPodAvailable).
  if (minReadySeconds > 0 && (since === undefined || since + minReadySeconds * 1000 > state.now))
    return "Ready";
  return "Available";
}

/** Message keys of the legend labels, by state. */
export const STATE_LABEL_KEYS = {
  Pending: "statePending",
  ContainerCreating: "stateContainerCreating",
  Running: "stateRunning",
  Ready: "stateReady",
  Available: "stateAvailable",
  Terminating: "stateTerminating",
  CrashLoopBackOff: "stateCrashLoopBackOff",
  ImagePullBackOff: "stateImagePull",
  Failed: "stateFailed",
  Succeeded: "stateSucceeded",
} as const satisfies Record<PodState, string>;
