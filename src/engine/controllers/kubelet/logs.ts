/**
 * GET pods/log: the API server's LogLocation (pkg/registry/core/pod/strategy.go: a pod not yet bound to a
 * node has no log location, so the answer is empty) and the kubelet's validateContainerLogStatus
 * (pkg/kubelet/kubelet_pods.go), which picks the container run whose output is shown from the pod's
 * status, or refuses with the messages kubectl prints as `Error from server (BadRequest): …`:
 *   - `--previous` without a terminated earlier run: `previous terminated container "c" in pod "p" not found`
 *   - running: the current run; terminated: that run; waiting after a run (CrashLoopBackOff): the last run
 *   - waiting without a run: ErrImagePull → `… is waiting to start: image can't be pulled`,
 *     ImagePullBackOff → `… is waiting to start: trying and failing to pull image`, any other reason
 *     (ContainerCreating, CreateContainerConfigError, …) → `… is waiting to start: <reason>`
 *   - no state at all: `… is waiting to start - no logs yet`; no status: `… is not available`.
 */
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import { peekKubelet } from "./runtime";

/** The answer to a log request: the lines, or the server's BadRequest message. */
export type LogResult = { ok: true; lines: string[] } | { ok: false; message: string };

interface Terminated {
  containerID?: string;
}

interface ContainerStatus {
  name: string;
  state?: { waiting?: { reason?: string }; running?: object; terminated?: Terminated };
  lastState?: { terminated?: Terminated };
}

/** Which run's output a log request reads (the latest run, or the one before it), or why none is. */
type Choice = { run: "latest" | "before" } | { refused: string };

const LATEST: Choice = { run: "latest" };
const BEFORE: Choice = { run: "before" };

/** Logs of `container` in the pod `namespace/pod`: the current run's or (previous) the last terminated run's. */
export function podLogs(
  state: ClusterState,
  namespace: string,
  pod: string,
  container: string,
  previous = false,
): LogResult {
  const obj = state.objects.pods?.get(`${namespace}/${pod}`);
  if (!obj?.spec?.nodeName) return { ok: true, lines: [] };
  const chosen = validateContainerLogStatus(obj, container, previous);
  if ("refused" in chosen) return { ok: false, message: chosen.refused };
  const c = peekKubelet(state)
    ?.pods.get(`${namespace}/${pod}`)
    ?.containers.find((x) => x.name === container);
  if (!c) return { ok: true, lines: [] };
  return { ok: true, lines: chosen.run === "latest" ? c.logs : c.previousLogs };
}

/** The run to read, or the refusal (validateContainerLogStatus). */
function validateContainerLogStatus(pod: KObject, container: string, previous: boolean): Choice {
  const name = pod.metadata.name;
  const statuses: ContainerStatus[] = [
    ...(pod.status?.containerStatuses ?? []),
    ...(pod.status?.initContainerStatuses ?? []),
    ...(pod.status?.ephemeralContainerStatuses ?? []),
  ];
  const s = statuses.find((x) => x.name === container);
  if (!s) return { refused: `container "${container}" in pod "${name}" is not available` };
  const last = s.lastState?.terminated;
  const { waiting, running, terminated } = s.state ?? {};
  // The kubelet keeps the latest run's output in `logs` and the one before in `previousLogs`; while a
  // container waits to restart, its latest run is the one lastState describes.
  if (previous) {
    if (!last?.containerID)
      return { refused: `previous terminated container "${container}" in pod "${name}" not found` };
    return running || terminated ? BEFORE : LATEST;
  }
  if (running) return LATEST;
  if (terminated) {
    // A run that never got a container (no ID) did not replace the output of the run before it.
    if (terminated.containerID || last?.containerID) return LATEST;
    return { refused: `container "${container}" in pod "${name}" is terminated` };
  }
  if (last) {
    if (!last.containerID) return { refused: `container "${container}" in pod "${name}" is terminated` };
    return LATEST;
  }
  if (waiting) {
    const reason = waiting.reason ?? "";
    if (reason === "ErrImagePull")
      return {
        refused: `container "${container}" in pod "${name}" is waiting to start: image can't be pulled`,
      };
    if (reason === "ImagePullBackOff")
      return {
        refused: `container "${container}" in pod "${name}" is waiting to start: trying and failing to pull image`,
      };
    return { refused: `container "${container}" in pod "${name}" is waiting to start: ${reason}` };
  }
  return { refused: `container "${container}" in pod "${name}" is waiting to start - no logs yet` };
}
