/**
 * `kubectl run NAME --image=IMAGE [-- ARGS…]`: a Pod labelled `run=NAME` with one container `NAME`.
 * Without `-i`: `pod/NAME created`. With `-i[t]`: waits (up to `--pod-running-timeout`, 1m) for the pod
 * to run, prints `If you don't see a command prompt, try pressing enter.` on stderr and attaches to the
 * container through ctx.podExec; on exit, with restartPolicy Always, `Session ended, resume using
 * 'kubectl attach NAME -c NAME -i -t' command when the pod is running`; `--rm` then deletes the pod
 * (`pod "NAME" deleted`). A pod that never runs: `pod "NAME" deleted` then `error: timed out waiting for
 * the condition`.
 */
import type { KObject, Pod } from "../../engine";
import { resolveType } from "../builder";
import { CmdError, UsageError } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { RUN_HELP } from "../help/run";
import type { Program } from "../program";
import { createAndPrint, DRY_RUN_FLAG } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import { RECORD_FLAG, recordIfAsked, requiredFlagMissing } from "./write-support";

/** `kubectl run`. */
export const runCommand: CommandSpec = {
  name: "run",
  short: "Run a particular image on the cluster",
  flags: flagsFromHelp(RUN_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "env", kind: "stringArray" },
    { name: "annotations", kind: "stringArray" },
  ]),
  help: RUN_HELP,
  *run(args, flags, ctx): Program {
    const dash = ctx.argsLenAtDash;
    const name = (dash === 0 ? undefined : args[0]) ?? "";
    if (!name) throw new UsageError("NAME is required for run");
    if (!flags.changed("image")) throw requiredFlagMissing(ctx, "image");
    const stdin = flags.bool("stdin");
    const attach = flags.changed("attach") ? flags.bool("attach") : stdin;
    if (flags.bool("rm") && !attach) throw new UsageError("--rm should only be used for attached containers");
    if (flags.bool("tty") && !stdin)
      throw new UsageError("-i/--stdin is required for containers with -t/--tty=true");
    const restart = flags.string("restart");
    if (!["Always", "OnFailure", "Never"].includes(restart))
      throw new CmdError(`invalid restart policy: ${restart}`);
    const pod = podFor(name, args.slice(1), flags);
    recordIfAsked(pod, args, flags, ctx);
    if (!attach) return createAndPrint(ctx, flags, resolveType("pods"), pod);
    ctx.cluster.request((api) => api.create("pods", pod, ctx.namespace), ctx.user);
    return yield* attachTo(ctx, flags, name);
  },
};

/** The Pod `kubectl run` sends. */
function podFor(name: string, rest: string[], flags: Flags): KObject {
  const labels = flags.string("labels")
    ? Object.fromEntries(
        flags
          .string("labels")
          .split(",")
          .map((kv) => kv.split("=") as [string, string]),
      )
    : { run: name };
  const container: Record<string, unknown> = { name, image: flags.string("image") };
  if (rest.length > 0) container[flags.bool("command") ? "command" : "args"] = rest;
  const env = flags.list("env").map((e) => ({ name: e.split("=")[0], value: e.slice(e.indexOf("=") + 1) }));
  if (env.length > 0) container.env = env;
  if (flags.string("image-pull-policy")) container.imagePullPolicy = flags.string("image-pull-policy");
  if (flags.string("port")) container.ports = [{ containerPort: Number(flags.string("port")) }];
  container.resources = {};
  if (flags.bool("stdin")) {
    container.stdin = true;
    if (!flags.bool("leave-stdin-open")) container.stdinOnce = true;
  }
  if (flags.bool("tty")) container.tty = true;
  const annotations = Object.fromEntries(
    flags.list("annotations").map((a) => [a.split("=")[0], a.slice(a.indexOf("=") + 1)]),
  );
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { ...(Object.keys(annotations).length > 0 ? { annotations } : {}), labels, name },
    spec: { containers: [container], dnsPolicy: "ClusterFirst", restartPolicy: flags.string("restart") },
    status: {},
  } as unknown as KObject;
}

function livePod(ctx: CommandContext, name: string): Pod | undefined {
  return ctx.cluster.read((api) => api.peek(resolveType("pods"), ctx.namespace, name)) as Pod | undefined;
}

function* attachTo(ctx: CommandContext, flags: Flags, name: string): Program {
  const deadline = ctx.cluster.now + (flags.duration("pod-running-timeout") || 60_000);
  let pod = livePod(ctx, name);
  // kubectl waits with podRunningAndReady: phase Running and the Ready condition True (a container that
  // cannot start, like busybox asked for `bash`, never gets there and the wait times out).
  const ready = (p: Pod): boolean =>
    p.status?.phase === "Running" &&
    (p.status?.conditions ?? []).some((c) => c.type === "Ready" && c.status === "True");
  while (pod && !ready(pod) && ctx.cluster.now < deadline) {
    if (pod.status?.phase === "Succeeded" || pod.status?.phase === "Failed") break;
    yield { type: "wait", until: deadline };
    pod = livePod(ctx, name);
  }
  if (!pod || !ready(pod)) {
    removePod(ctx, flags, name);
    throw new CmdError("timed out waiting for the condition");
  }
  if (!ctx.podExec)
    throw new CmdError("unable to upgrade connection: the sandbox has no shell for pods here");
  const quiet = flags.bool("quiet");
  if (!quiet) ctx.io.err("If you don't see a command prompt, try pressing enter.\n");
  const argv = [...(pod.spec?.containers?.[0]?.command ?? []), ...(pod.spec?.containers?.[0]?.args ?? [])];
  const code = yield* ctx.podExec(pod, name, argv, ctx.io, flags.bool("tty"));
  const restart = flags.string("restart");
  if (restart === "Always" && !quiet)
    ctx.io.out(
      `Session ended, resume using 'kubectl attach ${name} -c ${name} -i -t' command when the pod is running\n`,
    );
  removePod(ctx, flags, name);
  if (restart === "Always") return 0;
  if (code !== 0) ctx.io.err(`pod ${ctx.namespace}/${name} terminated (Error)\n`);
  return code;
}

function removePod(ctx: CommandContext, flags: Flags, name: string): void {
  if (!flags.bool("rm")) return;
  ctx.cluster.request((api) => api.delete("pods", ctx.namespace, name), ctx.user);
  ctx.io.out(`pod "${name}" deleted\n`);
}
