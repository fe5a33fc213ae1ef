/**
 * `kubectl exec [-it] POD|TYPE/NAME [-c CONTAINER] -- COMMAND…`: runs the command in the container through
 * ctx.podExec and exits with its status (`command terminated with exit code N` on stderr when non-zero).
 * The v1.31+ errors: `exec POD CMD` without `--`, no command, completed pods, containers not running.
 */
import { ApiError, type KObject, matchesRequirements, type Pod, parseSelector } from "../../engine";
import { parseResourceArgs, resolveType } from "../builder";
import { CmdError, UsageError } from "../errors";
import { flagsFromHelp } from "../flags-from-help";
import { EXEC_HELP } from "../help/exec";
import type { Program } from "../program";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl exec`. */
export const execCommand: CommandSpec = {
  name: "exec",
  short: "Execute a command in a container",
  flags: flagsFromHelp(EXEC_HELP, [{ name: "filename", shorthand: "f", kind: "strings" }]),
  help: EXEC_HELP,
  *run(args, flags, ctx): Program {
    const dash = ctx.argsLenAtDash;
    if (args.length === 0 || dash === 0) throw new CmdError("pod, type/name or --filename must be specified");
    if ((dash === -1 && args.length > 1) || dash > 1)
      throw new UsageError(
        "exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead",
      );
    const command = args.slice(1);
    if (command.length === 0) throw new CmdError("you must specify at least one command for the container");
    const pod = findPod(ctx, args[0] as string);
    const phase = pod.status?.phase;
    if (phase === "Succeeded" || phase === "Failed")
      throw new CmdError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
    const container = pickContainer(ctx, pod, flags.string("container"));
    if (!pod.spec?.nodeName) throw new CmdError("unable to upgrade connection: pod does not exist");
    const running = (pod.status?.containerStatuses ?? []).some(
      (s) => s.name === container && s.state?.running,
    );
    if (!running) throw new CmdError(`unable to upgrade connection: container not found ("${container}")`);
    if (!ctx.podExec)
      throw new CmdError("unable to upgrade connection: the sandbox has no shell for pods here");
    // -i passes kubectl's stdin (a pipe, a here-document, else the terminal's lines); without it the
    // command's stdin is empty. A shell prompts only with a terminal attached (-t with -i).
    const stdin = flags.bool("stdin") ? ctx.stdin : "";
    const tty = flags.bool("stdin") && flags.bool("tty");
    const code = yield* ctx.podExec(pod, container, command, ctx.io, tty, stdin);
    if (code !== 0) ctx.io.err(`command terminated with exit code ${code}\n`);
    return code;
  },
};

/** The pod named `arg` (`http-go-…`, `pod/x`, or `deploy/x` → its first pod by name). */
function findPod(ctx: CommandContext, arg: string): Pod {
  const [request] = arg.includes("/")
    ? parseResourceArgs([arg])
    : [{ type: resolveType("pods"), names: [arg] }];
  const type = request?.type ?? resolveType("pods");
  const name = request?.names[0] ?? arg;
  const obj = ctx.cluster.read((api) => api.get(type.resource, ctx.namespace, name), ctx.user) as KObject;
  if (type.kind === "Pod") return obj as Pod;
  const selector = obj.spec?.selector?.matchLabels ?? obj.spec?.selector ?? {};
  const text = Object.entries(selector as Record<string, string>)
    .map(([k, v]) => `${k}=${v}`)
    .join(",");
  const requirements = parseSelector(text);
  const pods = ctx.cluster.read((api) => api.list("pods", ctx.namespace), ctx.user) as Pod[];
  const match = pods.find(
    (p) => !p.metadata?.deletionTimestamp && matchesRequirements(requirements, p.metadata?.labels),
  );
  if (!match) throw new CmdError(`cannot attach to ${type.kind} ${name}: no pods found`);
  return match;
}

function pickContainer(ctx: CommandContext, pod: Pod, wanted: string): string {
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  if (wanted) {
    if (!names.includes(wanted))
      throw new ApiError("BadRequest", 400, `container ${wanted} is not valid for pod ${pod.metadata?.name}`);
    return wanted;
  }
  if (names.length > 1) ctx.io.err(`Defaulted container "${names[0]}" out of: ${names.join(", ")}\n`);
  return names[0] ?? "";
}
