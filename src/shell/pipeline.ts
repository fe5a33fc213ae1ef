/**
 * Pipes: `a | b | c` streams into the text filters (grep, head, …) while the producer runs, so
 * `kubectl get pods -w | grep http-go` prints as the watch does and `head` ends the producer early;
 * a pipe into any other command is buffered: each stage's output is the next stage's stdin.
 */
import type { Io, Program } from "../kubectl/program";
import { expandWords } from "./expand";
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
import { type CommandImpl, drainStdin, type Stdin } from "./host";
import type { Shell } from "./interpreter";
import type { Command } from "./parser";

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

/** `a | b | c`: streams into filters when every later stage is one, else runs stage after stage. */
export function* runPipe(sh: Shell, commands: Command[], io: Io, stdin: Stdin | undefined): Program {
  const later: { name: string; args: string[] }[] = [];
  for (const c of commands.slice(1)) {
    if (c.kind !== "simple" || c.redirects.length > 0 || c.assigns.length > 0) break;
    const argv = yield* expandWords(c.words, sh.scope(io));
    const name = argv[0];
    if (!name || !FILTERS[name] || !sh.host.hasFilter(name) || hasFileArgs(name, argv.slice(1))) break;
    later.push({ name, args: argv.slice(1) });
  }
  if (later.length === commands.length - 1)
    return yield* stream(sh, commands[0] as Command, later, io, stdin);
  let input = stdin;
  let status = 0;
  for (let i = 0; i < commands.length; i++) {
    const last = i === commands.length - 1;
    let captured = "";
    const stageIo: Io = last ? io : { out: (t) => (captured += t), err: io.err };
    status = yield* sh.runCommand(commands[i] as Command, stageIo, input);
    input = { text: captured, pos: 0 };
  }
  return status;
}

/** Runs `first` with its output pushed through the chain of filters (the last one writes to `io`). */
function* stream(
  sh: Shell,
  first: Command,
  filters: { name: string; args: string[] }[],
  io: Io,
  stdin: Stdin | undefined,
): Program {
  const chain: Filter[] = [];
  let sink: (t: string) => void = io.out;
  for (let i = filters.length - 1; i >= 0; i--) {
    const f = filters[i] as { name: string; args: string[] };
    const made = (FILTERS[f.name] as FilterFactory)(f.args, { out: sink, err: io.err }, (p) => sh.read(p));
    if (typeof made === "number") return made;
    chain.unshift(made);
    const next = made;
    sink = (t) => next.push(t);
  }
  const closed = (): boolean => chain.some((f) => f.closed);
  yield* delegate(sh.runCommand(first, { out: sink, err: io.err }, stdin), closed);
  let status = 0;
  for (const f of chain) status = f.end();
  return status;
}

/** A filter run as a plain command (not streamed into): reads its files, or the rest of stdin. */
export function filterCommand(sh: Shell, name: string): CommandImpl | undefined {
  const factory = FILTERS[name];
  if (!factory || !sh.host.hasFilter(name)) return undefined;
  return function* (argv, io, stdin, sh) {
    const made = factory(argv.slice(1), io, (p) => sh.read(p));
    if (typeof made === "number") return made;
    const files = fileArgs(name, argv.slice(1));
    if (files.length > 0) return feedFiles(name, files, made, io, (p) => sh.read(p));
    const text = drainStdin(stdin);
    if (text !== undefined) made.push(text);
    return made.end();
  };
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
