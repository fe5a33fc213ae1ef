/**
 * The readiness prober (pkg/kubelet/prober): probes at start + initialDelaySeconds, then every
 * periodSeconds; successThreshold consecutive successes make the container ready, failureThreshold
 * consecutive failures unready; a container is unready until its first success. Failure messages are
 * the prober's: `HTTP probe failed with statuscode: 500`, `Get "http://10.244.0.5:8081/": dial tcp
 * 10.244.0.5:8081: connect: connection refused`, `dial tcp 10.244.0.5:8081: connect: connection refused`.
 */
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import type { ContainerRuntime } from "./runtime";
import { lookupImage, podAnswer, portNumber } from "./serving";

// biome-ignore lint/suspicious/noExplicitAny: probe specs are loosely typed KObject parts
type Spec = Record<string, any>;

/** One probe's result: success, or the failure message. */
export type ProbeResult = { ok: true } | { ok: false; message: string };

/** Runs `probe` of a container in `pod` (IP `ip`) at the state's current instant. */
export function runProbe(
  state: ClusterState,
  pod: KObject,
  ip: string,
  c: ContainerRuntime,
  probe: Spec,
): ProbeResult {
  if (probe.httpGet) {
    const port = portNumber(pod, probe.httpGet.port);
    const path: string = probe.httpGet.path || "/";
    const url = `${(probe.httpGet.scheme ?? "HTTP").toLowerCase()}://${ip}:${port}${path}`;
    const answer = port === undefined ? ({ kind: "refused" } as const) : podAnswer(state, pod, port, path);
    if (answer.kind === "refused")
      return { ok: false, message: `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused` };
    if (answer.status >= 200 && answer.status < 400) return { ok: true };
    return { ok: false, message: `HTTP probe failed with statuscode: ${answer.status}` };
  }
  if (probe.tcpSocket) {
    const port = portNumber(pod, probe.tcpSocket.port);
    const answer = port === undefined ? ({ kind: "refused" } as const) : podAnswer(state, pod, port, "/");
    return answer.kind === "refused"
      ? { ok: false, message: `dial tcp ${ip}:${port}: connect: connection refused` }
      : { ok: true };
  }
  if (probe.exec) {
    const cmd: string[] = probe.exec.command ?? [];
    const program = cmd[0] ?? "";
    const image = lookupImage(state, c.image);
    const base = program.split("/").pop() ?? program;
    if (!(image?.binaries ?? []).includes(base)) {
      return {
        ok: false,
        message: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown`,
      };
    }
    // `cat /tmp/healthy`-style checks of files the app never writes fail as cat does.
    if (base === "cat" && cmd[1])
      return { ok: false, message: `cat: can't open '${cmd[1]}': No such file or directory` };
    return { ok: true };
  }
  return { ok: true };
}

/** The container's readiness probe with API defaults applied (the spec already has them; this guards old objects). */
export function readinessProbe(spec: Spec): Spec | undefined {
  const p = spec.readinessProbe;
  if (!p) return undefined;
  return {
    initialDelaySeconds: 0,
    periodSeconds: 10,
    successThreshold: 1,
    failureThreshold: 3,
    timeoutSeconds: 1,
    ...p,
  };
}
