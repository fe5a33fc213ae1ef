/**
 * Flag definitions read from a command's real `-h` text (its `Options:` section lists every flag as
 * `    -A, --all-namespaces=false:`), so a command accepts exactly the flags kubectl v1.32.4 accepts.
 * The kind follows pflag's default rendering: `false`/`true` → bool, `[]` → list, `0s` → duration,
 * a number → int, a quoted value → string.
 */
import type { FlagDef } from "./flags";

/** The flags of a help text's `Options:` section, with `overrides` (by name) replacing or adding definitions. */
export function flagsFromHelp(help: string, overrides: FlagDef[] = []): FlagDef[] {
  const defs: FlagDef[] = [];
  for (const m of help.matchAll(/^ {4}(?:-(\w), )?--([\w-]+)=(.*):$/gm)) {
    const [, shorthand, name = "", raw = ""] = m;
    defs.push({ name, shorthand, ...kindOf(raw) });
  }
  for (const o of overrides) {
    const i = defs.findIndex((d) => d.name === o.name);
    if (i >= 0) defs[i] = o;
    else defs.push(o);
  }
  return defs;
}

function kindOf(raw: string): Pick<FlagDef, "kind" | "default"> {
  if (raw === "false" || raw === "true") return { kind: "bool", default: raw };
  if (raw.startsWith("[")) return { kind: "strings" };
  if (/^-?\d+$/.test(raw)) return { kind: "int", default: raw };
  if (/^\d+(\.\d+)?(ns|us|ms|s|m|h)/.test(raw)) return { kind: "duration", default: raw };
  return { kind: "string", default: raw.replace(/^'(.*)'$/s, "$1") };
}
