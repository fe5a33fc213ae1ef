/**
 * `kubectl api-resources`: the served resource types from discovery (the engine's RESOURCE_TYPES), sorted
 * by API group then name, in the NAME SHORTNAMES APIVERSION NAMESPACED KIND table (`-o wide` adds VERBS
 * and CATEGORIES; `-o name` prints `deployments.apps`).
 */
import { apiVersionOf, RESOURCE_TYPES, type ResourceType } from "../../engine";
import { CmdError } from "../errors";
import type { Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { API_RESOURCES_HELP } from "../help/api-resources";
import { alignRows } from "../printers/tabwriter";
import { done, type Program } from "../program";
import type { CommandContext, CommandSpec } from "./types";

/** The resources in the `all` category (what `kubectl get all` lists). */
const ALL_CATEGORY = new Set(["pods", "services", "deployments", "replicasets"]);

/** `kubectl api-resources`. */
export const apiResourcesCommand: CommandSpec = {
  name: "api-resources",
  flags: flagsFromHelp(API_RESOURCES_HELP),
  help: API_RESOURCES_HELP,
  run: runApiResources,
};

function runApiResources(args: string[], flags: Flags, ctx: CommandContext): Program {
  if (args.length > 0) throw new CmdError(`unexpected arguments: [${args.join(" ")}]`);
  const output = flags.string("output");
  if (!["", "wide", "name"].includes(output)) throw new CmdError(`--output ${output} is not available`);
  if (!["", "name", "kind"].includes(flags.string("sort-by")))
    throw new CmdError("--sort-by accepts only name or kind");
  const types = selectTypes(flags);
  if (output === "name") {
    ctx.io.out(types.map((t) => `${t.group ? `${t.resource}.${t.group}` : t.resource}\n`).join(""));
    return done(0);
  }
  const wide = output === "wide";
  const header = [
    "NAME",
    "SHORTNAMES",
    "APIVERSION",
    "NAMESPACED",
    "KIND",
    ...(wide ? ["VERBS", "CATEGORIES"] : []),
  ];
  const rows = types.map((t) => [
    t.resource,
    t.shortNames.join(","),
    apiVersionOf(t),
    String(t.namespaced),
    t.kind,
    ...(wide ? [t.verbs.join(","), ALL_CATEGORY.has(t.resource) ? "all" : ""] : []),
  ]);
  ctx.io.out(alignRows(flags.bool("no-headers") ? rows : [header, ...rows]));
  return done(0);
}

function selectTypes(flags: Flags): ResourceType[] {
  const group = flags.string("api-group");
  const verbs = flags.list("verbs");
  const categories = flags.list("categories");
  const sortBy = flags.string("sort-by");
  const types = RESOURCE_TYPES.filter(
    (t) =>
      (!flags.changed("api-group") || t.group === group) &&
      (!flags.changed("namespaced") || t.namespaced === flags.bool("namespaced")) &&
      verbs.every((v) => t.verbs.includes(v)) &&
      categories.every((c) => c === "all" && ALL_CATEGORY.has(t.resource)),
  );
  const key = (t: ResourceType) =>
    sortBy === "kind" ? t.kind : sortBy === "name" ? t.resource : `${t.group}/${t.resource}`;
  return [...types].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
