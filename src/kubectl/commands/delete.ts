/**
 * `kubectl delete TYPE NAME… | TYPE/NAME | -f FILE | -l SELECTOR | --all`: one line per object,
 * `deployment.apps "http-go" deleted` (v1.28–v1.33 form), then, as `--wait=true` is the default, waits
 * until every deleted object is gone (a pod: after its graceful termination, up to 30 s).
 */
import { ApiError, type KObject, qualifiedKind } from "../../engine";
import type { Info } from "../builder";
import { CmdError, ErrorList } from "../errors";
import { flagsFromHelp } from "../flags-from-help";
import { DELETE_HELP } from "../help/delete";
import type { Program } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import { NO_RESOURCES, prefixed, targets } from "./write-support";

/** `kubectl delete`. */
export const deleteCommand: CommandSpec = {
  name: "delete",
  short: "Delete resources by file names, stdin, resources and names, or by resources and label selector",
  flags: flagsFromHelp(DELETE_HELP, [DRY_RUN_FLAG, { name: "filename", shorthand: "f", kind: "strings" }]),
  help: DELETE_HELP,
  *run(args, flags, ctx): Program {
    if (args.length === 0 && flags.list("filename").length === 0) throw new CmdError(NO_RESOURCES);
    const dryRun = dryRunOf(flags, ctx);
    const grace = flags.int("grace-period");
    const force = flags.bool("force");
    const now = flags.bool("now");
    if (force && grace < 0) {
      ctx.io.err(
        "Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n",
      );
    }
    // Objects named in files are deleted by name as written (no fetch first), as the builder visits them.
    const { infos, errors } = targets(args, flags, ctx, { all: flags.bool("all"), latest: false });
    const kept = flags.bool("ignore-not-found")
      ? errors.filter((e) => !(e instanceof ApiError && e.reason === "NotFound"))
      : errors;
    if (infos.length === 0 && kept.length === 0 && !flags.bool("ignore-not-found")) {
      ctx.io.err(`No resources found\n`);
      return 0;
    }
    const gone: Info[] = [];
    const gracePeriodSeconds = force ? 0 : now ? 1 : grace >= 0 ? grace : undefined;
    for (const info of infos) {
      const { name, namespace } = info.obj.metadata;
      try {
        if (dryRun !== "client")
          ctx.cluster.request(
            (api) =>
              api.delete(info.type.resource, namespace, name, {
                dryRun: dryRun === "server",
                gracePeriodSeconds,
              }),
            ctx.user,
          );
      } catch (e) {
        // cmdutil.AddSourceToErr: `error when deleting "x.yaml": <message>` for objects from files.
        kept.push((info.source ? prefixed(e, `error when deleting "${info.source}"`) : e) as Error);
        continue;
      }
      const verb = force ? "force deleted" : "deleted";
      const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
      ctx.io.out(
        flags.string("output") === "name"
          ? `${qualifiedKind(info.type)}/${name}\n`
          : `${qualifiedKind(info.type)} "${name}" ${verb}${suffix}\n`,
      );
      if (dryRun === "none") gone.push(info.source ? { ...info, obj: live(ctx, info) ?? info.obj } : info);
    }
    if (flags.bool("wait") && !force) yield* waitUntilGone(ctx, gone);
    if (kept.length > 0) throw new ErrorList(kept);
    return 0;
  },
};

/** The object as stored now (with its uid), or undefined once it is gone. */
function live(ctx: CommandContext, info: Info): KObject | undefined {
  return ctx.cluster.read((api) => api.peek(info.type, info.obj.metadata.namespace, info.obj.metadata.name));
}

/** Waits (simulated time) until none of `infos` exists any more with its uid. */
export function* waitUntilGone(
  ctx: CommandContext,
  infos: readonly Info[],
): Generator<{ type: "wait" }, void, unknown> {
  const stillThere = () =>
    infos.some((i) => {
      const live: KObject | undefined = ctx.cluster.read((api) =>
        api.peek(i.type, i.obj.metadata.namespace, i.obj.metadata.name),
      );
      return live !== undefined && live.metadata.uid === i.obj.metadata.uid;
    });
  while (stillThere()) yield { type: "wait" };
}
