/**
 * `kubectl logs POD [-c CONTAINER] [-p] [--tail N] [-f]` and `kubectl logs TYPE/NAME` (one pod of the
 * Deployment/ReplicaSet): the container's output as the kubelet keeps it (engine `containerLogs`); the
 * kubelet's refusals are the API server's BadRequest errors.
 */
import { ApiError, containerLogs, type KObject, matchesRequirements, type Pod } from "../../engine";
import { parseResourceArgs } from "../builder";
import { CmdError, UsageError } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { LOGS_HELP } from "../help/logs";
import type { Program } from "../program";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl logs`. */
export const logsCommand: CommandSpec = {
  name: "logs",
  flags: flagsFromHelp(LOGS_HELP),
  help: LOGS_HELP,
  run: runLogs,
};

const USAGE =
  "expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command";

function* runLogs(args: string[], flags: Flags, ctx: CommandContext): Program {
  if (args.length === 0 || args.length > 2) throw new UsageError(USAGE);
  const pod = findPod(ctx, args[0] as string);
  const names = (pod.spec?.containers ?? []).map((c) => c.name);
  let container = flags.string("container") || args[1] || "";
  if (!container) {
    container = pod.metadata?.annotations?.["kubectl.kubernetes.io/default-container"] ?? names[0] ?? "";
    if (names.length > 1) ctx.io.err(`Defaulted container "${container}" out of: ${names.join(", ")}\n`);
  }
  if (!names.includes(container))
    throw new CmdError(`container ${container} is not valid for pod ${pod.metadata?.name}`);
  const ns = pod.metadata?.namespace ?? ctx.namespace;
  const name = pod.metadata?.name ?? "";
  const read = () => {
    const r = containerLogs(ctx.cluster.state, ns, name, container, flags.bool("previous"));
    if (!r.ok) throw new ApiError("BadRequest", 400, r.message);
    return r.lines;
  };
  let lines = read();
  const tail = flags.int("tail");
  const shown = tail >= 0 ? lines.slice(Math.max(0, lines.length - tail)) : lines;
  for (const l of shown) ctx.io.out(`${l}\n`);
  if (!flags.bool("follow")) return 0;
  let printed = lines.length;
  for (;;) {
    yield { type: "wait" };
    if (!ctx.cluster.state.objects.pods?.get(`${ns}/${name}`)) return 0;
    lines = read();
    // A restarted container starts a new log; follow keeps reading the old stream, which has ended.
    if (lines.length < printed) return 0;
    for (const l of lines.slice(printed)) ctx.io.out(`${l}\n`);
    printed = lines.length;
  }
}

/** The pod named by `POD` or `TYPE/NAME` (for a workload: its first pod, ready ones first). */
function findPod(ctx: CommandContext, ref: string): Pod {
  if (!ref.includes("/"))
    return ctx.cluster.read((api) => api.get("pods", ctx.namespace, ref), ctx.user) as Pod;
  const [req] = parseResourceArgs([ref]);
  if (!req) throw new UsageError(USAGE);
  const obj = ctx.cluster.read(
    (api) => api.get(req.type.resource, ctx.namespace, req.names[0] ?? ""),
    ctx.user,
  );
  if (req.type.kind === "Pod") return obj as Pod;
  const selector = obj.spec?.selector;
  if (!selector) throw new CmdError(`cannot attach to ${obj.kind}: selector for ${obj.kind} not implemented`);
  const reqs = [
    ...Object.entries(selector.matchLabels ?? {}).map(([key, v]) => ({
      key,
      operator: "In" as const,
      values: [String(v)],
    })),
  ];
  const pods = ctx.cluster
    .read((api) => api.list("pods", ctx.namespace), ctx.user)
    .filter((p: KObject) => matchesRequirements(reqs, p.metadata.labels) && !p.metadata.deletionTimestamp);
  const ready = (p: KObject) =>
    (p.status?.conditions ?? []).some(
      (c: { type: string; status: string }) => c.type === "Ready" && c.status === "True",
    );
  pods.sort((a, b) => Number(ready(b)) - Number(ready(a)));
  const first = pods[0];
  if (!first) throw new CmdError(`timed out waiting for the condition`);
  if (pods.length > 1) ctx.io.err(`Found ${pods.length} pods, using pod/${first.metadata.name}\n`);
  return first as Pod;
}
