/**
 * `kubectl rollout pause | resume | restart`: each computes a change of the Deployment (paused, or the
 * restartedAt template annotation), reports kubectl's errors in its format (`error: deployments.apps "x"
 * is already paused`), and writes it; a refused write is `error: failed to patch: <api message>`.
 */
import { ApiError, type Deployment, timestamp } from "../../engine";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { ROLLOUT_PAUSE_HELP } from "../help/rollout-pause";
import { ROLLOUT_RESTART_HELP } from "../help/rollout-restart";
import { ROLLOUT_RESUME_HELP } from "../help/rollout-resume";
import { done, type Program } from "../program";
import { nameOf, resourceString, rolloutTargets } from "./rollout-common";
import type { CommandContext, CommandSpec } from "./types";

/** A change to a Deployment: mutate `d` (a copy) or throw the reason; `verb` names the unsupported action. */
interface Patcher {
  verb: string;
  done: string;
  apply(d: Deployment, ctx: CommandContext): void;
}

function patchCommand(name: string, short: string, help: string, patcher: Patcher): CommandSpec {
  return {
    name,
    parent: "rollout",
    short,
    flags: flagsFromHelp(help),
    help,
    run(args: string[], flags: Flags, ctx: CommandContext): Program {
      const { infos, errors } = rolloutTargets(args, flags, ctx);
      for (const info of infos) {
        const prefix = `error: ${resourceString(info)} "${info.obj.metadata.name}"`;
        if (info.type.kind !== "Deployment") {
          errors.push(new CmdError(`${prefix} ${patcher.verb} is not supported`));
          continue;
        }
        const copy = JSON.parse(JSON.stringify(info.obj)) as Deployment;
        try {
          patcher.apply(copy, ctx);
        } catch (e) {
          const message = (e as Error).message;
          errors.push(new CmdError(e instanceof RestartTooSoon ? message : `${prefix} ${message}`));
          continue;
        }
        try {
          ctx.cluster.request((api) => {
            const live = api.get(
              "deployments",
              info.obj.metadata.namespace,
              info.obj.metadata.name,
            ) as Deployment;
            patcher.apply(live, ctx);
            api.update("deployments", live as never);
          }, ctx.user);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          errors.push(new CmdError(`failed to patch: ${e.message}`));
          continue;
        }
        ctx.io.out(`${nameOf(info)} ${patcher.done}\n`);
      }
      if (errors.length > 0) throw new ErrorList(errors);
      return done(0);
    },
  };
}

/** `kubectl rollout pause`. */
export const rolloutPauseCommand = patchCommand(
  "pause",
  "Mark the provided resource as paused",
  ROLLOUT_PAUSE_HELP,
  {
    verb: "pausing",
    done: "paused",
    apply(d) {
      if (d.spec?.paused) throw new Error("is already paused");
      (d.spec as NonNullable<Deployment["spec"]>).paused = true;
    },
  },
);

/** `kubectl rollout resume`. */
export const rolloutResumeCommand = patchCommand("resume", "Resume a paused resource", ROLLOUT_RESUME_HELP, {
  verb: "resuming",
  done: "resumed",
  apply(d) {
    if (!d.spec?.paused) throw new Error("is not paused");
    (d.spec as NonNullable<Deployment["spec"]>).paused = false;
  },
});

/** `kubectl rollout restart`: the restartedAt annotation with the simulated clock's time (RFC 3339, UTC). */
export const rolloutRestartCommand = patchCommand("restart", "Restart a resource", ROLLOUT_RESTART_HELP, {
  verb: "restarting",
  done: "restarted",
  apply(d, ctx) {
    if (d.spec?.paused) throw new Error("can't restart paused deployment (run rollout resume first)");
    const template = (d.spec as NonNullable<Deployment["spec"]>).template;
    template.metadata ??= {};
    template.metadata.annotations ??= {};
    const now = timestamp(ctx.cluster.state, ctx.cluster.now);
    if (template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] === now) {
      throw new RestartTooSoon(d.metadata?.name ?? "");
    }
    template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] = now;
  },
});

class RestartTooSoon extends Error {
  constructor(name: string) {
    super(
      `failed to create patch for ${name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`,
    );
  }
}
