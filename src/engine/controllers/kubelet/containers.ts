/**
 * One container's lifecycle as the kubelet drives it, one step at a time, each due at `at`:
 * pull (Pulling/Pulled, or "already present"; ErrImagePull → ImagePullBackOff, 10 s doubling to 300 s),
 * create (CreateContainerConfigError while a ConfigMap/Secret is missing; `Created container: x`),
 * start (`Started container x`, or StartError for a missing executable), run (exit, OOMKilled), and
 * restart with the crash back-off: the first restart at once, then 10 s, 20 s, 40 s … 300 s after the
 * previous restart (CrashLoopBackOff in between).
 */
import { fullReference, IMAGE_DEFAULTS } from "../../model/images";
import type { KObject } from "../../model/types";
import { recordEvent } from "../../store/events";
import type { ControllerContext } from "../controller";
import { configError, resolvedEnvNames, startOutcome } from "./process";
import { type ContainerRuntime, hex64, type KubeletState, type PodRuntime } from "./runtime";
import { catalog, lookupImage } from "./serving";

// biome-ignore lint/suspicious/noExplicitAny: container specs are loosely typed KObject parts
type Spec = Record<string, any>;

/** Back-off of crash restarts and image pulls: 10 s doubling to 300 s (kubelet's MaxContainerBackOff). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;

/** Everything a step needs. */
export interface StepContext {
  ctx: ControllerContext;
  kubelet: KubeletState;
  pod: KObject;
  prt: PodRuntime;
  spec: Spec;
}

/** Go's time.Duration String for whole milliseconds: `2s`, `1.5s`, `500ms`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : Number(s.toFixed(3))}s`;
}

function event(sc: StepContext, type: "Normal" | "Warning", reason: string, message: string): void {
  recordEvent(sc.ctx.state, sc.pod, type, reason, message, { component: "kubelet", host: sc.prt.node });
}

/** Runs every step of `c` that is due; true if anything changed. */
export function advanceContainer(sc: StepContext, c: ContainerRuntime): boolean {
  let changed = false;
  for (let guard = 0; guard < 20 && c.at !== undefined && c.at <= sc.ctx.state.now; guard++) {
    runStep(sc, c);
    changed = true;
  }
  return changed;
}

function runStep(sc: StepContext, c: ContainerRuntime): void {
  const now = sc.ctx.state.now;
  switch (c.step) {
    case "pull": {
      beginPull(sc, c);
      return;
    }
    case "pulling": {
      const took = goDuration(now - (c.pullStartedAt ?? now));
      const size = lookupImage(sc.ctx.state, c.image)?.sizeBytes ?? IMAGE_DEFAULTS.sizeBytes;
      event(
        sc,
        "Normal",
        "Pulled",
        `Successfully pulled image "${c.image}" in ${took} (${took} including waiting). Image size: ${size} bytes.`,
      );
      c.pullBackoffMs = 0;
      goTo(c, "create", now);
      return;
    }
    case "pullfail": {
      failPull(sc, c);
      return;
    }
    case "pullbackoff":
      event(sc, "Normal", "BackOff", `Back-off pulling image "${c.image}"`);
      event(sc, "Warning", "Failed", "Error: ImagePullBackOff");
      c.waiting = { reason: "ImagePullBackOff", message: `Back-off pulling image "${c.image}"` };
      {
        goTo(c, "pullwait", (c.pullStartedAt ?? now) + c.pullBackoffMs);
        return;
      }
    case "pullwait": {
      goTo(c, "pull", now);
      return;
    }
    case "create":
    case "configerror": {
      create(sc, c);
      return;
    }
    case "starting": {
      start(sc, c);
      return;
    }
    case "running": {
      exit(sc, c);
      return;
    }
    case "backoff": {
      restart(sc, c);
      return;
    }
    case "done":
      c.at = undefined;
  }
}

function goTo(c: ContainerRuntime, step: ContainerRuntime["step"], at: number | undefined): void {
  c.step = step;
  c.at = at;
}

/** Pull, or skip the pull for IfNotPresent when the node has the image. */
function beginPull(sc: StepContext, c: ContainerRuntime): void {
  const now = sc.ctx.state.now;
  const nodeImages = (sc.kubelet.images[sc.prt.node] ??= {});
  const readyAt = nodeImages[c.image];
  const policy = sc.spec.imagePullPolicy ?? "IfNotPresent";
  // A container restarting right after dying keeps showing that run (`Error`, `StartError`) until the new one starts.
  if (!c.terminated) c.waiting = { reason: c.waiting?.reason ?? "ContainerCreating" };
  if (policy !== "Always" && readyAt !== undefined && readyAt <= now) {
    event(sc, "Normal", "Pulled", `Container image "${c.image}" already present on machine`);
    goTo(c, "create", now);
    return;
  }
  if (policy === "Never") {
    // ErrImageNeverPull: the kubelet may not pull; it looks again on its next sync (10 s here).
    const message = `Container image "${c.image}" is not present with pull policy of Never`;
    event(sc, "Warning", "ErrImageNeverPull", message);
    c.waiting = { reason: "ErrImageNeverPull", message };
    goTo(c, "pull", now + BACKOFF_INITIAL_MS);
    return;
  }
  event(sc, "Normal", "Pulling", `Pulling image "${c.image}"`);
  c.pullStartedAt = now;
  const image = lookupImage(sc.ctx.state, c.image);
  // A pull of an image that does not exist fails after the registry answers (1 s).
  if (!image) {
    goTo(c, "pullfail", now + 1000);
    return;
  }
  const full = (image.pullSeconds ?? IMAGE_DEFAULTS.pullSeconds) * 1000;
  // Present already (policy Always): the registry check and a no-op pull take half the time.
  // Being pulled by another pod: this pull finishes with it.
  let done = now + full;
  if (readyAt !== undefined) done = readyAt <= now ? now + Math.max(1000, full / 2) : readyAt;
  else nodeImages[c.image] = done;
  goTo(c, "pulling", done);
}

/** ErrImagePull with containerd's message, then ImagePullBackOff 1 s later. */
function failPull(sc: StepContext, c: ContainerRuntime): void {
  const err = pullError(sc, c.image);
  event(sc, "Warning", "Failed", `Failed to pull image "${c.image}": ${err}`);
  event(sc, "Warning", "Failed", "Error: ErrImagePull");
  c.waiting = { reason: "ErrImagePull", message: err };
  c.pullBackoffMs = c.pullBackoffMs ? Math.min(c.pullBackoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
  c.pullStartedAt = sc.ctx.state.now;
  goTo(c, "pullbackoff", sc.ctx.state.now + 1000);
}

/** containerd's error for a missing tag (NotFound) or a missing repository (pull access denied). */
function pullError(sc: StepContext, image: string): string {
  const full = fullReference(image);
  const repoKnown = catalog(sc.ctx.state).some(
    (s) => full.includes(`/${s.repository}:`) || full.endsWith(`/library/${s.repository}`),
  );
  if (repoKnown) {
    return `rpc error: code = NotFound desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": ${full}: not found`;
  }
  return `rpc error: code = Unknown desc = failed to pull and unpack image "${full}": failed to resolve reference "${full}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`;
}

/** Creates the container, or reports CreateContainerConfigError and re-checks in 10 s. */
function create(sc: StepContext, c: ContainerRuntime): void {
  const now = sc.ctx.state.now;
  const err = configError(sc.ctx.state, sc.pod, sc.spec);
  if (err) {
    event(sc, "Warning", "Failed", `Error: ${err}`);
    c.waiting = { reason: "CreateContainerConfigError", message: err };
    goTo(c, "configerror", now + BACKOFF_INITIAL_MS);
    return;
  }
  event(sc, "Normal", "Created", `Created container: ${c.name}`);
  const image = lookupImage(sc.ctx.state, c.image);
  const startMs = (image?.startSeconds ?? IMAGE_DEFAULTS.startSeconds) * 1000;
  goTo(c, "starting", now + startMs);
}

/** Starts the process: Started, or StartError (exit 128) and a restart. */
function start(sc: StepContext, c: ContainerRuntime): void {
  const now = sc.ctx.state.now;
  const image = lookupImage(sc.ctx.state, c.image);
  c.containerId = `containerd://${hex64(`${sc.prt.uid}/${c.name}/${c.restartCount}`)}`;
  if (!image) {
    goTo(c, "pull", now);
    return;
  }
  const vars = { pod: sc.pod.metadata.name, ip: sc.prt.ip };
  const outcome = startOutcome(image, sc.pod, resolvedEnvNames(sc.ctx.state, sc.pod, sc.spec), vars);
  if (outcome.startError) {
    const message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${outcome.startError}: unknown`;
    event(sc, "Warning", "Failed", `Error: ${message}`);
    c.terminated = {
      exitCode: 128,
      reason: "StartError",
      message,
      finishedAt: now,
      containerId: c.containerId,
    };
    c.waiting = undefined;
    afterExit(sc, c, "RunContainerError");
    return;
  }
  event(sc, "Normal", "Started", `Started container ${c.name}`);
  c.previousLogs = c.restartCount > 0 || c.last ? c.logs : c.previousLogs;
  c.logs = outcome.logs;
  c.startedAt = now;
  c.started = true;
  c.serves = outcome.serves;
  c.waiting = undefined;
  c.terminated = undefined;
  c.probeSuccesses = 0;
  c.probeFailures = 0;
  const probe = sc.spec.readinessProbe;
  c.ready = !probe;
  c.probeAt = probe ? now + (probe.initialDelaySeconds ?? 0) * 1000 : undefined;
  const liveness = sc.spec.livenessProbe;
  c.livenessAt = liveness ? now + (liveness.initialDelaySeconds ?? 0) * 1000 : undefined;
  c.livenessFailures = 0;
  c.killing = false;
  c.exit =
    outcome.exitAfterMs === undefined
      ? undefined
      : { code: outcome.exitCode ?? 0, reason: outcome.exitReason ?? "Completed" };
  goTo(c, "running", outcome.exitAfterMs === undefined ? undefined : now + outcome.exitAfterMs);
}

/** The process ended: record the termination, then restart per restartPolicy. */
function exit(sc: StepContext, c: ContainerRuntime): void {
  const now = sc.ctx.state.now;
  const code = c.exit?.code ?? 0;
  c.terminated = {
    exitCode: code,
    reason: c.exit?.reason ?? (code === 0 ? "Completed" : "Error"),
    startedAt: c.startedAt,
    finishedAt: now,
    containerId: c.containerId,
  };
  c.ready = false;
  c.started = false;
  c.probeAt = undefined;
  c.livenessAt = undefined;
  afterExit(sc, c, "CrashLoopBackOff");
}

/** restartPolicy: Always restarts, OnFailure restarts non-zero exits, Never keeps the termination. */
function afterExit(sc: StepContext, c: ContainerRuntime, firstReason: string): void {
  const now = sc.ctx.state.now;
  const policy = sc.pod.spec?.restartPolicy ?? "Always";
  const code = c.terminated?.exitCode ?? 0;
  if (policy === "Never" || (policy === "OnFailure" && code === 0)) {
    goTo(c, "done", undefined);
    return;
  }
  // The first crash restarts at once; later ones wait out the back-off measured from the last restart.
  if (c.backoffMs === 0) {
    restart(sc, c);
    return;
  }
  const allowed = (c.lastRestartAt ?? now) + c.backoffMs;
  if (allowed <= now) {
    restart(sc, c);
    return;
  }
  const ns = sc.pod.metadata.namespace ?? "default";
  const who = `${sc.pod.metadata.name}_${ns}(${sc.pod.metadata.uid})`;
  event(sc, "Warning", "BackOff", `Back-off restarting failed container ${c.name} in pod ${who}`);
  c.last = c.terminated;
  c.terminated = undefined;
  const reason = c.last?.reason === "StartError" && c.restartCount === 0 ? firstReason : "CrashLoopBackOff";
  c.waiting = {
    reason,
    message: `back-off ${goDuration(c.backoffMs)} restarting failed container=${c.name} pod=${who}`,
  };
  goTo(c, "backoff", allowed);
}

/** Restarts the container: the back-off grows (10 s, then doubling to 300 s) and the run count goes up. */
function restart(sc: StepContext, c: ContainerRuntime): void {
  const now = sc.ctx.state.now;
  // Straight after a crash the dead run stays the visible state; after a back-off the waiting reason stays.
  if (c.terminated) {
    c.last = c.terminated;
    c.waiting = undefined;
  }
  c.restartCount += 1;
  c.backoffMs = c.backoffMs ? Math.min(c.backoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_INITIAL_MS;
  c.lastRestartAt = now;
  goTo(c, "pull", now);
}
