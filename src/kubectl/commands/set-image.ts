/**
 * `kubectl set` (the group) and `kubectl set image TYPE NAME CONTAINER=IMAGE…`: the key is the container
 * name (`*` = all); an unknown name is `error: unable to find container named "x"`; an image already in
 * place prints nothing; otherwise `deployment.apps/http-go image updated`. A refused patch is
 * `error: failed to patch image update to pod template: <api message>`.
 */
import { ApiError, declarativePatch, type KObject } from "../../engine";
import type { Info } from "../builder";
import { CmdError, ErrorList, UsageError } from "../errors";
import { flagsFromHelp } from "../flags-from-help";
import { SET_HELP } from "../help/set";
import { SET_IMAGE_HELP } from "../help/set-image";
import { done } from "../program";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandContext, CommandSpec } from "./types";
import { CHANGE_CAUSE, changeCause, RECORD_FLAG, targets, typedName } from "./write-support";

/** `kubectl set` without a subcommand: its help. */
export const setCommand: CommandSpec = {
  name: "set",
  short: "Set specific features on objects",
  flags: [],
  help: SET_HELP,
  run(args, _flags, ctx) {
    if (args.length > 0) throw new UsageError(`unknown command "${args[0]}" for "kubectl set"`);
    ctx.io.out(SET_HELP);
    return done(0);
  },
};

/** `kubectl set image`. */
export const setImageCommand: CommandSpec = {
  name: "image",
  parent: "set",
  short: "Update the image of a pod template",
  flags: flagsFromHelp(SET_IMAGE_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "filename", shorthand: "f", kind: "strings" },
  ]),
  help: SET_IMAGE_HELP,
  run(args, flags, ctx) {
    const resources = args.filter((a) => !a.includes("="));
    const pairs = args.filter((a) => a.includes("="));
    if (resources.length === 0 && flags.list("filename").length === 0)
      throw new CmdError("one or more resources must be specified as <resource> <name> or <resource>/<name>");
    if (pairs.length === 0) throw new CmdError("at least one image update is required");
    const images = pairs.map((p) => ({
      container: p.slice(0, p.indexOf("=")),
      image: p.slice(p.indexOf("=") + 1),
    }));
    const dryRun = dryRunOf(flags, ctx);
    const { infos, errors } = targets(resources, flags, ctx, { all: flags.bool("all") });
    for (const info of infos) {
      const copy = JSON.parse(JSON.stringify(info.obj)) as KObject;
      const spec = podSpecOf(copy);
      if (!spec) {
        // UpdatePodSpecForObject's error, with the Go type of the object (every served kind is a v1 type).
        errors.push(
          new CmdError(
            `${info.type.resource}/${info.obj.metadata.name} the object is not a pod or does not have a pod template: *v1.${info.type.kind}`,
          ),
        );
        continue;
      }
      const problems = setImages(spec, images);
      errors.push(...problems);
      if (problems.length > 0 || JSON.stringify(copy) === JSON.stringify(info.obj)) continue;
      if (!updateImage(ctx, info, copy, { args, flags, dryRun }, errors)) continue;
      const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
      ctx.io.out(`${typedName(info.type, info.obj)} image updated${suffix}\n`);
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return done(0);
  },
};

// biome-ignore lint/suspicious/noExplicitAny: pod specs are read loosely here
type Loose = Record<string, any>;

/** The pod spec a kind carries: the Pod's own, a CronJob's job template's, else the template's. */
function podSpecOf(obj: KObject): Loose | undefined {
  if (obj.kind === "Pod") return obj.spec;
  if (obj.kind === "CronJob") return obj.spec?.jobTemplate?.spec?.template?.spec;
  return obj.spec?.template?.spec;
}

/** Sets the images in place; the errors for container names that match nothing. */
function setImages(spec: Loose, images: { container: string; image: string }[]): Error[] {
  const errors: Error[] = [];
  const all: Loose[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  for (const { container, image } of images) {
    const matched = all.filter((c) => container === "*" || c.name === container);
    if (matched.length === 0) errors.push(new CmdError(`unable to find container named "${container}"`));
    for (const c of matched) c.image = image;
  }
  return errors;
}

function updateImage(
  ctx: CommandContext,
  info: Info,
  copy: KObject,
  opts: { args: string[]; flags: import("../flags").Flags; dryRun: string },
  errors: Error[],
): boolean {
  if (opts.flags.bool("record"))
    copy.metadata.annotations = {
      ...(copy.metadata.annotations ?? {}),
      [CHANGE_CAUSE]: changeCause(opts.args, opts.flags, ctx),
    };
  if (opts.dryRun === "client") return true;
  try {
    const patch = declarativePatch(info.type.kind, info.obj, copy);
    const { namespace, name } = info.obj.metadata;
    ctx.cluster.request(
      (api) =>
        api.patch(info.type.resource, namespace, name, "strategic", patch, {
          dryRun: opts.dryRun === "server",
        }),
      ctx.user,
    );
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    errors.push(new CmdError(`failed to patch image update to pod template: ${e.message}`));
    return false;
  }
}
