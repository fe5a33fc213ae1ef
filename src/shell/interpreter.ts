/**
 * The shell interpreter: runs parsed lines as a Program (lists, and-or lists, pipelines, `if`, loops,
 * simple commands with their assignments). The same interpreter serves the learner's terminal and the
 * shells inside pods; what differs is the host (which commands exist, how errors are prefixed). Pipes are
 * in pipeline.ts, redirections in redirect.ts, the builtins in builtins.ts.
 */
import { Interrupt, type Io, type Program } from "../kubectl/program";
import { ArithError } from "./arith";
import { BUILTINS } from "./builtins";
import { type ExpandScope, expandJoined, expandWords, type Steps } from "./expand";
import type { ShellHost, Stdin } from "./host";
import { IncompleteInput, tokenize } from "./lexer";
import { type AndOr, type Command, type List, type Pipeline, parse, ShellSyntaxError } from "./parser";
import { filterCommand, runPipe } from "./pipeline";
import { applyRedirects } from "./redirect";
import { LoopControl, ShellExit } from "./signals";
import { waitUntil } from "./utilities";

export type { CommandImpl, ShellHost, Stdin } from "./host";
export { delegate, FILTERS } from "./pipeline";

/** Turns of a loop that never waits which stand for one simulated second (so Ctrl-C can reach it). */
const BUSY_LOOP_TURNS = 1000;

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

  /**
   * Runs one line (or several joined by newlines); returns its status. `atEof`: nothing follows (the end
   * of a script), so an open here-document ends here. Interrupt propagates (the caller decides what Ctrl-C ends).
   */
  *runLine(line: string, io: Io, atEof = false): Program {
    let list: List;
    try {
      list = parse(tokenize(line, { atEof }));
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
    else status = yield* runPipe(this, p.commands, io, stdin);
    if (p.negate) status = status === 0 ? 1 : 0;
    this.status = status;
    return status;
  }

  /** Runs one command of a pipeline with its redirections; sets and returns its status. */
  *runCommand(cmd: Command, io: Io, stdin: Stdin | undefined): Program {
    const r = yield* applyRedirects(this, cmd.redirects, io, stdin);
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
            // waitUntil, not one yield: a wake that comes early (the cluster changed) must not shorten the second.
            if (this.host.now() === since) yield* waitUntil(this.host, since + 1000);
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
    const impl = BUILTINS[name] ?? this.host.command(name) ?? filterCommand(this, name);
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

  /** Reads a file through the host's file system (`/dev/null` is empty). */
  read(path: string): string | undefined {
    if (path === "/dev/null") return "";
    return this.host.files.read(path);
  }

  /** Expansion scope: variables, `$?`, and `$(…)` run in this shell with output captured. */
  scope(io: Io): ExpandScope {
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
}

export { Interrupt, LoopControl, ShellExit };
