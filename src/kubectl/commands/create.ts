/**
 * `kubectl create`: the group of `create <kind> NAME` generators (quota, role, rolebinding, …, in their
 * own files) and `create -f FILE|DIR`, which creates every object of the manifests in order:
 * `resourcequota/q created`, or per object `Error from server (AlreadyExists): error when creating
 * "q.yaml": resourcequotas "q" already exists`. Without `-f`: `error: must specify one of -f and -k`.
 */
import { ApiError, type KObject, qualifiedKind, resourceTypeForKind } from "../../engine";
import { CmdError, ErrorList, UsageError } from "../errors";
import { flagsFromHelp } from "../flags-from-help";
import { CREATE_HELP } from "../help/create";
import { loadManifests } from "../manifests";
import { DRY_RUN_FLAG, dryRunOf } from "./create-support";
import type { CommandSpec } from "./types";
import { fieldValidationOf, printWarnings, RECORD_FLAG, recordIfAsked } from "./write-support";

/** `kubectl create [-f FILE]`. */
export const createCommand: CommandSpec = {
  name: "create",
  flags: flagsFromHelp(CREATE_HELP, [
    DRY_RUN_FLAG,
    RECORD_FLAG,
    { name: "filename", shorthand: "f", kind: "strings" },
  ]),
  help: CREATE_HELP,
  *run(args, flags, ctx) {
    const files = flags.list("filename");
    if (args.length > 0 && files.length === 0) throw new UsageError(`unknown command "${args[0]}"`);
    if (files.length === 0 && !flags.string("kustomize")) throw new CmdError("must specify one of -f and -k");
    const dryRun = dryRunOf(flags, ctx);
    const errors: Error[] = [];
    const fieldValidation = fieldValidationOf(flags);
    const objects = loadManifests(ctx.files, files, fieldValidation !== "Ignore", ctx.stdin);
    if (objects.length === 0) throw new CmdError("no objects passed to create");
    for (const { source, object } of objects) {
      const t = resourceTypeForKind(object.kind ?? "", object.apiVersion);
      if (!t) {
        const name = object.metadata?.name ?? "";
        const ns = object.metadata?.namespace ?? "";
        errors.push(
          new Error(
            `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`,
          ),
        );
        continue;
      }
      const suffix = dryRun === "client" ? " (dry run)" : dryRun === "server" ? " (server dry run)" : "";
      if (dryRun !== "client") {
        try {
          recordIfAsked(object as KObject, args, flags, ctx);
          const r = ctx.cluster.request(
            (api) =>
              api.create(t.resource, object, t.namespaced ? ctx.namespace : undefined, {
                dryRun: dryRun === "server",
                fieldValidation,
              }),
            ctx.user,
          );
          printWarnings(ctx, r.warnings);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          errors.push(
            new ApiError(e.reason, e.code, `error when creating "${source}": ${e.message}`, e.details),
          );
          continue;
        }
      }
      ctx.io.out(`${qualifiedKind(t)}/${object.metadata?.name ?? ""} created${suffix}\n`);
    }
    if (errors.length > 0) throw new ErrorList(errors);
    return 0;
  },
};
