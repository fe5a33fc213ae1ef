/**
 * What a container does when it starts, from the image catalog and the container spec: fail to start
 * (a command the image does not have), serve, run a command, or exit (a missing required env var, a
 * memory limit below what the app uses, a shell with no terminal, `sleep 5` finishing), and the
 * configuration the kubelet must resolve before it can create the container (ConfigMaps, Secrets).
 */
import { IMAGE_DEFAULTS, type ResolvedImage, renderTemplate } from "../../model/images";
import { toMilli } from "../../model/quantity";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";

// biome-ignore lint/suspicious/noExplicitAny: container specs are loosely typed KObject parts
type Spec = Record<string, any>;

/** How a container's run goes. */
export interface Outcome {
  /** The runtime's error when the process cannot even start (exit 128, StartError). */
  startError?: string;
  /** Exit after this many ms with this code and reason; undefined: runs until stopped. */
  exitAfterMs?: number;
  exitCode?: number;
  exitReason?: string;
  /** True when the image's app runs (and so answers HTTP and probes). */
  serves: boolean;
  logs: string[];
}

const SHELLS = new Set(["sh", "ash", "bash"]);

/** The command line the container runs: `command` + `args`, or for an image without an entrypoint (busybox), `args` alone. */
function commandLine(image: ResolvedImage, c: Spec): string[] | undefined {
  if (c.command?.length) return [...c.command, ...(c.args ?? [])];
  if (image.defaultProcess === "shell" && c.args?.length) return [...c.args];
  return undefined;
}

/** Decides how the container runs. `vars` fill log templates. */
export function startOutcome(
  image: ResolvedImage,
  pod: KObject,
  c: Spec,
  vars: { pod: string; ip: string },
): Outcome {
  const tv = { ...vars, version: image.version ?? image.tag };
  const cmd = commandLine(image, c);
  if (cmd) return commandOutcome(image, c, cmd);
  const process = image.defaultProcess ?? "serve";
  if (process === "shell") return c.stdin && c.tty ? { serves: false, logs: [] } : exitNow(0, "Completed");
  if (process === "exit") return exitNow(0, "Completed");
  if (process === "sleep") return { serves: false, logs: [] };
  const logs = (image.logs ?? []).map((l) => renderTemplate(l, tv));
  const missing = (image.requiredEnv ?? []).find((name) => !envNames(pod, c).has(name));
  if (missing) {
    return {
      ...exitNow(1, "Error"),
      logs: [...logs, `error: required environment variable ${missing} is not set`],
    };
  }
  const limit = toMilli(c.resources?.limits?.memory);
  if (limit !== undefined && image.memoryBytes !== undefined && BigInt(image.memoryBytes) * 1000n > limit) {
    const after = (image.memoryAfterSeconds ?? IMAGE_DEFAULTS.memoryAfterSeconds) * 1000;
    return { serves: true, logs, exitAfterMs: after, exitCode: 137, exitReason: "OOMKilled" };
  }
  return { serves: true, logs };
}

function exitNow(code: number, reason: string): Outcome {
  return { serves: false, logs: [], exitAfterMs: 0, exitCode: code, exitReason: reason };
}

/** A command given in the pod spec: it must exist in the image; `sleep N` ends after N s; a shell script runs on. */
function commandOutcome(image: ResolvedImage, c: Spec, cmd: string[]): Outcome {
  const program = cmd[0] ?? "";
  const base = program.split("/").pop() ?? program;
  if (!(image.binaries ?? []).includes(base)) {
    const reason = program.startsWith("/")
      ? `exec: "${program}": stat ${program}: no such file or directory`
      : `exec: "${program}": executable file not found in $PATH`;
    return { serves: false, logs: [], startError: reason };
  }
  if (base === "sleep") {
    const seconds = Number(cmd[1]);
    return Number.isFinite(seconds) ? exitAfter(seconds * 1000, 0) : { serves: false, logs: [] };
  }
  if (SHELLS.has(base)) {
    const script = cmd[cmd.indexOf("-c") + 1];
    if (cmd.includes("-c") && script !== undefined) {
      // Scripts that loop or sleep keep running (the monitor loops of the lessons); others end at once.
      return /while|sleep|tail -f|nc -l|httpd/.test(script) ? { serves: false, logs: [] } : exitAfter(0, 0);
    }
    return c.stdin && c.tty ? { serves: false, logs: [] } : exitAfter(0, 0);
  }
  if (base === "true") return exitAfter(0, 0);
  if (base === "false") return exitAfter(0, 1);
  return { serves: false, logs: [] };
}

function exitAfter(ms: number, code: number): Outcome {
  return {
    serves: false,
    logs: [],
    exitAfterMs: ms,
    exitCode: code,
    exitReason: code === 0 ? "Completed" : "Error",
  };
}

/** Names of the environment variables a container gets (env and envFrom of ConfigMaps/Secrets that exist). */
function envNames(_pod: KObject, c: Spec): Set<string> {
  const names = new Set<string>((c.env ?? []).map((e: { name: string }) => e.name));
  for (const from of c.envFrom ?? [])
    for (const k of from.__keys ?? []) names.add(`${from.prefix ?? ""}${k}`);
  return names;
}

/**
 * The first configuration error that keeps the kubelet from creating the container
 * (CreateContainerConfigError): `configmap "x" not found`, `secret "x" not found`,
 * `couldn't find key k in ConfigMap default/x`. Also records the envFrom keys for envNames.
 */
export function configError(state: ClusterState, pod: KObject, c: Spec): string | undefined {
  const ns = pod.metadata.namespace ?? "default";
  for (const from of c.envFrom ?? []) {
    const ref = from.configMapRef ?? from.secretRef;
    if (!ref) continue;
    const isCm = !!from.configMapRef;
    const obj = state.objects[isCm ? "configmaps" : "secrets"]?.get(`${ns}/${ref.name}`);
    if (!obj && !ref.optional) return `${isCm ? "configmap" : "secret"} "${ref.name}" not found`;
  }
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.configMapKeyRef ?? e.valueFrom?.secretKeyRef;
    if (!ref) continue;
    const isCm = !!e.valueFrom?.configMapKeyRef;
    const obj = state.objects[isCm ? "configmaps" : "secrets"]?.get(`${ns}/${ref.name}`);
    if (!obj) {
      if (ref.optional) continue;
      return `${isCm ? "configmap" : "secret"} "${ref.name}" not found`;
    }
    const data = { ...(obj.data ?? {}), ...(obj.binaryData ?? {}), ...(obj.stringData ?? {}) };
    if (!(ref.key in data) && !ref.optional) {
      return `couldn't find key ${ref.key} in ${isCm ? "ConfigMap" : "Secret"} ${ns}/${ref.name}`;
    }
  }
  return undefined;
}

/** The env var names a container will see, resolving envFrom against the stored ConfigMaps and Secrets. */
export function resolvedEnvNames(state: ClusterState, pod: KObject, c: Spec): Spec {
  // Nothing to resolve: the spec as it is (a copy of it for each of a rollout's 20,000 container starts).
  if (!c.envFrom?.length) return c;
  const ns = pod.metadata.namespace ?? "default";
  const envFrom = (c.envFrom ?? []).map((from: Spec) => {
    const ref = from.configMapRef ?? from.secretRef;
    const obj = ref && state.objects[from.configMapRef ? "configmaps" : "secrets"]?.get(`${ns}/${ref.name}`);
    return { ...from, __keys: Object.keys({ ...(obj?.data ?? {}), ...(obj?.stringData ?? {}) }) };
  });
  return { ...c, envFrom };
}
