/**
 * Shells and tools inside pods (the shell layer's PodExec): what `kubectl exec POD -- CMD` and
 * `kubectl run -it … -- sh` run. The image catalog says which binaries exist (busybox: sh, wget, no curl,
 * no bash); `wget`/`curl` go through the engine's simulated network. busybox ash's prompt is `/ # `.
 */
import { type Cluster, hex64, type Pod, resolveImage } from "../engine";
import type { PodExec } from "../kubectl/context";
import { Interrupt, type Io, type Program } from "../kubectl/program";
import { VirtualFiles } from "./files";
import { curl, type PodToolContext, wget } from "./http-tools";
import { Shell, type ShellHost } from "./interpreter";
import { filterCommand } from "./pipeline";
import { immediate, UTILITIES } from "./utilities";

/** The binaries of a container's image (empty when the image is not in the catalog). */
export function imageBinaries(cluster: Cluster, pod: Pod, container: string): string[] {
  const c = pod.spec?.containers?.find((x) => x.name === container) ?? pod.spec?.containers?.[0];
  const images = (cluster.state.runtime.images ?? []) as Parameters<typeof resolveImage>[0];
  return resolveImage(images, c?.image ?? "")?.binaries ?? [];
}

/** The PodExec the session gives kubectl: runs `argv` in the container as containerd would. */
export function makePodExec(cluster: Cluster): PodExec {
  return function* (pod, container, argv, io, interactive, stdin): Program {
    const binaries = imageBinaries(cluster, pod, container);
    const cmd = argv[0] ?? "";
    const base = cmd.slice(cmd.lastIndexOf("/") + 1);
    if (!binaries.includes(base)) {
      // kubectl prints containerd's refusal (kubectl-facts §10); the id is derived, not random.
      const id = hex64(`${pod.metadata?.uid ?? ""}/${cluster.now}/${argv.join(" ")}`);
      io.err(
        `error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${cmd}": executable file not found in $PATH: unknown\n`,
      );
      return 1;
    }
    const sh = podShell({ cluster, pod, tty: interactive }, binaries, container);
    if (base === "sh" || base === "ash" || base === "bash") {
      if (argv[1] === "-c") {
        yield* sh.runLine(argv[2] ?? "", io);
        return sh.exited ?? sh.status;
      }
      if (stdin !== undefined) {
        // A script on stdin (`kubectl exec -i POD -- sh <<EOF`): run to its end, as `sh < script` does.
        yield* sh.runLine(stdin, io, true);
        return sh.exited ?? sh.status;
      }
      return yield* interactiveShell(sh, io, interactive ? promptFor(base, binaries, pod, sh) : () => "");
    }
    const impl = sh.host.command(base) ?? filterCommand(sh, base);
    if (!impl) return 0;
    return yield* impl(
      [base, ...argv.slice(1)],
      io,
      stdin === undefined ? undefined : { text: stdin, pos: 0 },
      sh,
    );
  };
}

/** The prompt: busybox ash as root `/ # ` (its PS1 `\w \$ `), bash `root@POD:/# `, dash `# `. */
function promptFor(shell: string, binaries: string[], pod: Pod, sh: Shell): () => string {
  const cwd = (): string => sh.host.files.cwd;
  if (shell === "bash") return () => `root@${pod.metadata?.name ?? ""}:${cwd()}# `;
  if (binaries.includes("ash")) return () => `${cwd()} # `;
  return () => "# ";
}

/**
 * Reads lines and runs them until `exit` or end of input; Ctrl-C ends the running command, not the shell.
 * A half-typed command (open quote, loop, here-document) continues on the next line after ash's PS2 `> `.
 */
export function* interactiveShell(sh: Shell, io: Io, prompt: () => string): Program {
  let partial: string[] = [];
  for (;;) {
    let line: string | null | undefined;
    try {
      // A continuation line reports no status (nothing finished yet): its lines join one transcript entry.
      const more = partial.length > 0;
      line = yield { type: "readLine", prompt: more ? "> " : prompt(), status: more ? undefined : sh.status };
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      sh.status = 130;
      partial = [];
      continue;
    }
    const atEof = line === null || line === undefined;
    if (atEof && partial.length === 0) return sh.status;
    if (!atEof) partial.push(line as string);
    const text = partial.join("\n");
    if (!atEof && !Shell.isComplete(text)) continue;
    partial = [];
    try {
      yield* sh.runLine(text, io, atEof);
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      sh.status = 130;
    }
    if (sh.exited !== undefined) return sh.exited;
    if (atEof) return sh.status;
  }
}

/** A shell inside the pod: its files (/etc/hostname …), its environment, the image's binaries. */
export function podShell(ctx: PodToolContext, binaries: string[], container: string): Shell {
  const name = ctx.pod.metadata?.name ?? "";
  const files = new VirtualFiles("/root");
  for (const d of ["/bin", "/dev", "/home", "/lib", "/proc", "/sys", "/usr", "/var"]) files.mkdir(d);
  files.write("/etc/hostname", `${name}\n`);
  files.write("/etc/hosts", `127.0.0.1\tlocalhost\n${ctx.pod.status?.podIP ?? ""}\t${name}\n`);
  files.write(
    "/etc/resolv.conf",
    `search ${ctx.pod.metadata?.namespace ?? "default"}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
  );
  files.chdir("/");
  const tools: Record<string, (c: PodToolContext) => import("./host").CommandImpl> = { wget, curl };
  const host: ShellHost = {
    name: "sh",
    files,
    now: () => ctx.cluster.now,
    epoch: () => ctx.cluster.state.epoch,
    command: (cmd) => {
      if (!binaries.includes(cmd)) return undefined;
      if (cmd === "hostname")
        return immediate((_a, io) => {
          io.out(`${name}\n`);
          return 0;
        });
      const tool = tools[cmd];
      if (tool) return tool(ctx);
      return UTILITIES[cmd];
    },
    hasFilter: (f) => (f === "cat" ? binaries.includes("cat") : binaries.includes("sh")),
    chdir: (p) => files.chdir(p),
  };
  return new Shell(host, podEnvironment(ctx, container));
}

/** The container's environment as the kubelet sets it: PATH, HOSTNAME, HOME, the container's env, service variables. */
function podEnvironment(ctx: PodToolContext, container: string): Record<string, string> {
  const env: Record<string, string> = {
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    HOSTNAME: ctx.pod.metadata?.name ?? "",
  };
  if (ctx.tty) env.TERM = "xterm";
  const c = ctx.pod.spec?.containers?.find((x) => x.name === container);
  for (const e of c?.env ?? []) if (e.value !== undefined) env[e.name] = e.value;
  const ns = ctx.pod.metadata?.namespace ?? "default";
  for (const [key, svc] of ctx.cluster.state.objects.services?.entries() ?? []) {
    const [svcNs] = key.split("/");
    const isApi = key === "default/kubernetes";
    if (svcNs !== ns && !isApi) continue;
    const ip = svc.spec?.clusterIP;
    const port = svc.spec?.ports?.[0];
    if (!ip || ip === "None" || !port) continue;
    const prefix = (svc.metadata?.name ?? "").toUpperCase().replace(/-/g, "_");
    const proto = port.protocol ?? "TCP";
    const url = `${proto.toLowerCase()}://${ip}:${port.port}`;
    env[`${prefix}_SERVICE_HOST`] = ip;
    env[`${prefix}_SERVICE_PORT`] = String(port.port);
    if (port.name)
      env[`${prefix}_SERVICE_PORT_${port.name.toUpperCase().replace(/-/g, "_")}`] = String(port.port);
    env[`${prefix}_PORT`] = url;
    env[`${prefix}_PORT_${port.port}_${proto}`] = url;
    env[`${prefix}_PORT_${port.port}_${proto}_PROTO`] = proto.toLowerCase();
    env[`${prefix}_PORT_${port.port}_${proto}_PORT`] = String(port.port);
    env[`${prefix}_PORT_${port.port}_${proto}_ADDR`] = ip;
  }
  env.HOME = "/root";
  return env;
}
