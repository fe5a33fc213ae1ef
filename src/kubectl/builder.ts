/**
 * The resource builder (cli-runtime resource.Builder): turns `TYPE NAME…`, `TYPE/NAME…`, `deploy,rs`,
 * `all`, `-l SELECTOR` and `-A` into objects fetched through the API as the command's user. Names that are
 * not found become per-name NotFound errors while the others are still returned.
 */
import {
  type ApiError,
  findResourceType,
  type KObject,
  matchesRequirements,
  parseSelector,
  type ResourceType,
  SelectorParseError,
} from "../engine";
import { visitPaths } from "./builder-files";
import type { CommandContext } from "./commands/types";
import { CmdError } from "./errors";
import { checkFields, matchesFields, parseFieldSelector } from "./field-selector";

/** One resource type with the names asked for (none = every object of the type). */
export interface ResourceArg {
  type: ResourceType;
  names: string[];
}

/** A fetched object with its type (and the `-f` file it was named in, `STDIN` for `-f -`). */
export interface Info {
  type: ResourceType;
  obj: KObject;
  source?: string;
}

/** How to select: the namespace, all namespaces, a label selector. */
export interface Selection {
  namespace: string;
  allNamespaces?: boolean;
  /** `-l` text; empty = everything. */
  selector?: string;
  /** `--field-selector` text; empty = everything. */
  fieldSelector?: string;
}

/** The resource types `kubectl get all` expands to, in discovery order (those the sandbox serves). */
export const ALL_CATEGORY = ["pods", "services", "deployments", "replicasets"];

/** A resource type by a name the user typed, or kubectl's error for an unknown one. */
export function resolveType(name: string): ResourceType {
  const t = findResourceType(name);
  if (!t) throw new CmdError(`the server doesn't have a resource type "${name}"`);
  return t;
}

/** The types of a comma-separated list (`deploy,rs`, `all`). */
export function resolveTypes(list: string): ResourceType[] {
  return list
    .split(",")
    .filter((n) => n !== "")
    .flatMap((n) => (n.toLowerCase() === "all" ? ALL_CATEGORY.map(resolveType) : [resolveType(n)]));
}

/**
 * Parses the positional args of get/describe/rollout/…: either `TYPE[,TYPE…] [NAME…]` or `TYPE/NAME…`
 * (not mixed). Returns [] when there are no args (the command prints its own "required" error).
 */
export function parseResourceArgs(args: readonly string[]): ResourceArg[] {
  if (args.length === 0) return [];
  const slashed = args.filter((a) => a.includes("/"));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      throw new CmdError(
        "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'",
      );
    }
    const out: ResourceArg[] = [];
    for (const a of args) {
      const slash = a.indexOf("/");
      const typeName = a.slice(0, slash);
      const name = a.slice(slash + 1);
      if (typeName === "" || name === "")
        throw new CmdError(`arguments in resource/name form must have a single resource and name`);
      const type = resolveType(typeName);
      const last = out[out.length - 1];
      if (last && last.type === type) last.names.push(name);
      else out.push({ type, names: [name] });
    }
    return out;
  }
  const [typeList = "", ...names] = args;
  return resolveTypes(typeList).map((type) => ({ type, names: [...names] }));
}

/** What a fetch found, and the errors (NotFound per missing name, Forbidden …) met on the way. */
export interface Fetched {
  infos: Info[];
  errors: Error[];
}

/** Fetches the objects of `requests` through the API as the command's user. Never throws API errors. */
export function fetchResources(
  ctx: CommandContext,
  requests: readonly ResourceArg[],
  sel: Selection,
): Fetched {
  const requirements = parseRequirements(sel.selector ?? "");
  const fieldText = sel.fieldSelector ?? "";
  const infos: Info[] = [];
  const errors: Error[] = [];
  for (const { type, names } of requests) {
    const ns = type.namespaced ? sel.namespace : undefined;
    if (names.length > 0) {
      for (const name of names) {
        try {
          infos.push({ type, obj: ctx.cluster.read((api) => api.get(type.resource, ns, name), ctx.user) });
        } catch (e) {
          errors.push(e as ApiError);
        }
      }
      continue;
    }
    try {
      const items = ctx.cluster.read(
        (api) => api.list(type.resource, sel.allNamespaces ? undefined : ns),
        ctx.user,
      );
      const fields = parseFieldSelector(fieldText);
      checkFields(type, fields, sel.selector ?? "", fieldText);
      for (const obj of items)
        if (matchesRequirements(requirements, obj.metadata.labels) && matchesFields(obj, fields))
          infos.push({ type, obj });
    } catch (e) {
      errors.push(e as ApiError);
    }
  }
  return { infos, errors };
}

/** Parses `-l`; a malformed selector is kubectl's client-side error. */
export function parseRequirements(selector: string): ReturnType<typeof parseSelector> {
  try {
    return parseSelector(selector);
  } catch (e) {
    if (e instanceof SelectorParseError) throw new CmdError(e.message);
    throw e;
  }
}

/** Rejects names together with `-l`/`--field-selector`, and names with `-A`, as the builder does. */
export function checkSelection(requests: readonly ResourceArg[], sel: Selection): void {
  const named = requests.some((r) => r.names.length > 0);
  if (named && (sel.selector || sel.fieldSelector))
    throw new CmdError("name cannot be provided when a selector is specified");
  if (named && sel.allNamespaces)
    throw new CmdError("a resource cannot be retrieved by name across all namespaces");
}

/** The line kubectl prints on stderr when nothing matched: `No resources found in default namespace.` */
export function noResourcesFound(sel: Selection, namespaced = true): string {
  return sel.allNamespaces || !namespaced
    ? "No resources found\n"
    : `No resources found in ${sel.namespace} namespace.\n`;
}

/** What a command asks the resource builder for: its args, `-f` paths and selection. */
export interface BuildRequest extends Selection {
  args: readonly string[];
  filenames: readonly string[];
  /** `--all`: every object of the named types. */
  all?: boolean;
  /** A type without names, `-l` or `--all` is `resource(s) were provided, but no name was specified` (write verbs). */
  requireNames?: boolean;
  /** Fetch `-f` objects live (default); false: the file's objects stand for themselves (delete). */
  latest?: boolean;
}

/** What the builder found, the requests it parsed (none for `-f`), and whether one object was implied. */
export interface Built extends Fetched {
  requests: ResourceArg[];
  singleItemImplied: boolean;
}

/** The targets of a command as cli-runtime's resource builder resolves them: `-f` paths, else args/selectors. */
export function build(ctx: CommandContext, req: BuildRequest): Built {
  if (req.filenames.length > 0) {
    const requirements = req.selector ? parseRequirements(req.selector) : undefined;
    const visited = visitPaths(ctx, {
      filenames: req.filenames,
      args: req.args,
      latest: req.latest ?? true,
      labelFilter: requirements ? (labels) => matchesRequirements(requirements, labels) : undefined,
    });
    return { ...visited, requests: [] };
  }
  const requests = parseResourceArgs(req.args);
  checkSelection(requests, req);
  const unnamed = requests.every((r) => r.names.length === 0);
  if (req.requireNames && unnamed && !req.selector && !req.fieldSelector && !req.all)
    throw new CmdError("resource(s) were provided, but no name was specified");
  const fetched = fetchResources(ctx, requests, req);
  const singleItemImplied = requests.length === 1 && requests[0]?.names.length === 1;
  return { ...fetched, requests, singleItemImplied };
}
