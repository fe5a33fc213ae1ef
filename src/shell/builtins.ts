/**
 * Shell builtins (they exist in every shell, in pods too): `echo`, `cd`, `pwd`, `export`, `unset`,
 * `exit`, `true`, `false`, `:`, `read`, `break`, `continue`. Messages follow busybox ash.
 */
import type { Program } from "../kubectl/program";
import type { CommandImpl } from "./host";
import { LoopControl, ShellExit } from "./signals";

/** A builtin that never waits. */
function sync(fn: (...a: Parameters<CommandImpl>) => number): CommandImpl {
  // biome-ignore lint/correctness/useYield: a builtin never waits
  return function* (...a): Program {
    return fn(...a);
  };
}

/** `echo [-n] [-e] ARGS…`. */
export const echo = sync((argv, io) => {
  let i = 1;
  let newline = true;
  let escapes = false;
  for (; i < argv.length && /^-[neE]+$/.test(argv[i] as string); i++) {
    const f = argv[i] as string;
    if (f.includes("n")) newline = false;
    if (f.includes("e")) escapes = true;
    if (f.includes("E")) escapes = false;
  }
  let text = argv.slice(i).join(" ");
  if (escapes) text = unescapeEcho(text);
  io.out(newline ? `${text}\n` : text);
  return 0;
});

/** `echo -e` escapes: `\n`, `\t`, `\\`, `\e`, `\a`, `\r`. */
function unescapeEcho(text: string): string {
  const map: Record<string, string> = { n: "\n", t: "\t", "\\": "\\", e: "\x1b", a: "\x07", r: "\r" };
  return text.replace(/\\([nte\\ar])/g, (_m, c: string) => map[c] ?? c);
}

const cd = sync((argv, io, _stdin, sh) => {
  const target = argv[1] ?? sh.vars.get("HOME") ?? "/";
  const files = sh.host.files;
  const abs = files.resolve(target);
  if (!files.isDir(abs)) {
    const why = files.read(abs) !== undefined ? "Not a directory" : "No such file or directory";
    io.err(`${sh.host.name}: cd: can't cd to ${target}: ${why}\n`);
    return 2;
  }
  sh.host.chdir(abs);
  sh.vars.set("PWD", abs);
  return 0;
});

const pwd = sync((_argv, io, _stdin, sh) => {
  io.out(`${sh.host.files.cwd}\n`);
  return 0;
});

const exportCmd = sync((argv, io, _stdin, sh) => {
  if (argv.length === 1) {
    for (const k of [...sh.exported].sort()) io.out(`export ${k}='${sh.vars.get(k) ?? ""}'\n`);
    return 0;
  }
  for (const a of argv.slice(1)) {
    const eq = a.indexOf("=");
    const name = eq < 0 ? a : a.slice(0, eq);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      io.err(`${sh.host.name}: export: bad variable name\n`);
      return 2;
    }
    if (eq >= 0) sh.vars.set(name, a.slice(eq + 1));
    sh.exported.add(name);
  }
  return 0;
});

const unset = sync((argv, _io, _stdin, sh) => {
  for (const a of argv.slice(1)) {
    sh.vars.delete(a);
    sh.exported.delete(a);
  }
  return 0;
});

const exit = sync((argv, io, _stdin, sh) => {
  const arg = argv[1];
  if (arg !== undefined && !/^\d+$/.test(arg)) {
    io.err(`${sh.host.name}: exit: Illegal number: ${arg}\n`);
    throw new ShellExit(2);
  }
  throw new ShellExit(arg === undefined ? sh.status : Number(arg) & 255);
});

/** `read [-r] NAME…`: one line of stdin into the names (the last takes the rest); status 1 at end of input. */
const read = sync((argv, _io, stdin, sh) => {
  const names = argv.slice(1).filter((a) => !a.startsWith("-"));
  if (!stdin || stdin.pos >= stdin.text.length) return 1;
  const nl = stdin.text.indexOf("\n", stdin.pos);
  const line = stdin.text.slice(stdin.pos, nl < 0 ? undefined : nl);
  stdin.pos = nl < 0 ? stdin.text.length : nl + 1;
  const fields = line.trim().split(/[ \t]+/);
  const vars = names.length > 0 ? names : ["REPLY"];
  vars.forEach((n, i) => {
    const last = i === vars.length - 1;
    sh.vars.set(n, last ? fields.slice(i).join(" ") : (fields[i] ?? ""));
  });
  return 0;
});

const loopControl = (kind: "break" | "continue"): CommandImpl =>
  sync(() => {
    throw new LoopControl(kind);
  });

/** `test EXPR` / `[ EXPR ]`: strings, integers, -z/-n, -f/-d/-e, `!`; status 0 true, 1 false, 2 error. */
const test = sync((argv, io, _stdin, sh) => {
  let args = argv.slice(1);
  if (argv[0] === "[") {
    if (args[args.length - 1] !== "]") {
      io.err(`${sh.host.name}: [: missing ]\n`);
      return 2;
    }
    args = args.slice(0, -1);
  }
  const r = evaluateTest(args, sh.host.files);
  if (typeof r === "string") {
    io.err(`${sh.host.name}: ${argv[0]}: ${r}\n`);
    return 2;
  }
  return r ? 0 : 1;
});

function evaluateTest(
  args: string[],
  files: { isDir(p: string): boolean; read(p: string): string | undefined },
): boolean | string {
  if (args[0] === "!") {
    const r = evaluateTest(args.slice(1), files);
    return typeof r === "string" ? r : !r;
  }
  const [a = "", op, b = ""] = args;
  if (args.length === 0) return false;
  if (args.length === 1) return a !== "";
  if (args.length === 2) {
    if (a === "-z") return op === "";
    if (a === "-n") return op !== "";
    if (a === "-f") return files.read(op ?? "") !== undefined;
    if (a === "-d") return files.isDir(op ?? "");
    if (a === "-e") return files.read(op ?? "") !== undefined || files.isDir(op ?? "");
    return `${a}: unary operator expected`;
  }
  if (op === "=" || op === "==") return a === b;
  if (op === "!=") return a !== b;
  const ints: Record<string, (x: number, y: number) => boolean> = {
    "-eq": (x, y) => x === y,
    "-ne": (x, y) => x !== y,
    "-lt": (x, y) => x < y,
    "-le": (x, y) => x <= y,
    "-gt": (x, y) => x > y,
    "-ge": (x, y) => x >= y,
  };
  const cmp = op ? ints[op] : undefined;
  if (!cmp) return `${op}: unknown operand`;
  for (const v of [a, b]) if (!/^\s*-?\d+\s*$/.test(v)) return `${v}: bad number`;
  return cmp(Number(a), Number(b));
}

/** The builtins by name. */
export const BUILTINS: Readonly<Record<string, CommandImpl>> = {
  echo,
  cd,
  pwd,
  export: exportCmd,
  unset,
  exit,
  true: sync(() => 0),
  false: sync(() => 1),
  ":": sync(() => 0),
  read,
  test,
  "[": test,
  break: loopControl("break"),
  continue: loopControl("continue"),
};
