/**
 * Tab completion for the terminal: command names first; after `kubectl`, its verbs, then resource types,
 * object names (`deploy <TAB>`, `deploy/<TAB>`), flags (`--<TAB>`) and files after `-f`.
 */
import { type ClusterState, findResourceType, RESOURCE_TYPES } from "../engine";
import type { Files } from "../kubectl/context";
import { GLOBAL_FLAGS } from "../kubectl/global-flags";
import { COMMANDS } from "../kubectl/index";
import { BUILTINS } from "../shell/builtins";
import { FILTERS } from "../shell/interpreter";
import { UTILITIES } from "../shell/utilities";

/** Verbs whose arguments are objects (TYPE NAME or TYPE/NAME). */
const OBJECT_VERBS = new Set([
  "get",
  "describe",
  "delete",
  "edit",
  "patch",
  "label",
  "annotate",
  "scale",
  "expose",
  "logs",
  "exec",
  "rollout",
  "set",
]);

/** Completion candidates for the word under the cursor (whole words, sorted, unique). */
export function completeLine(state: ClusterState, files: Files, line: string, cursor: number): string[] {
  const before = line.slice(0, cursor);
  const segment = before.split(/\|\||&&|[|;]/).pop() ?? "";
  const words = segment.trimStart().split(/\s+/);
  const word = words.pop() ?? "";
  const pick = (all: Iterable<string>): string[] =>
    [...new Set([...all].filter((c) => c.startsWith(word)))].sort();
  if (words.length === 0)
    return pick([...Object.keys(BUILTINS), ...Object.keys(UTILITIES), ...Object.keys(FILTERS), "kubectl"]);
  if (words[0] !== "kubectl") return pick(fileNames(files, word));
  const args = words.slice(1);
  const positional = args.filter((a) => !a.startsWith("-"));
  const verb = positional[0];
  if (args[args.length - 1] === "-f" || args[args.length - 1] === "--filename")
    return pick(fileNames(files, word));
  if (word.startsWith("-")) {
    const spec = COMMANDS.find((c) => c.name === verb && !c.parent);
    const flags = [...(spec?.flags ?? []), ...GLOBAL_FLAGS].map((f) => `--${f.name}`);
    return pick(flags);
  }
  if (!verb) return pick(COMMANDS.filter((c) => !c.parent).map((c) => c.name));
  if (verb === "rollout" && positional.length === 1)
    return pick(COMMANDS.filter((c) => c.parent === "rollout").map((c) => c.name));
  if (!OBJECT_VERBS.has(verb)) return [];
  const typeWord = positional[verb === "rollout" || verb === "set" ? 2 : 1];
  if (word.includes("/")) {
    const [t] = word.split("/");
    const type = findResourceType(t ?? "");
    return type ? pick(objectNames(state, type.resource).map((n) => `${t}/${n}`)) : [];
  }
  const type = typeWord ? findResourceType(typeWord) : undefined;
  if (type) return pick(objectNames(state, type.resource));
  return pick(RESOURCE_TYPES.flatMap((t) => [t.resource, t.singular, ...t.shortNames]));
}

/** Names of the objects of `resource` in the default namespace (or cluster-scoped ones). */
function objectNames(state: ClusterState, resource: string): string[] {
  return (state.objects[resource]?.keys() ?? [])
    .filter((k) => !k.includes("/") || k.startsWith("default/"))
    .map((k) => k.slice(k.indexOf("/") + 1));
}

function fileNames(files: Files, word: string): string[] {
  const slash = word.lastIndexOf("/");
  const dir = slash >= 0 ? word.slice(0, slash + 1) : "";
  return (files.list(dir || ".") ?? []).map((n) => `${dir}${n}${files.isDir(`${dir}${n}`) ? "/" : ""}`);
}
