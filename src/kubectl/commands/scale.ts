/**
 * `kubectl scale TYPE NAME --replicas=N` through the scale subresource, as kubectl v1.32's generic
 * scaler does: without preconditions one merge PATCH of `<resource>/scale` (`{"spec":{"replicas":N}}`,
 * RBAC verb `patch` on `deployments/scale`); with `--current-replicas` or `--resource-version`, a GET of
 * the scale, the precondition check (`error: Expected replicas to be 3, was 2`, `Expected resource version
 * to be 7, was 9`) and an UPDATE (`update` on `deployments/scale`). `deployment.apps/http-go scaled` for
 * each target (printed even when nothing changes); `--replicas` is required (v1.31+ reports it via klog).
 */
import { ApiError, type KObject } from "../../engine";
import type { Info } from "../builder";
import { CmdError, ErrorList } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { SCALE_HELP } from "../help/scale";
import { done } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import {
  CHANGE_CAUSE,
  changeCause,
  NO_RESOURCES,
  RECORD_FLAG,
  requiredFlagMissing,
  targets,
  typedName,
} from "./write-support";

/** The resources that serve a scale subresource (others answer 404 for `<resource>/scale`). */
const SCALABLE = ["deployments", "replicasets", "statefulsets", "replicationcontrollers"];

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
    if (flags.int("current-replicas") < -1)
      throw new CmdError("The --current-replicas must specify an integer of -1 or greater");
    const dryRun = dryRunOf(flags, ctx);
    const { infos, errors } = targets(args, flags, ctx, { all: flags.bool("all") });
    if (flags.string("resource-version") !== "" && infos.length > 1)
      throw new CmdError("cannot use --resource-version with multiple resources");
    for (const info of infos) {
      if (dryRun !== "client") {
        try {
          scaleOne(info, replicas, flags, { ctx, args, dryRun: dryRun === "server" });
        } catch (e) {
          if (!(e instanceof ApiError) && !(e instanceof CmdError)) throw e;
          // The scaler returns its first error: the targets after it are not scaled.
          errors.push(e);
          break;
        }
      }
      const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
      ctx.io.out(`${typedName(info.type, info.obj)} scaled${suffix}\n`);
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return done(0);
  },
};

/** ScaleSimple: PATCH the scale, or GET + precondition check + UPDATE when a precondition is given. */
function scaleOne(
  info: Info,
  replicas: number,
  flags: Flags,
  run: { ctx: CommandContext; args: string[]; dryRun: boolean },
): void {
  const { ctx } = run;
  const { namespace, name } = info.obj.metadata;
  const resource = info.type.resource;
  if (!SCALABLE.includes(resource))
    throw new ApiError("NotFound", 404, "the server could not find the requested resource");
  const current = flags.int("current-replicas");
  const resourceVersion = flags.string("resource-version");
  const precondition = current !== -1 || resourceVersion !== "";
  // --record annotates the object itself (a separate patch of the main resource in kubectl).
  const record = flags.bool("record") ? changeCause(run.args, flags, ctx) : undefined;
  ctx.cluster.request((api) => {
    const live: KObject = precondition
      ? api.getVia("scale", resource, namespace, name)
      : (api.peek(info.type, namespace, name) ?? { ...info.obj });
    const now = live.spec?.replicas ?? 1;
    if (current !== -1 && current !== now)
      throw new CmdError(`Expected replicas to be ${current}, was ${now}`);
    const rv = live.metadata.resourceVersion ?? "";
    if (resourceVersion !== "" && resourceVersion !== rv)
      throw new CmdError(`Expected resource version to be ${resourceVersion}, was ${rv}`);
    const next = { ...live, spec: { ...live.spec, replicas } };
    api.updateVia("scale", precondition ? "update" : "patch", resource, next, { dryRun: run.dryRun });
    if (!record) return;
    try {
      const annotations = { [CHANGE_CAUSE]: record };
      api.patch(resource, namespace, name, "merge", { metadata: { annotations } }, { dryRun: run.dryRun });
    } catch (e) {
      // kubectl only logs a failed record patch (klog V(4)); the scale stands.
      if (!(e instanceof ApiError)) throw e;
    }
  }, ctx.user);
}
