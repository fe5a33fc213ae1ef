/**
 * `kubectl scale TYPE NAME --replicas=N`: `deployment.apps/http-go scaled` for each target (printed even
 * when nothing changes). `--replicas` is required (v1.31+ reports it through klog); `--current-replicas`
 * is a precondition (`error: Expected replicas to be 3, was 2`).
 */
import { ApiError } from "../../engine";
import { CmdError, ErrorList } from "../errors";
import { flagsFromHelp } from "../flags-from-help";
import { SCALE_HELP } from "../help/scale";
import { done } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandSpec } from "./types";
import {
  CHANGE_CAUSE,
  changeCause,
  NO_RESOURCES,
  RECORD_FLAG,
  requiredFlagMissing,
  targets,
  typedName,
} from "./write-support";

const SCALABLE = ["Deployment", "ReplicaSet", "StatefulSet", "ReplicationController"];

/** `kubectl scale`. */
export const scaleCommand: CommandSpec = {
  name: "scale",
  short: "Set a new size for a deployment, replica set, or replication controller",
  flags: flagsFromHelp(SCALE_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "filename", shorthand: "f", kind: "strings" },
  ]),
  help: SCALE_HELP,
  run(args, flags, ctx) {
    if (!flags.changed("replicas")) throw requiredFlagMissing(ctx, "replicas");
    if (args.length === 0 && flags.list("filename").length === 0) throw new CmdError(NO_RESOURCES);
    const replicas = flags.int("replicas");
    if (replicas < 0)
      throw new CmdError(
        "The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0",
      );
    const dryRun = dryRunOf(flags, ctx);
    const { infos, errors } = targets(args, flags, ctx, { all: flags.bool("all") });
    const current = flags.int("current-replicas");
    for (const info of infos) {
      if (!SCALABLE.includes(info.type.kind)) {
        errors.push(
          new CmdError(`no scaler has been implemented for {"${info.type.group}" "${info.type.kind}"}`),
        );
        continue;
      }
      const now = info.obj.spec?.replicas ?? 1;
      if (current >= 0 && current !== now) {
        errors.push(new CmdError(`Expected replicas to be ${current}, was ${now}`));
        continue;
      }
      const patch: Record<string, unknown> = { spec: { replicas } };
      if (flags.bool("record"))
        patch.metadata = { annotations: { [CHANGE_CAUSE]: changeCause(args, flags, ctx) } };
      try {
        if (dryRun !== "client")
          ctx.cluster.request(
            (api) =>
              api.patch(
                info.type.resource,
                info.obj.metadata.namespace,
                info.obj.metadata.name,
                "merge",
                patch,
                {
                  dryRun: dryRun === "server",
                },
              ),
            ctx.user,
          );
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(e);
        continue;
      }
      const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
      ctx.io.out(`${typedName(info.type, info.obj)} scaled${suffix}\n`);
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return done(0);
  },
};
