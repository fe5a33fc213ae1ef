/**
 * The cells of a pod row as the API server's printPod (pkg/printers/internalversion) computes them:
 * READY = ready/total containers, STATUS = phase → status.reason → init-container state → the waiting/
 * terminated reason of the containers (scanned last to first) → `Terminating` when deleted and not
 * finished; RESTARTS = the sum of restart counts, with `(<age> ago)` of the last termination.
 */
import type { ContainerStatus, Pod } from "../../engine";
import { ageOf } from "./duration";

/** READY, STATUS, RESTARTS of a pod at wall-clock `nowMs`. */
export function podCells(pod: Pod, nowMs: number): { ready: string; status: string; restarts: string } {
  const status = pod.status ?? {};
  let restarts = 0;
  let lastRestart = "";
  let ready = 0;
  const total = pod.spec?.containers?.length ?? 0;
  let reason: string = status.phase ?? "";
  if (status.reason) reason = status.reason;
  if ((status.conditions ?? []).some((c) => c.type === "PodScheduled" && c.reason === "SchedulingGated"))
    reason = "SchedulingGated";
  const noteRestart = (c: ContainerStatus) => {
    restarts += c.restartCount ?? 0;
    const finished = c.lastState?.terminated?.finishedAt;
    if (finished && (lastRestart === "" || Date.parse(finished) > Date.parse(lastRestart)))
      lastRestart = finished;
  };
  let initializing = false;
  const inits = status.initContainerStatuses ?? [];
  for (let i = 0; i < inits.length; i++) {
    const c = inits[i] as ContainerStatus;
    noteRestart(c);
    const t = c.state?.terminated;
    const w = c.state?.waiting;
    if (t && t.exitCode === 0) continue;
    if (t)
      reason = t.reason
        ? `Init:${t.reason}`
        : t.signal
          ? `Init:Signal:${t.signal}`
          : `Init:ExitCode:${t.exitCode}`;
    else if (w?.reason && w.reason !== "PodInitializing") reason = `Init:${w.reason}`;
    else reason = `Init:${i}/${pod.spec?.initContainers?.length ?? 0}`;
    initializing = true;
    break;
  }
  const initialized = (status.conditions ?? []).some((c) => c.type === "Initialized" && c.status === "True");
  if (!initializing || initialized) {
    if (initializing) {
      restarts = 0;
      lastRestart = "";
    }
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as ContainerStatus;
      noteRestart(c);
      const w = c.state?.waiting;
      const t = c.state?.terminated;
      if (w?.reason) reason = w.reason;
      else if (t?.reason) reason = t.reason;
      else if (t) reason = t.signal ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === "Completed" && hasRunning) {
      reason = (status.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True")
        ? "Running"
        : "NotReady";
    }
  }
  const deleted = pod.metadata?.deletionTimestamp;
  if (deleted && status.reason === "NodeLost") reason = "Unknown";
  else if (deleted && status.phase !== "Succeeded" && status.phase !== "Failed") reason = "Terminating";
  const restartsCell =
    restarts !== 0 && lastRestart ? `${restarts} (${ageOf(lastRestart, nowMs)} ago)` : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartsCell };
}

/** The wide cells: IP, NODE, NOMINATED NODE, READINESS GATES (`<none>` when unset). */
export function podWideCells(pod: Pod): string[] {
  const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || "<none>";
  const gates = pod.spec?.readinessGates ?? [];
  const gateCell =
    gates.length === 0
      ? "<none>"
      : `${gates.filter((g) => (pod.status?.conditions ?? []).some((c) => c.type === g.conditionType && c.status === "True")).length}/${gates.length}`;
  return [ip, pod.spec?.nodeName || "<none>", pod.status?.nominatedNodeName || "<none>", gateCell];
}
