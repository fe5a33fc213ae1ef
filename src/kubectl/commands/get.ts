/**
 * `kubectl get`: tables (with `-o wide`, `--show-labels`, `-L`, `-A`, several types), structured output
 * (`-o yaml|json|name|jsonpath=…|custom-columns=…`), per-name NotFound errors after the found objects,
 * `No resources found in <ns> namespace.` on stderr, and `-w` (a new row per change, no header again).
 */
import type { KObject, ResourceType } from "../../engine";
import {
  build,
  type Fetched,
  fetchResources,
  type Info,
  noResourcesFound,
  type ResourceArg,
  type Selection,
} from "../builder";
import { ErrorList, UsageError } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { GET_HELP } from "../help/get";
import { printStructured } from "../printers/output";
import { printTables, type TableOptions, tableHeader, tableRow } from "../printers/table-print";
import { alignRemembered } from "../printers/tabwriter";
import { interruptible, type Program } from "../program";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl get`. */
export const getCommand: CommandSpec = {
  name: "get",
  flags: flagsFromHelp(GET_HELP),
  help: GET_HELP,
  run: runGet,
};

function* runGet(args: string[], flags: Flags, ctx: CommandContext): Program {
  const filenames = flags.list("filename");
  if (args.length === 0 && filenames.length === 0) {
    ctx.io.err(
      'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n',
    );
    throw new UsageError(
      'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).',
    );
  }
  const sel: Selection = {
    namespace: ctx.namespace,
    allNamespaces: flags.bool("all-namespaces"),
    selector: flags.string("selector"),
    fieldSelector: flags.string("field-selector"),
  };
  const built = build(ctx, { ...sel, args, filenames });
  // With -f the requests are the objects of the files, type by type (names make a watch follow them).
  const requests = filenames.length > 0 ? requestsOf(built.infos) : built.requests;
  const fetched: Fetched = built;
  const output = flags.string("output");
  const errors = flags.bool("ignore-not-found")
    ? fetched.errors.filter((e) => !("reason" in e && e.reason === "NotFound"))
    : fetched.errors;
  const opts = tableOptions(flags, ctx, requests, args, output);
  if (!flags.bool("watch-only")) {
    // Every -o but a table's goes to the structured printers, which reject unknown formats as kubectl does.
    if (output !== "" && output !== "wide") {
      const single = built.singleItemImplied && fetched.infos.length <= 1;
      if (fetched.infos.length > 0 || !single) ctx.io.out(printStructured(output, fetched.infos, single));
    } else {
      const text = printTables(group(requests, fetched.infos), opts);
      ctx.io.out(text);
      if (text === "" && errors.length === 0 && !flags.bool("watch"))
        ctx.io.err(noResourcesFound(sel, requests[0]?.type.namespaced ?? true));
    }
  }
  if (errors.length > 0) throw new ErrorList(errors);
  if (flags.bool("watch") || flags.bool("watch-only")) return yield* watch(ctx, requests, sel, fetched, opts);
  return 0;
}

/** The `TYPE NAME…` requests that fetch `infos` again (consecutive objects of one type share a request). */
function requestsOf(infos: readonly Info[]): ResourceArg[] {
  const out: ResourceArg[] = [];
  for (const i of infos) {
    const last = out[out.length - 1];
    if (last && last.type === i.type) last.names.push(i.obj.metadata.name);
    else out.push({ type: i.type, names: [i.obj.metadata.name] });
  }
  return out;
}

function tableOptions(
  flags: Flags,
  ctx: CommandContext,
  requests: ResourceArg[],
  args: string[],
  output: string,
): TableOptions {
  const types = new Set(requests.map((r) => r.type));
  const all = (args[0] ?? "").split(",").includes("all");
  return {
    wide: output === "wide",
    showKind: flags.bool("show-kind") || types.size > 1 || all,
    showNamespace: flags.bool("all-namespaces"),
    showLabels: flags.bool("show-labels"),
    labelColumns: flags.list("label-columns"),
    noHeaders: flags.bool("no-headers"),
    nowMs: ctx.cluster.state.epoch + ctx.cluster.state.now,
  };
}

/** Objects grouped by type in the order the types were asked for. */
function group(requests: ResourceArg[], infos: Info[]): { type: ResourceType; objs: KObject[] }[] {
  const out: { type: ResourceType; objs: KObject[] }[] = [];
  for (const info of infos) {
    const last = out[out.length - 1];
    if (last && last.type === info.type) last.objs.push(info.obj);
    else out.push({ type: info.type, objs: [info.obj] });
  }
  if (out.length === 0 && requests[0]) out.push({ type: requests[0].type, objs: [] });
  return out;
}

/** `-w`: waits for changes and prints one row per changed (or deleted) object; ends only by Ctrl-C. */
function* watch(
  ctx: CommandContext,
  requests: ResourceArg[],
  sel: Selection,
  first: Fetched,
  opts: TableOptions,
): Program {
  const seen = new Map<string, string>();
  const key = (i: Info) => `${i.type.resource}/${i.obj.metadata.namespace ?? ""}/${i.obj.metadata.name}`;
  for (const i of first.infos) seen.set(key(i), i.obj.metadata.resourceVersion ?? "");
  let last = first.infos;
  // The widths of the first table; later rows keep at least these (RememberWidths).
  const widths: number[] = [];
  const initial = first.infos.map((i) => tableRow(i.type, i.obj, opts));
  const header = requests[0] ? tableHeader(requests[0].type, opts) : [];
  let headerShown = initial.length > 0 && !opts.noHeaders;
  alignRemembered(headerShown ? [header, ...initial] : initial, widths);
  for (;;) {
    if (yield* interruptible({ type: "wait" })) return 1;
    const now = fetchResources(ctx, requests, sel).infos;
    const rows: string[][] = [];
    const state = { ...opts, nowMs: ctx.cluster.state.epoch + ctx.cluster.state.now };
    for (const i of now) {
      const rv = i.obj.metadata.resourceVersion ?? "";
      if (seen.get(key(i)) !== rv) rows.push(tableRow(i.type, i.obj, state));
      seen.set(key(i), rv);
    }
    const present = new Set(now.map(key));
    for (const i of last) {
      if (!present.has(key(i))) {
        rows.push(tableRow(i.type, i.obj, state));
        seen.delete(key(i));
      }
    }
    last = now;
    for (const r of rows) {
      // Each event is one flush; the header goes out with the first row when the list started empty.
      ctx.io.out(alignRemembered(headerShown || opts.noHeaders ? [r] : [header, r], widths));
      headerShown = true;
    }
  }
}
