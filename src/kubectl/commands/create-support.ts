/**
 * What every `kubectl create <kind> NAME` subcommand shares (cmd/create CreateSubcommandOptions): the
 * one-NAME rule, `--dry-run=none|client|server`, the server request as the command's user, and the
 * printing: `resourcequota/q created`, `… created (dry run)`, `… (server dry run)`, or `-o yaml|json|name`.
 */
import { type ApiError, type KObject, qualifiedKind, type ResourceType } from "../../engine";
import { CmdError, UsageError } from "../errors";
import type { FlagDef, Flags } from "../flags";
import { isStructured, printStructured } from "../printers/output";
import type { CommandContext } from "./types";

/** `--dry-run` takes a value; bare `--dry-run` means "unchanged" (deprecated: client). */
export const DRY_RUN_FLAG: FlagDef = {
  name: "dry-run",
  kind: "string",
  default: "none",
  noOptDefault: "unchanged",
};

/** The NAME argument; `error: exactly one NAME is required, got N` + the usage line otherwise. */
export function nameArg(args: readonly string[]): string {
  if (args.length !== 1) throw new UsageError(`exactly one NAME is required, got ${args.length}`);
  return args[0] as string;
}

/** The dry-run strategy of `--dry-run`. */
export function dryRunOf(flags: Flags, ctx: CommandContext): "none" | "client" | "server" {
  const v = flags.string("dry-run");
  if (v === "unchanged") {
    ctx.io.err(
      `${klogWarning(ctx, "helpers.go:702")} --dry-run is deprecated and can be replaced with --dry-run=client.\n`,
    );
    return "client";
  }
  if (v === "" || v === "none" || v === "false") return "none";
  if (v === "client" || v === "true") return "client";
  if (v === "server") return "server";
  throw new CmdError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/**
 * Sends `obj` (unless client dry-run) and prints the result. `wrap` is the command's error prefix
 * (`failed to create quota`), when it has one; API errors are otherwise printed as the server's.
 */
export function createAndPrint(
  ctx: CommandContext,
  flags: Flags,
  type: ResourceType,
  obj: KObject,
  wrap?: string,
): number {
  const output = flags.string("output");
  if (output !== "" && !isStructured(output)) {
    throw new CmdError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
    );
  }
  const dryRun = dryRunOf(flags, ctx);
  const ns = type.namespaced ? ctx.namespace : undefined;
  if (type.namespaced && ctx.explicitNamespace) obj.metadata.namespace = ctx.namespace;
  let result: KObject = clientForm(type, obj);
  if (dryRun !== "client") {
    try {
      result = ctx.cluster.request(
        (api) => api.create(type.resource, obj, ns, { dryRun: dryRun === "server" }),
        ctx.user,
      ).result;
    } catch (e) {
      if (wrap && (e as ApiError).name === "ApiError")
        throw new CmdError(`${wrap}: ${(e as ApiError).message}`);
      throw e;
    }
  }
  if (output === "name" || !isStructured(output)) {
    const suffix =
      output === "name"
        ? ""
        : dryRun === "client"
          ? " created (dry run)"
          : dryRun === "server"
            ? " created (server dry run)"
            : " created";
    ctx.io.out(`${qualifiedKind(type)}/${result.metadata.name}${suffix}\n`);
    return 0;
  }
  ctx.io.out(printStructured(output, [{ type, obj: result }], true));
  return 0;
}

/** The object as the client serializes it before sending: `creationTimestamp: null`, `status: {}` for kinds with a status. */
function clientForm(type: ResourceType, obj: KObject): KObject {
  const out: KObject = {
    ...obj,
    metadata: { ...obj.metadata, creationTimestamp: null as unknown as string },
  };
  if (type.kind === "ResourceQuota") out.status = {};
  return out;
}

/** A klog warning header (`W0106 10:15:30.000000       1 helpers.go:702]`) at the simulated instant. */
function klogWarning(ctx: CommandContext, where: string): string {
  const d = new Date(ctx.cluster.state.epoch + ctx.cluster.now);
  const two = (n: number) => String(n).padStart(2, "0");
  const date = `${two(d.getUTCMonth() + 1)}${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.000000`;
  return `W${date} ${time}       1 ${where}]`;
}
