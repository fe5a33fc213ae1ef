/**
 * Text filters that pipes feed: `grep`, `head`, `tail`, `wc`, `sort`, `uniq`, `cat`. Each is a stream
 * processor (text in as it is written, lines out as soon as they are known), so
 * `kubectl get pods -w | grep http-go` prints while the watch runs, and `head` closes the pipe early.
 * Messages follow GNU coreutils/grep (the learner's own machine).
 */
import type { Io } from "../kubectl/program";

/** A running filter: push text in, end() flushes and returns the exit status; `closed` once it wants no more. */
export interface Filter {
  push(text: string): void;
  end(): number;
  readonly closed: boolean;
}

/** Builds a filter from its arguments, or prints the usage error and returns its exit status. */
export type FilterFactory = (
  args: string[],
  io: Io,
  read: (file: string) => string | undefined,
) => Filter | number;

/** A filter over whole lines: `line` gets each complete line (without "\n"); `finish` the end. */
function lineFilter(
  line: (l: string) => void,
  finish: () => number,
  isClosed: () => boolean = () => false,
): Filter {
  let partial = "";
  return {
    push(text) {
      const parts = (partial + text).split("\n");
      partial = parts.pop() ?? "";
      for (const l of parts) if (!isClosed()) line(l);
    },
    end() {
      if (partial !== "" && !isClosed()) line(partial);
      partial = "";
      return finish();
    },
    get closed() {
      return isClosed();
    },
  };
}

/** Feeds the named files (or nothing, when reading stdin) into a filter; missing files print `name: f: No such file or directory`. */
export function feedFiles(
  name: string,
  files: string[],
  filter: Filter,
  io: Io,
  read: (f: string) => string | undefined,
): number {
  let failed = false;
  for (const f of files) {
    const text = read(f);
    if (text === undefined) {
      io.err(`${name}: ${f}: No such file or directory\n`);
      failed = true;
    } else filter.push(text);
  }
  const status = filter.end();
  return failed ? Math.max(status, name === "grep" ? 2 : 1) : status;
}

function invalidOption(name: string, opt: string, usage: string, io: Io, status = 1): number {
  io.err(`${name}: invalid option -- '${opt}'\n${usage}\nTry '${name} --help' for more information.\n`);
  return status;
}

/** A count from `-n N` / `-N` / `-nN`, with GNU's error for a bad one. */
function countArg(name: string, args: string[], io: Io): { n: number; files: string[] } | number {
  let n = 10;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    let v: string | undefined;
    if (a === "-n") v = args[++i];
    else if (a.startsWith("-n")) v = a.slice(2);
    else if (/^-\d+$/.test(a)) v = a.slice(1);
    else if (a.startsWith("-") && a !== "-") {
      return invalidOption(name, a[1] ?? "", `Usage: ${name} [OPTION]... [FILE]...`, io);
    } else files.push(a);
    if (v !== undefined) {
      if (!/^\d+$/.test(v)) {
        io.err(`${name}: invalid number of lines: ‘${v ?? ""}’\n`);
        return 1;
      }
      n = Number(v);
    }
  }
  return { n, files };
}

/** `head [-n N | -N]`. */
export const head: FilterFactory = (args, io) => {
  const c = countArg("head", args, io);
  if (typeof c === "number") return c;
  let seen = 0;
  return lineFilter(
    (l) => {
      seen++;
      io.out(`${l}\n`);
    },
    () => 0,
    () => seen >= c.n,
  );
};

/** `tail [-n N | -N]`. */
export const tail: FilterFactory = (args, io) => {
  const c = countArg("tail", args, io);
  if (typeof c === "number") return c;
  const kept: string[] = [];
  return lineFilter(
    (l) => {
      kept.push(l);
      if (kept.length > c.n) kept.shift();
    },
    () => {
      for (const l of kept) io.out(`${l}\n`);
      return 0;
    },
  );
};

/** `wc [-l] [-w] [-c]`: GNU prints one count bare when only one is asked for, else each right-aligned in 7 columns. */
export const wc: FilterFactory = (args, io) => {
  const want = new Set<string>();
  for (const a of args) {
    if (!a.startsWith("-") || a === "-") continue;
    for (const f of a.slice(1)) {
      if (!"lwc".includes(f)) return invalidOption("wc", f, "Usage: wc [OPTION]... [FILE]...", io);
      want.add(f);
    }
  }
  if (want.size === 0) for (const f of "lwc") want.add(f);
  let lines = 0;
  let words = 0;
  let bytes = 0;
  return {
    push(text) {
      lines += (text.match(/\n/g) ?? []).length;
      words += text.split(/\s+/).filter((w) => w !== "").length;
      bytes += new TextEncoder().encode(text).length;
    },
    end() {
      const counts = [
        ["l", lines],
        ["w", words],
        ["c", bytes],
      ].filter(([k]) => want.has(k as string));
      const text =
        counts.length === 1 ? String(counts[0]?.[1]) : counts.map(([, v]) => String(v).padStart(7)).join(" ");
      io.out(`${text}\n`);
      return 0;
    },
    closed: false,
  };
};

/** `sort [-r] [-n] [-u]`. */
export const sort: FilterFactory = (args, io) => {
  const flags = new Set<string>();
  for (const a of args)
    if (a.startsWith("-") && a !== "-")
      for (const f of a.slice(1)) {
        if (!"rnu".includes(f)) return invalidOption("sort", f, "Usage: sort [OPTION]... [FILE]...", io, 2);
        flags.add(f);
      }
  const all: string[] = [];
  return lineFilter(
    (l) => all.push(l),
    () => {
      const num = (s: string): number => Number.parseFloat(s) || 0;
      all.sort((a, b) => (flags.has("n") ? num(a) - num(b) || cmp(a, b) : cmp(a, b)));
      if (flags.has("r")) all.reverse();
      const out = flags.has("u") ? all.filter((l, i) => i === 0 || l !== all[i - 1]) : all;
      for (const l of out) io.out(`${l}\n`);
      return 0;
    },
  );
};

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `uniq [-c]`: GNU's `-c` right-aligns the count in 7 columns. */
export const uniq: FilterFactory = (args, io) => {
  const count = args.includes("-c");
  let last: string | undefined;
  let n = 0;
  const flush = (): void => {
    if (last !== undefined) io.out(count ? `${String(n).padStart(7)} ${last}\n` : `${last}\n`);
  };
  return lineFilter(
    (l) => {
      if (l === last) n++;
      else {
        flush();
        last = l;
        n = 1;
      }
    },
    () => {
      flush();
      return 0;
    },
  );
};

/** `cat` as a filter (stdin straight through). */
export const catFilter: FilterFactory = (_args, io) => ({
  push: (t) => io.out(t),
  end: () => 0,
  closed: false,
});

/** `grep [-v] [-i] [-c] [-E] [-F] [-w] [-n] [-q] [-e PATTERN] PATTERN`: exit 0 if a line was selected, 1 if none, 2 on error. */
export const grep: FilterFactory = (args, io) => {
  const flags = new Set<string>();
  const patterns: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-e") {
      const p = args[++i];
      if (p === undefined) {
        io.err(
          "grep: option requires an argument -- 'e'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
        );
        return 2;
      }
      patterns.push(p);
    } else if (a.startsWith("-") && a.length > 1 && !a.startsWith("--")) {
      for (const f of a.slice(1)) {
        if (!"vicEFwnqo".includes(f))
          return invalidOption("grep", f, "Usage: grep [OPTION]... PATTERNS [FILE]...", io, 2);
        flags.add(f);
      }
    } else rest.push(a);
  }
  if (patterns.length === 0) {
    const p = rest.shift();
    if (p === undefined) {
      io.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(p);
  }
  let re: RegExp;
  try {
    re = grepRegExp(patterns, flags);
  } catch {
    io.err("grep: Unmatched ( or \\(\n");
    return 2;
  }
  let count = 0;
  let lineNo = 0;
  return lineFilter(
    (l) => {
      lineNo++;
      re.lastIndex = 0;
      if (re.test(l) === flags.has("v")) return;
      count++;
      if (flags.has("c") || flags.has("q")) return;
      io.out(flags.has("n") ? `${lineNo}:${l}\n` : `${l}\n`);
    },
    () => {
      if (flags.has("c")) io.out(`${count}\n`);
      return count > 0 ? 0 : 1;
    },
  );
};

/** The JavaScript RegExp for grep's patterns: basic (BRE), extended (-E) or fixed (-F). */
export function grepRegExp(patterns: string[], flags: ReadonlySet<string>): RegExp {
  const sources = patterns.map((p) =>
    flags.has("F") ? p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : flags.has("E") ? p : breToEre(p),
  );
  let source = sources.map((s) => `(?:${s})`).join("|");
  if (flags.has("w")) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  return new RegExp(source, flags.has("i") ? "i" : "");
}

/** BRE → ERE: `\(`, `\)`, `\|`, `\+`, `\?`, `\{`, `\}` are the operators; bare `( ) | + ? { }` are literal. */
function breToEre(p: string): string {
  let out = "";
  for (let i = 0; i < p.length; i++) {
    const ch = p[i] as string;
    if (ch === "\\" && i + 1 < p.length) {
      const next = p[++i] as string;
      out += "()|+?{}".includes(next) ? next : `\\${next}`;
    } else out += "()|+?{}".includes(ch) ? `\\${ch}` : ch;
  }
  return out;
}
