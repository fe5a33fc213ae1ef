/**
 * `kubectl edit TYPE NAME`: opens the object as YAML under kubectl's header in the editor (an `edit`
 * effect), then: unchanged → `Edit cancelled, no changes made.`; empty → `Edit cancelled, saved file was
 * empty.`; a YAML error or a refused change → the file reopens with the error as `#` lines above the
 * edited text; quitting unchanged after an error → `A copy of your changes has been stored to "…"` and
 * `error: Edit cancelled, no valid changes were saved.`; success → `deployment.apps/http-go edited`. The
 * change is sent as a strategic merge patch with strict field validation.
 */
import { parse } from "yaml";
import { ApiError, declarativePatch, type KObject, qualifiedResource } from "../../engine";
import type { Info } from "../builder";
import { CmdError, ErrorList, SilentError } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { EDIT_HELP } from "../help/edit";
import { goYamlMessage } from "../manifests";
import { toYaml } from "../printers/output";
import type { Program } from "../program";
import type { CommandContext, CommandSpec } from "./types";
import {
  fieldValidationOf,
  NO_RESOURCES,
  printWarnings,
  RECORD_FLAG,
  recordIfAsked,
  targets,
  typedName,
} from "./write-support";

/** The header kubectl puts above the object. */
export const EDIT_HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

/** `kubectl edit`. */
export const editCommand: CommandSpec = {
  name: "edit",
  short: "Edit a resource on the server",
  flags: flagsFromHelp(EDIT_HELP, [RECORD_FLAG, { name: "filename", shorthand: "f", kind: "strings" }]),
  help: EDIT_HELP,
  *run(args, flags, ctx): Program {
    if (args.length === 0 && flags.list("filename").length === 0) throw new CmdError(NO_RESOURCES);
    // `edit deploy` with no name edits every Deployment (ResourceTypeOrNameArgs(true, …)).
    const { infos, errors } = targets(args, flags, ctx, { all: true });
    if (errors.length > 0) throw new ErrorList(errors);
    if (infos.length === 0) throw new CmdError("edit cancelled, no objects found");
    return yield* editGroup(infos, args, flags, ctx);
  },
};

function withoutComments(text: string): string {
  return text
    .split("\n")
    .filter((l) => !l.startsWith("#"))
    .join("\n");
}

/** What the editor shows for `infos`: the object itself, or a `kind: List` (v1) of them all. */
function bufferOf(infos: readonly Info[]): string {
  const clean = infos.map((i) => {
    const { managedFields: _hidden, ...metadata } = i.obj.metadata;
    return { ...i.obj, metadata };
  });
  if (clean.length === 1) return toYaml(clean[0]);
  return toYaml({ apiVersion: "v1", items: clean, kind: "List", metadata: {} });
}

/** The objects of the saved text: a List's items, or the one object. */
function itemsOf(body: string): KObject[] {
  const parsed = parse(body, { uniqueKeys: false, logLevel: "error" }) as KObject | null;
  if (parsed?.kind === "List" && Array.isArray(parsed.items)) return parsed.items as KObject[];
  return parsed ? [parsed] : [];
}

/**
 * editoptions.go's loop: open the buffer; unchanged → cancelled; empty → cancelled; a syntax error or
 * refused objects reopen the edited text under the reasons; quitting unchanged after an error keeps a
 * copy and fails. Each object is matched to its original by uid: unchanged ones are `skipped`, changed
 * ones patched (`edited`) or reported (`error: deployments.apps "x" is invalid`).
 */
function* editGroup(infos: readonly Info[], args: string[], flags: Flags, ctx: CommandContext): Program {
  const first = infos[0] as Info;
  const file = `/tmp/kubectl-edit-${String(2_000_000_000 + Number(first.obj.metadata.resourceVersion ?? 0)).slice(0, 10)}.yaml`;
  const original = bufferOf(infos);
  let shown = original;
  let errorBlock = "";
  for (;;) {
    const saved = yield { type: "edit", file, content: `${EDIT_HEADER}${errorBlock}${shown}` };
    const body = withoutComments(saved ?? "");
    if (errorBlock !== "" && body === withoutComments(shown)) {
      ctx.files.write(file, saved ?? "");
      ctx.io.err(`A copy of your changes has been stored to "${file}"\n`);
      throw new CmdError("Edit cancelled, no valid changes were saved.");
    }
    if (body === withoutComments(original)) {
      ctx.io.err("Edit cancelled, no changes made.\n");
      return 0;
    }
    if (body.trim() === "") {
      ctx.io.err("Edit cancelled, saved file was empty.\n");
      return 0;
    }
    shown = body;
    let edited: KObject[];
    try {
      edited = itemsOf(body);
    } catch (e) {
      const yamlError = e as Parameters<typeof goYamlMessage>[0];
      errorBlock = `# The edited file had a syntax error: error parsing edited-file: error converting YAML to JSON: yaml: ${goYamlMessage(yamlError)}\n#\n`;
      continue;
    }
    errorBlock = "";
    for (const item of edited) {
      const info = infos.find((i) => i.obj.metadata.uid === item?.metadata?.uid);
      if (!info) {
        ctx.files.write(file, saved ?? "");
        ctx.io.err(`A copy of your changes has been stored to "${file}"\n`);
        throw new CmdError(
          `no original object found for ${item?.kind ?? ""} "${item?.metadata?.name ?? ""}"`,
        );
      }
      if (bufferOf([{ ...info, obj: item }]) === bufferOf([info])) {
        ctx.io.out(`${typedName(info.type, info.obj)} skipped\n`);
        continue;
      }
      if (
        item.apiVersion !== info.obj.apiVersion ||
        item.kind !== info.obj.kind ||
        item.metadata?.name !== info.obj.metadata.name
      ) {
        ctx.files.write(file, saved ?? "");
        ctx.io.err(`A copy of your changes has been stored to "${file}"\n`);
        throw new CmdError("At least one of apiVersion, kind and name was changed");
      }
      const outcome = send(info, item, { args, flags, ctx });
      if (outcome !== "ok") errorBlock += outcome;
    }
    if (errorBlock === "") return 0;
  }
}

/** Sends the change; "ok", or the `#` lines to reopen with. */
function send(
  info: Info,
  edited: KObject,
  run: { args: string[]; flags: Flags; ctx: CommandContext },
): string {
  const { ctx, flags } = run;
  recordIfAsked(edited, run.args, flags, ctx);
  const patch = declarativePatch(info.type.kind, info.obj, edited);
  if (Object.keys(patch).length === 0) {
    ctx.io.err("Edit cancelled, no changes made.\n");
    throw new SilentError(0);
  }
  const { namespace, name } = info.obj.metadata;
  try {
    const r = ctx.cluster.request(
      (api) =>
        api.patch(info.type.resource, namespace, name, "strategic", patch, {
          fieldValidation: fieldValidationOf(flags),
        }),
      ctx.user,
    );
    printWarnings(ctx, r.warnings);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    const what = `${qualifiedResource(info.type)} "${name}"`;
    ctx.io.err(`error: ${what} is invalid\n`);
    const causes = e.details.causes?.length
      ? e.details.causes.map((c) => `${c.field}: ${c.message}`)
      : [e.message];
    return `# ${what} was not valid:\n${causes.map((c) => `# * ${c}\n`).join("")}#\n`;
  }
  ctx.io.out(`${typedName(info.type, info.obj)} edited\n`);
  return "ok";
}
