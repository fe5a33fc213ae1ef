/**
 * The shell interpreter: runs parsed lines as a Program. The same interpreter serves the learner's
 * terminal and the shells inside pods; what differs is the host (which commands exist, how errors are
 * prefixed). Pipes stream into filters (grep, head, …) while the producer runs; other pipes are buffered.
 */
import type { Files } from "../kubectl/context";
import { Interrupt, type Io, type Program } from "../kubectl/program";
import { ArithError } from "./arith";
import { BUILTINS } from "./builtins";
import { expandJoined, expandWords, type Steps } from "./expand";
import {
  catFilter,
  type Filter,
  type FilterFactory,
  feedFiles,
  grep,
  head,
  sort,
  tail,
  uniq,
  wc,
} from "./filters";
import { IncompleteInput, tokenize } from "./lexer";
import {
  type AndOr,
  type Command,
  type List,
  type Pipeline,
  parse,
  type Redirect,
  ShellSyntaxError,
} from "./parser";
import { LoopControl, ShellExit } from "./signals";

/** Standard input of a command: text consumed from `pos` (`read` takes a line at a time); undefined: the terminal. */
export interface Stdin {
  text: string;
  pos: number;
}

/** A command implementation: argv (argv[0] is its name), where it writes, its stdin, the shell running it. */
export type CommandImpl = (argv: string[], io: Io, stdin: Stdin | undefined, sh: Shell) => Program;

/** What a shell runs on: the commands that exist besides the builtins, its files, its clock. */
export interface ShellHost {
  /** The shell's name in its error messages (`sh: foo: not found`). */
  readonly name: string;
  readonly files: Files;
  /** Simulated milliseconds now. */
  now(): number;
  /** Wall-clock ms of simulated 0 (for `date`). */
  epoch(): number;
  /** The command `name`, or undefined when it does not exist on this host. */
  command(name: string): CommandImpl | undefined;
  /** Whether a text filter (grep, head, tail, wc, sort, uniq, cat) exists on this host. */
  hasFilter(name: string): boolean;
  /** Changes the working directory (`cd`; the path is absolute and a directory). */
  chdir(path: string): void;
}

/** Turns of a loop that never waits which stand for one simulated second (so Ctrl-C can reach it). */
const BUSY_LOOP_TURNS = 1000;

/** The text filters by name. */
export const FILTERS: Readonly<Record<string, FilterFactory>> = {
  grep,
  head,
  tail,
  wc,
  sort,
  uniq,
  cat: catFilter,
};

/** One shell: variables, exported names, last status, and whether it has exited. */
export class Shell {
  readonly vars = new Map<string, string>();
  readonly exported = new Set<string>();
  status = 0;
  /** The exit code once `exit` ran. */
  exited: number | undefined;

  constructor(
    readonly host: ShellHost,
    env: Readonly<Record<string, string>> = {},
  ) {
    for (const [k, v] of Object.entries(env)) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
  }

  /** The exported variables (a command's environment). */
  environment(): Record<string, string> {
    const env: Record<string, string> = {};
    for (const k of this.exported) {
      const v = this.vars.get(k);
      if (v !== undefined) env[k] = v;
    }
    return env;
  }

  /** Whether `line` is complete (no open quote or unfinished `while`); a terminal asks before running it. */
  static isComplete(line: string): boolean {
    try {
      parse(tokenize(line));
      return true;
    } catch (e) {
      return !(e instanceof IncompleteInput || (e instanceof ShellSyntaxError && e.incomplete));
    }
  }

  /** Runs one line; returns its status. Interrupt propagates (the caller decides what Ctrl-C ends). */
  *runLine(line: string, io: Io): Program {
    let list: List;
    try {
      list = parse(tokenize(line));
    } catch (e) {
      if (e instanceof IncompleteInput) {
        io.err(`${this.host.name}: syntax error: unterminated quoted string\n`);
      } else if (e instanceof ShellSyntaxError) io.err(`${this.host.name}: ${e.message}\n`);
      else throw e;
      this.status = 2;
      return 2;
    }
    try {
      return yield* this.runList(list, io, undefined);
    } catch (e) {
      if (e instanceof ShellExit) {
        this.exited = e.code;
        return e.code;
      }
      if (e instanceof LoopControl) return this.status;
      if (e instanceof ArithError) {
        io.err(`${this.host.name}: ${e.message}\n`);
        this.status = 2;
        return 2;
      }
      throw e;
    }
  }

  /** Runs a list, returning the last status. */
  *runList(list: List, io: Io, stdin: Stdin | undefined): Program {
    for (const andOr of list) yield* this.runAndOr(andOr, io, stdin);
    return this.status;
  }

  private *runAndOr(node: AndOr, io: Io, stdin: Stdin | undefined): Program {
    let status = yield* this.runPipeline(node.first, io, stdin);
    for (const { op, pipeline } of node.rest) {
      if ((op === "&&") === (status === 0)) status = yield* this.runPipeline(pipeline, io, stdin);
    }
    return status;
  }

  private *runPipeline(p: Pipeline, io: Io, stdin: Stdin | undefined): Program {
    let status: number;
    if (p.commands.length === 1) status = yield* this.runCommand(p.commands[0] as Command, io, stdin);
    else status = yield* this.pipe(p.commands, io, stdin);
    if (p.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  /** `a | b | c`: streams into filters when every later stage is one, else runs stage after stage. */
  private *pipe(commands: Command[], io: Io, stdin: Stdin | undefined): Program {
    const later: { name: string; args: string[] }[] = [];
    for (const c of commands.slice(1)) {
      if (c.kind !== "simple" || c.redirects.length > 0 || c.assigns.length > 0) break;
      const argv = yield* expandWords(c.words, this.scope(io));
      const name = argv[0];
      if (!name || !FILTERS[name] || !this.host.hasFilter(name) || hasFileArgs(name, argv.slice(1))) break;
      later.push({ name, args: argv.slice(1) });
    }
    if (later.length === commands.length - 1)
      return yield* this.stream(commands[0] as Command, later, io, stdin);
    let input = stdin;
    let status = 0;
    for (let i = 0; i < commands.length; i++) {
      const last = i === commands.length - 1;
      let captured = "";
      const stageIo: Io = last ? io : { out: (t) => (captured += t), err: io.err };
      status = yield* this.runCommand(commands[i] as Command, stageIo, input);
      input = { text: captured, pos: 0 };
    }
    return status;
  }

  private *stream(
    first: Command,
    filters: { name: string; args: string[] }[],
    io: Io,
    stdin: Stdin | undefined,
  ): Program {
    const chain: Filter[] = [];
    let sink: (t: string) => void = io.out;
    for (let i = filters.length - 1; i >= 0; i--) {
      const f = filters[i] as { name: string; args: string[] };
      const made = (FILTERS[f.name] as FilterFactory)(f.args, { out: sink, err: io.err }, (p) =>
        this.read(p),
      );
      if (typeof made === "number") return made;
      chain.unshift(made);
      const next = made;
      sink = (t) => next.push(t);
    }
    const closed = (): boolean => chain.some((f) => f.closed);
    yield* delegate(this.runCommand(first, { out: sink, err: io.err }, stdin), closed);
    let status = 0;
    for (const f of chain) status = f.end();
    return status;
  }

  private *runCommand(cmd: Command, io: Io, stdin: Stdin | undefined): Program {
    const r = yield* this.redirect(cmd.redirects, io, stdin);
    if (typeof r === "number") return (this.status = r);
    try {
      return (this.status = yield* this.runBody(cmd, r.io, r.stdin));
    } finally {
      r.close();
    }
  }

  private *runBody(cmd: Command, io: Io, stdin: Stdin | undefined): Program {
    switch (cmd.kind) {
      case "simple":
        return yield* this.simple(cmd, io, stdin);
      case "group":
        return yield* this.runList(cmd.body, io, stdin);
      case "if": {
        for (const b of cmd.branches) {
          if ((yield* this.runList(b.cond, io, stdin)) === 0) return yield* this.runList(b.body, io, stdin);
        }
        return cmd.otherwise ? yield* this.runList(cmd.otherwise, io, stdin) : 0;
      }
      case "loop": {
        let status = 0;
        let spins = 0;
        let since = this.host.now();
        for (;;) {
          // A loop that never waits (`while true; do echo x; done`) would never give the driver a chance
          // to deliver Ctrl-C: every 1000 turns without the clock moving count as one simulated second.
          if (++spins >= BUSY_LOOP_TURNS) {
            if (this.host.now() === since) yield { type: "wait", until: since + 1000 };
            spins = 0;
            since = this.host.now();
          }
          const c = yield* this.runList(cmd.cond, io, stdin);
          if ((c === 0) === cmd.until) break;
          const r = yield* this.loopBody(cmd.body, io, stdin);
          status = r.status;
          if (r.broke) break;
        }
        return status;
      }
      case "for": {
        const items = cmd.items ? yield* expandWords(cmd.items, this.scope(io)) : [];
        let status = 0;
        for (const item of items) {
          this.vars.set(cmd.name, item);
          const r = yield* this.loopBody(cmd.body, io, stdin);
          status = r.status;
          if (r.broke) break;
        }
        return status;
      }
    }
  }

  private *loopBody(body: List, io: Io, stdin: Stdin | undefined): Steps<{ status: number; broke: boolean }> {
    try {
      return { status: yield* this.runList(body, io, stdin), broke: false };
    } catch (e) {
      if (e instanceof LoopControl) return { status: 0, broke: e.kind === "break" };
      throw e;
    }
  }

  private *simple(cmd: Extract<Command, { kind: "simple" }>, io: Io, stdin: Stdin | undefined): Program {
    const scope = this.scope(io);
    const values: [string, string][] = [];
    for (const a of cmd.assigns) values.push([a.name, yield* expandJoined(a.value, scope)]);
    const argv = yield* expandWords(cmd.words, scope);
    const name = argv[0];
    if (name === undefined) {
      for (const [k, v] of values) this.vars.set(k, v);
      return 0;
    }
    const impl = BUILTINS[name] ?? this.host.command(name) ?? this.filterCommand(name);
    if (!impl) {
      io.err(`${this.host.name}: ${name}: not found\n`);
      return 127;
    }
    // `VAR=x cmd`: the assignment is in cmd's environment only.
    const saved = values.map(([k]) => [k, this.vars.get(k), this.exported.has(k)] as const);
    for (const [k, v] of values) {
      this.vars.set(k, v);
      this.exported.add(k);
    }
    try {
      return yield* impl(argv, io, stdin, this);
    } finally {
      for (const [k, v, ex] of saved) {
        if (v === undefined) this.vars.delete(k);
        else this.vars.set(k, v);
        if (!ex) this.exported.delete(k);
      }
    }
  }

  /** A filter run as a plain command: reads its files, or the rest of stdin. */
  private filterCommand(name: string): CommandImpl | undefined {
    const factory = FILTERS[name];
    if (!factory || !this.host.hasFilter(name)) return undefined;
    return function* (argv, io, stdin, sh) {
      const made = factory(argv.slice(1), io, (p) => sh.read(p));
      if (typeof made === "number") return made;
      const files = fileArgs(name, argv.slice(1));
      if (files.length > 0) return feedFiles(name, files, made, io, (p) => sh.read(p));
      if (stdin) {
        made.push(stdin.text.slice(stdin.pos));
        stdin.pos = stdin.text.length;
      }
      return made.end();
    };
  }

  /** Reads a file through the host's file system (`/dev/null` is empty). */
  read(path: string): string | undefined {
    if (path === "/dev/null") return "";
    return this.host.files.read(path);
  }

  /** Expansion scope: variables, `$?`, and `$(…)` run in this shell with output captured. */
  scope(io: Io): import("./expand").ExpandScope {
    const sh = this;
    return {
      list: (dir) => sh.host.files.list(dir),
      get: (n) => sh.vars.get(n),
      get status() {
        return sh.status;
      },
      *substitute(source: string) {
        let out = "";
        let list: List;
        try {
          list = parse(tokenize(source));
        } catch (e) {
          if (!(e instanceof ShellSyntaxError || e instanceof IncompleteInput)) throw e;
          io.err(`${sh.host.name}: ${e.message}\n`);
          return "";
        }
        try {
          yield* sh.runList(list, { out: (t) => (out += t), err: io.err }, undefined);
        } catch (e) {
          if (!(e instanceof ShellExit)) throw e;
        }
        return out;
      },
    };
  }

  /** Applies redirections: the command's io and stdin, and a close() that writes redirected files. */
  private *redirect(
    redirects: Redirect[],
    io: Io,
    stdin: Stdin | undefined,
  ): Steps<{ io: Io; stdin: Stdin | undefined; close: () => void } | number> {
    let out = io.out;
    let err = io.err;
    let input = stdin;
    const pending: (() => void)[] = [];
    for (const r of redirects) {
      const target = r.target ? yield* expandJoined(r.target, this.scope(io)) : "";
      if (r.op === "2>&1") {
        err = out;
        continue;
      }
      if (r.op === "<") {
        const text = this.read(target);
        if (text === undefined) {
          io.err(`${this.host.name}: can't open '${target}': No such file or directory\n`);
          return 1;
        }
        input = { text, pos: 0 };
        continue;
      }
      const sink = this.fileSink(target, r.op === ">>" || r.op === "2>>", io);
      if (!sink) return 1;
      pending.push(sink.close);
      if (r.op === "2>" || r.op === "2>>") err = sink.write;
      else if (r.op === "&>") {
        out = sink.write;
        err = sink.write;
      } else out = sink.write;
    }
    return {
      io: { out, err },
      stdin: input,
      close: () => {
        for (const c of pending) c();
      },
    };
  }

  private fileSink(
    path: string,
    append: boolean,
    io: Io,
  ): { write: (t: string) => void; close: () => void } | undefined {
    if (path === "/dev/null") return { write: () => {}, close: () => {} };
    const files = this.host.files;
    if (files.isDir(path)) {
      io.err(`${this.host.name}: can't create ${path}: Is a directory\n`);
      return undefined;
    }
    let text = append ? (files.read(path) ?? "") : "";
    files.write(path, text);
    return {
      write: (t) => {
        text += t;
        files.write(path, text);
      },
      close: () => {},
    };
  }
}

/** Runs `program`, stopping it (as SIGPIPE would) once `stop()` says the reader went away. */
export function* delegate(program: Program, stop: () => boolean): Program {
  let step = program.next();
  for (;;) {
    if (step.done) return step.value;
    if (stop()) {
      program.return(141);
      return 141;
    }
    let answer: string | null | undefined;
    try {
      answer = yield step.value;
    } catch (e) {
      step = program.throw(e);
      continue;
    }
    step = program.next(answer);
  }
}

/** The file arguments of a filter (not its flags or its pattern). */
function fileArgs(name: string, args: string[]): string[] {
  const files: string[] = [];
  let patternSeen = name !== "grep";
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === "-e" && name === "grep") {
      i++;
      patternSeen = true;
    } else if (a === "-n" && (name === "head" || name === "tail")) i++;
    else if (a.startsWith("-") && a !== "-") continue;
    else if (!patternSeen) patternSeen = true;
    else files.push(a);
  }
  return files;
}

function hasFileArgs(name: string, args: string[]): boolean {
  return fileArgs(name, args).length > 0;
}

export { Interrupt, LoopControl, ShellExit };
