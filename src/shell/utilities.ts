/**
 * The learner's own machine's commands (GNU coreutils wording): `ls`, `clear`, `sleep`, `date`, `env`,
 * `printenv`, `mkdir`, `rm`, `touch`, and `vi`/`vim`/`nano` (which open the page's editor on a file).
 * `sleep` waits on the simulated clock. (`cat`, `grep`, `head`, `tail`, `wc`, `sort`, `uniq` are filters.)
 */
import type { Program } from "../kubectl/program";
import type { CommandImpl, ShellHost } from "./host";

/** A command that never waits. */
export function immediate(fn: (...a: Parameters<CommandImpl>) => number): CommandImpl {
  // biome-ignore lint/correctness/useYield: it never waits
  return function* (...a): Program {
    return fn(...a);
  };
}

/** Waits on the simulated clock until `until` (ms): a wait may resume early on a cluster change, so it loops. */
export function* waitUntil(host: Pick<ShellHost, "now">, until: number): Program {
  while (host.now() < until) yield { type: "wait", until };
  return 0;
}

/** Seconds from a `sleep` operand (`5`, `0.5`, `2m`, `1h`, `1d`), or undefined if it is not one. */
export function sleepSeconds(arg: string): number | undefined {
  const m = arg.match(/^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/);
  if (!m?.[1]) return undefined;
  const unit = { "": 1, s: 1, m: 60, h: 3600, d: 86400 }[m[2] ?? ""] ?? 1;
  return Number(m[1]) * unit;
}

/** `sleep N…` (GNU: the operands add up). */
export const sleep: CommandImpl = function* (argv, io, _stdin, sh) {
  const args = argv.slice(1);
  if (args.length === 0) {
    io.err("sleep: missing operand\nTry 'sleep --help' for more information.\n");
    return 1;
  }
  let total = 0;
  for (const a of args) {
    const s = sleepSeconds(a);
    if (s === undefined) {
      io.err(`sleep: invalid time interval ‘${a}’\nTry 'sleep --help' for more information.\n`);
      return 1;
    }
    total += s;
  }
  return yield* waitUntil(sh.host, sh.host.now() + Math.round(total * 1000));
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** GNU `date`'s default format in the C locale and UTC: `Sun Nov 29 02:40:17 UTC 2026` (`%a %b %e %H:%M:%S %Z %Y`). */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

const date = immediate((_argv, io, _stdin, sh) => {
  io.out(`${formatDate(sh.host.epoch() + Math.floor(sh.host.now() / 1000) * 1000)}\n`);
  return 0;
});

/** What `clear` writes with TERM=xterm-256color: home, erase the screen, erase the scrollback. */
export const CLEAR_SEQUENCE = "\x1b[H\x1b[2J\x1b[3J";

const clear = immediate((_argv, io) => {
  io.out(CLEAR_SEQUENCE);
  return 0;
});

const env = immediate((_argv, io, _stdin, sh) => {
  for (const [k, v] of Object.entries(sh.environment())) io.out(`${k}=${v}\n`);
  return 0;
});

const printenv = immediate((argv, io, _stdin, sh) => {
  const env = sh.environment();
  if (argv.length === 1) for (const [k, v] of Object.entries(env)) io.out(`${k}=${v}\n`);
  let status = 0;
  for (const k of argv.slice(1)) {
    const v = env[k];
    if (v === undefined) status = 1;
    else io.out(`${v}\n`);
  }
  return status;
});

/** `ls [-1a] [PATH…]`: names two spaces apart on one line when they fit 80 columns (a terminal), else one per line. */
const ls = immediate((argv, io, _stdin, sh) => {
  const files = sh.host.files;
  const paths = argv.slice(1).filter((a) => !a.startsWith("-"));
  const onePerLine = argv.slice(1).some((a) => a.startsWith("-") && a.includes("1"));
  let status = 0;
  const show = (names: string[]): void => {
    if (names.length === 0) return;
    const line = names.join("  ");
    io.out(onePerLine || line.length > 80 ? `${names.join("\n")}\n` : `${line}\n`);
  };
  const plain: string[] = [];
  const dirs: string[] = [];
  for (const p of paths.length > 0 ? paths : ["."]) {
    if (files.isDir(p)) dirs.push(p);
    else if (files.read(p) !== undefined) plain.push(p);
    else {
      io.err(`ls: cannot access '${p}': No such file or directory\n`);
      status = 2;
    }
  }
  show(plain);
  dirs.forEach((d, i) => {
    if (dirs.length > 1 || plain.length > 0) io.out(`${i > 0 || plain.length > 0 ? "\n" : ""}${d}:\n`);
    show(files.list(d) ?? []);
  });
  return status;
});

const mkdir = immediate((argv, io, _stdin, sh) => {
  const files = sh.host.files as ShellHost["files"] & { mkdir?: (p: string) => void };
  for (const p of argv.slice(1).filter((a) => !a.startsWith("-"))) {
    if (files.isDir(p) && !argv.includes("-p")) {
      io.err(`mkdir: cannot create directory ‘${p}’: File exists\n`);
      return 1;
    }
    files.mkdir?.(p);
  }
  return 0;
});

const touch = immediate((argv, _io, _stdin, sh) => {
  const files = sh.host.files;
  for (const p of argv.slice(1)) if (files.read(p) === undefined) files.write(p, "");
  return 0;
});

const rm = immediate((argv, io, _stdin, sh) => {
  const files = sh.host.files as ShellHost["files"] & { remove?: (p: string) => boolean };
  const force = argv.some((a) => /^-\w*f/.test(a));
  let status = 0;
  for (const p of argv.slice(1).filter((a) => !a.startsWith("-"))) {
    if (!files.remove?.(p) && !force) {
      io.err(`rm: cannot remove '${p}': No such file or directory\n`);
      status = 1;
    }
  }
  return status;
});

/** `vi FILE` (also vim, nano): the page's editor on the file; saving writes it back. */
const editor: CommandImpl = function* (argv, _io, _stdin, sh) {
  const file = argv[1];
  if (!file) return 0;
  const files = sh.host.files;
  const answer = yield { type: "edit", file: files.resolve(file), content: files.read(file) ?? "" };
  if (typeof answer === "string") files.write(file, answer);
  return 0;
};

/** The learner machine's commands by name (kubectl is added by the session). */
export const UTILITIES: Readonly<Record<string, CommandImpl>> = {
  sleep,
  date,
  clear,
  env,
  printenv,
  ls,
  mkdir,
  touch,
  rm,
  vi: editor,
  vim: editor,
  nano: editor,
};
