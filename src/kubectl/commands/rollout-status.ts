/**
 * `kubectl rollout status`: prints the status line for the Deployment on every change until it is rolled
 * out (exit 0), its progress deadline passes or `--timeout` expires (exit 1). `--watch=false` prints once.
 */
import type { Deployment } from "../../engine";
import type { Info } from "../builder";
import { CmdError } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { ROLLOUT_STATUS_HELP } from "../help/rollout-status";
import { interruptible, type Program } from "../program";
import { deploymentStatus } from "../status/deployment";
import { groupKind, rolloutTargets, throwAll } from "./rollout-common";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl rollout status`. */
export const rolloutStatusCommand: CommandSpec = {
  name: "status",
  parent: "rollout",
  short: "Show the status of the rollout",
  flags: flagsFromHelp(ROLLOUT_STATUS_HELP),
  help: ROLLOUT_STATUS_HELP,
  run: runStatus,
};

function* runStatus(args: string[], flags: Flags, ctx: CommandContext): Program {
  const revision = flags.int("revision");
  if (revision < 0) throw new CmdError(`revision must be a positive integer: ${revision}`);
  const { infos, errors } = rolloutTargets(args, flags, ctx);
  throwAll(errors);
  // v1.32 visits every object in turn (`-f` with a Deployment and a Service: the status, then the error).
  for (const info of infos) {
    const code = yield* statusOf(info, flags, ctx);
    if (code !== 0) return code;
  }
  return 0;
}

/** Follows one object's rollout until done (0), interrupted (1), or throws kubectl's error. */
function* statusOf(info: Info, flags: Flags, ctx: CommandContext): Program {
  if (info.type.kind !== "Deployment")
    throw new CmdError(`no status viewer has been implemented for ${groupKind(info)}`);
  const revision = flags.int("revision");
  const { namespace, name } = info.obj.metadata;
  const timeout = flags.duration("timeout");
  const deadline = timeout > 0 ? ctx.cluster.now + timeout : undefined;
  let lastVersion: string | undefined;
  let d = info.obj as Deployment;
  for (;;) {
    if (d.metadata?.resourceVersion !== lastVersion) {
      lastVersion = d.metadata?.resourceVersion;
      const s = deploymentStatus(d, revision);
      if (s.error) throw new CmdError(s.error);
      ctx.io.out(s.message);
      if (s.done || !flags.bool("watch")) return 0;
    }
    if (deadline !== undefined && ctx.cluster.now >= deadline)
      throw new CmdError("timed out waiting for the condition");
    const interrupted = yield* interruptible(
      deadline === undefined ? { type: "wait" } : { type: "wait", until: deadline },
    );
    if (interrupted) return 1;
    const next = ctx.cluster.read((api) => api.peek(api.type("deployments"), namespace, name));
    if (!next) throw new CmdError("object has been deleted");
    d = next as Deployment;
  }
}
