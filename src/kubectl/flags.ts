/**
 * A pflag-like command-line parser: `--flag=value`, `--flag value`, `-n value`, `-nvalue`, `-n=value`,
 * grouped bool shorthands (`-it`), `--bool` / `--bool=false`, `--` ending the flags, flags interspersed
 * with arguments. Errors carry cobra's exact wording (`unknown flag: --foo`, `flag needs an argument:
 * 'n' in -n`, `invalid argument "abc" for "--revision" flag: strconv.ParseInt: …`).
 */

/** The value types kubectl's flags use. `strings` is a pflag StringSlice (comma-split, repeatable); `stringArray` is repeatable, not split. */
export type FlagKind = "bool" | "string" | "int" | "duration" | "strings" | "stringArray";

/** One flag a command accepts. */
export interface FlagDef {
  name: string;
  shorthand?: string;
  kind: FlagKind;
  /** The default as pflag shows it (`"true"`, `"0"`, `"0s"`, `""`); a list flag defaults to none. */
  default?: string;
  /** pflag's NoOptDefVal: the value a non-bool flag takes when given without `=value` (rare). */
  noOptDefault?: string;
  /** If set, using the flag prints `Flag --<name> has been deprecated, <deprecated>` on stderr. */
  deprecated?: string;
}

/** A flag usage error; printed as `Error: <message>` + `See 'kubectl <cmd> --help' for usage.`. */
export class FlagError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FlagError";
  }
}

/** A flag as the user gave it, in command-line order (for `--record`'s change-cause). */
export interface GivenFlag {
  name: string;
  value: string;
}

/** The parsed flags of one invocation. Getters return the default when a flag was not given. */
export class Flags {
  private readonly values = new Map<string, string[]>();
  /** Every flag given, in order, with its long name and raw value. */
  readonly given: GivenFlag[] = [];

  constructor(readonly defs: ReadonlyMap<string, FlagDef>) {}

  /** Records a value (after its type was checked). */
  set(def: FlagDef, value: string): void {
    const list = this.values.get(def.name) ?? [];
    if (def.kind === "strings") list.push(...(value === "" ? [] : value.split(",")));
    else if (def.kind === "stringArray") list.push(value);
    else list.splice(0, list.length, value);
    this.values.set(def.name, list);
    this.given.push({ name: def.name, value });
  }

  /** True if the user gave the flag (pflag's `Changed`). */
  changed(name: string): boolean {
    return this.values.has(name);
  }

  /** A string flag's value (or its default, or ""). */
  string(name: string): string {
    const v = this.values.get(name);
    return v !== undefined ? (v[v.length - 1] ?? "") : (this.defs.get(name)?.default ?? "");
  }

  /** A bool flag's value. */
  bool(name: string): boolean {
    return this.string(name) === "true";
  }

  /** An int flag's value (already checked to parse). */
  int(name: string): number {
    return Number.parseInt(this.string(name) || "0", 10);
  }

  /** A duration flag's value in milliseconds. */
  duration(name: string): number {
    return parseDuration(this.string(name) || "0") ?? 0;
  }

  /** A list flag's values. */
  list(name: string): string[] {
    return [...(this.values.get(name) ?? [])];
  }
}

/** What `parseFlags` returns: positional arguments, the flags, and how many positionals came before `--` (-1 if none). */
export interface ParsedArgs {
  args: string[];
  flags: Flags;
  argsLenAtDash: number;
}

/** Parses `argv` against `defs` (a command's flags plus the global ones). Throws FlagError. */
export function parseFlags(argv: readonly string[], defs: readonly FlagDef[]): ParsedArgs {
  // A command's own flag shadows a global one of the same name (`create rolebinding --user`,
  // `config set-context --namespace`), as cobra's local flags do: the first definition wins.
  const byName = new Map<string, FlagDef>();
  const byShort = new Map<string, FlagDef>();
  for (const d of defs) {
    if (!byName.has(d.name)) byName.set(d.name, d);
    if (d.shorthand && !byShort.has(d.shorthand) && byName.get(d.name) === d) byShort.set(d.shorthand, d);
  }
  const flags = new Flags(byName);
  const args: string[] = [];
  let argsLenAtDash = -1;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      argsLenAtDash = args.length;
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith("--") && a.length > 2) i = parseLong(a, argv, i, byName, flags);
    else if (a.startsWith("-") && a.length > 1) i = parseShort(a, argv, i, byShort, flags);
    else args.push(a);
  }
  return { args, flags, argsLenAtDash };
}

function parseLong(
  a: string,
  argv: readonly string[],
  i: number,
  byName: Map<string, FlagDef>,
  flags: Flags,
): number {
  const body = a.slice(2);
  const eq = body.indexOf("=");
  const name = eq >= 0 ? body.slice(0, eq) : body;
  const def = byName.get(name);
  if (!def) throw new FlagError(`unknown flag: --${name}`);
  if (eq >= 0) {
    setChecked(flags, def, body.slice(eq + 1));
    return i;
  }
  if (def.kind === "bool") setChecked(flags, def, "true");
  else if (def.noOptDefault !== undefined) setChecked(flags, def, def.noOptDefault);
  else if (i + 1 < argv.length) {
    setChecked(flags, def, argv[i + 1] as string);
    return i + 1;
  } else throw new FlagError(`flag needs an argument: ${a}`);
  return i;
}

function parseShort(
  a: string,
  argv: readonly string[],
  i: number,
  byShort: Map<string, FlagDef>,
  flags: Flags,
): number {
  let rest = a.slice(1);
  while (rest.length > 0) {
    const c = rest[0] as string;
    const def = byShort.get(c);
    if (!def) throw new FlagError(`unknown shorthand flag: '${c}' in -${rest}`);
    if (rest.length > 2 && rest[1] === "=") {
      setChecked(flags, def, rest.slice(2));
      return i;
    }
    if (def.kind === "bool") {
      setChecked(flags, def, "true");
      rest = rest.slice(1);
      continue;
    }
    if (def.noOptDefault !== undefined) {
      setChecked(flags, def, def.noOptDefault);
      rest = rest.slice(1);
      continue;
    }
    if (rest.length > 1) {
      setChecked(flags, def, rest.slice(1));
      return i;
    }
    if (i + 1 < argv.length) {
      setChecked(flags, def, argv[i + 1] as string);
      return i + 1;
    }
    throw new FlagError(`flag needs an argument: '${c}' in -${rest}`);
  }
  return i;
}

function setChecked(flags: Flags, def: FlagDef, value: string): void {
  const problem = checkValue(def.kind, value);
  if (problem !== undefined) {
    const label = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
    throw new FlagError(`invalid argument "${value}" for "${label}" flag: ${problem}`);
  }
  flags.set(def, def.kind === "bool" ? String(parseGoBool(value)) : value);
}

/** Why `value` is not a valid `kind` (Go's strconv/time error text), or undefined if it is. */
function checkValue(kind: FlagKind, value: string): string | undefined {
  if (kind === "bool" && parseGoBool(value) === undefined)
    return `strconv.ParseBool: parsing "${value}": invalid syntax`;
  if (kind === "int") {
    if (!/^[+-]?\d+$/.test(value)) return `strconv.ParseInt: parsing "${value}": invalid syntax`;
    if (Math.abs(Number(value)) > 2 ** 63 - 1)
      return `strconv.ParseInt: parsing "${value}": value out of range`;
  }
  if (kind === "duration" && parseDuration(value) === undefined) return durationError(value);
  return undefined;
}

/** strconv.ParseBool: 1, t, T, TRUE, true, True, 0, f, F, FALSE, false, False. */
export function parseGoBool(value: string): boolean | undefined {
  if (["1", "t", "T", "TRUE", "true", "True"].includes(value)) return true;
  if (["0", "f", "F", "FALSE", "false", "False"].includes(value)) return false;
  return undefined;
}

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration (`30s`, `2m`, `1h30m`, `1.5s`, `0`) in milliseconds, or undefined if invalid. */
export function parseDuration(text: string): number | undefined {
  let s = text.replace(/^[+-]/, "");
  const negative = text.startsWith("-");
  if (s === "0") return 0;
  if (s === "") return undefined;
  let total = 0;
  while (s.length > 0) {
    const m = s.match(/^(\d+\.?\d*|\.\d+)(ns|us|µs|ms|s|m|h)/);
    if (!m) return undefined;
    total += Number(m[1]) * (UNIT_MS[m[2] as string] as number);
    s = s.slice(m[0].length);
  }
  return negative ? -total : total;
}

function durationError(value: string): string {
  const s = value.replace(/^[+-]/, "");
  if (/^\d+(\.\d*)?$/.test(s)) return `time: missing unit in duration "${value}"`;
  const unit = s.match(/^\d+\.?\d*([^\d.]+)/);
  if (unit && !/^(ns|us|µs|ms|s|m|h)/.test(unit[1] as string))
    return `time: unknown unit "${(unit[1] as string).match(/^[^\d.]+/)?.[0]}" in duration "${value}"`;
  return `time: invalid duration "${value}"`;
}
