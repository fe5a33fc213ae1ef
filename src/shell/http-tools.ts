/**
 * busybox `wget` and `curl` inside pods, answering from the simulated network with their real messages
 * (kubectl-facts §9: busybox networking/wget.c; curl 8's `curl: (7) Failed to connect …`). A connection
 * that times out takes 130 simulated seconds (Linux gives up on a SYN after 6 retries, about 127 s).
 */
import { type Cluster, httpGet, type Pod } from "../engine";
import type { Io, Program } from "../kubectl/program";
import type { CommandImpl } from "./host";
import { waitUntil } from "./utilities";

/** What the pod tools need: the cluster, the pod, whether stdout is a terminal. */
export interface PodToolContext {
  cluster: Cluster;
  pod: Pod;
  tty: boolean;
}

/** An HTTP GET from the pod, inside a cluster request (picking an endpoint advances the seeded generator). */
export function podGet(ctx: PodToolContext, url: string): ReturnType<typeof httpGet> {
  const key = `${ctx.pod.metadata?.namespace ?? "default"}/${ctx.pod.metadata?.name ?? ""}`;
  return ctx.cluster.request((api) => httpGet(api.state, key, url)).result;
}

/** Seconds a connect attempt to a silent address takes before it fails. */
export const CONNECT_TIMEOUT_S = 130;

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  204: "No Content",
  301: "Moved Permanently",
  302: "Found",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
};

/** The reason phrase of an HTTP status. */
export function reasonPhrase(status: number): string {
  return REASONS[status] ?? "Unknown";
}

/** busybox wget's progress line (`%-20.20s%4u%%`): name padded to 20, 100% in 4 columns, 32 stars, the size in 5 columns, ETA. */
function wgetProgress(name: string, size: number): string {
  return `${name.padEnd(20)} 100% |${"*".repeat(32)}| ${String(size).padStart(5)}  0:00:00 ETA\n`;
}

/** `wget [-q] [-O FILE|-] [-T SEC] URL` (busybox). */
export const wget = (ctx: PodToolContext): CommandImpl =>
  function* (argv, io, _stdin, sh): Program {
    let quiet = false;
    let output: string | undefined;
    let url: string | undefined;
    for (let i = 1; i < argv.length; i++) {
      const a = argv[i] as string;
      if (a.startsWith("-") && a.length > 1 && !a.startsWith("--")) {
        for (let j = 1; j < a.length; j++) {
          const f = a[j];
          if (f === "q") quiet = true;
          else if (f === "O" || f === "T" || f === "U" || f === "Y" || f === "P") {
            const value = a.length > j + 1 ? a.slice(j + 1) : argv[++i];
            if (f === "O") output = value;
            break;
          }
        }
      } else if (!a.startsWith("--")) url ??= a;
    }
    if (!url) {
      io.err(
        "BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n",
      );
      return 1;
    }
    const res = podGet(ctx, url);
    const hostPort = url.replace(/^https?:\/\//i, "").replace(/[/?#].*$/, "");
    if (!res.ok && res.error === "bad address") {
      io.err(`wget: bad address '${hostPort.replace(/:\d+$/, "")}'\n`);
      return 1;
    }
    if (!quiet) io.err(`Connecting to ${hostPort} (${res.ip}:${res.port})\n`);
    if (!res.ok) {
      if (res.error === "timeout") {
        yield* waitUntil(sh.host, sh.host.now() + CONNECT_TIMEOUT_S * 1000);
        io.err(`wget: can't connect to remote host (${res.ip}): Connection timed out\n`);
      } else io.err(`wget: can't connect to remote host (${res.ip}): Connection refused\n`);
      return 1;
    }
    if (res.status >= 400) {
      io.err(`wget: server returned error: HTTP/1.1 ${res.status} ${reasonPhrase(res.status)}\n`);
      return 1;
    }
    const toStdout = output === "-";
    const file = output ?? "index.html";
    if (!quiet) io.err(toStdout ? "writing to stdout\n" : `saving to '${file}'\n`);
    if (toStdout) io.out(res.body);
    else sh.host.files.write(file, res.body);
    if (!quiet) {
      io.err(wgetProgress(toStdout ? "-" : file, new TextEncoder().encode(res.body).length));
      io.err(toStdout ? "written to stdout\n" : `'${file}' saved\n`);
    }
    return 0;
  };

const CURL_HEADER =
  "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n";

/** curl's progress line (its progress.c columns: `%3d %5s  %3d %5s  %3d %5s  %5s  %5s %8s %8s %8s %5s`). */
function curlProgress(size: number): string {
  const pct = size > 0 ? 100 : 0;
  const speed = size * 1000; // one simulated millisecond for the transfer
  const five = (n: number): string => (n < 100_000 ? String(n) : `${Math.floor(n / 1024)}k`).padStart(5);
  return `${String(pct).padStart(3)} ${five(size)}  ${String(pct).padStart(3)} ${five(size)}    0     0  ${five(speed)}      0 --:--:-- --:--:-- --:--:-- ${five(speed)}\n`;
}

/** `curl [-s] [-f] URL` (curl 8): the body on stdout; without a terminal the progress meter on stderr. */
export const curl = (ctx: PodToolContext): CommandImpl =>
  function* (argv, io, _stdin, sh): Program {
    const flags = argv.slice(1).filter((a) => a.startsWith("-"));
    const silent = flags.some((f) => !f.startsWith("--") && f.includes("s")) || flags.includes("--silent");
    const fail = flags.some((f) => !f.startsWith("--") && f.includes("f")) || flags.includes("--fail");
    const url = argv.slice(1).find((a) => !a.startsWith("-"));
    if (!url) {
      io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
      return 2;
    }
    const meter = !ctx.tty && !silent;
    const u = url.replace(/^https?:\/\//i, "").replace(/[/?#].*$/, "");
    const host = u.replace(/:\d+$/, "");
    const res = podGet(ctx, url);
    if (meter) io.err(CURL_HEADER);
    const zero = "  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0\n";
    if (!res.ok) {
      if (res.error === "bad address")
        return curlError(io, meter, zero, 6, `Could not resolve host: ${host}`);
      if (res.error === "timeout") {
        yield* waitUntil(sh.host, sh.host.now() + CONNECT_TIMEOUT_S * 1000);
        return curlError(
          io,
          meter,
          zero,
          28,
          `Failed to connect to ${host} port ${res.port} after ${CONNECT_TIMEOUT_S * 1000} ms: Couldn't connect to server`,
        );
      }
      return curlError(
        io,
        meter,
        zero,
        7,
        `Failed to connect to ${host} port ${res.port} after 0 ms: Couldn't connect to server`,
      );
    }
    if (fail && res.status >= 400)
      return curlError(io, meter, zero, 22, `The requested URL returned error: ${res.status}`);
    if (meter) io.err(curlProgress(new TextEncoder().encode(res.body).length));
    io.out(res.body);
    return 0;
  };

function curlError(io: Io, meter: boolean, zero: string, code: number, message: string): number {
  if (meter) io.err(zero);
  io.err(`curl: (${code}) ${message}\n`);
  return code;
}
