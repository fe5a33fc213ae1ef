/**
 * The shell's contracts with what surrounds it: a command's standard input, a command implementation,
 * and the host a shell runs on (the learner's machine, or a container). Kept apart from the interpreter
 * so builtins, utilities and pod tools can name them without importing the interpreter.
 */
import type { Files } from "../kubectl/context";
import type { Io, Program } from "../kubectl/program";
import type { Shell } from "./interpreter";

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

/** What is left of `stdin` to read (and marks it read), or undefined when stdin is the terminal. */
export function drainStdin(stdin: Stdin | undefined): string | undefined {
  if (!stdin) return undefined;
  const text = stdin.text.slice(stdin.pos);
  stdin.pos = stdin.text.length;
  return text;
}
