/**
 * Commands as resumable programs. A command that waits (`sleep`, `rollout status`, `get -w`, an
 * interactive shell in a pod, `kubectl edit`) is a generator: it yields an Effect and the driver (a
 * browser terminal, the CLI, a test) resumes it when the effect is answered. A command that does not
 * wait simply returns its exit code without yielding.
 */

/** Resume me at the next change of the cluster, or once the clock reaches `until` (ms), whichever comes first. */
export interface WaitEffect {
  type: "wait";
  until?: number;
}

/** Give me the next line of standard input (the program is reading a terminal); resumes with the line, or null at end of input. */
export interface ReadLineEffect {
  type: "readLine";
  /** The prompt to show (an in-pod shell's `/ # `). */
  prompt: string;
  /** The exit status of the line read before, when the reader is a shell (a transcript shows it per line). */
  status?: number;
}

/** Open an editor on `content`; resumes with the saved text, or null if the editor failed or was cancelled. */
export interface EditEffect {
  type: "edit";
  /** A file name for the editor's title (`/tmp/kubectl-edit-1234.yaml`). */
  file: string;
  content: string;
}

/** Everything a program may ask its driver for. */
export type Effect = WaitEffect | ReadLineEffect | EditEffect;

/** What the driver hands back when it resumes a program: a line, edited text, null, or nothing (after a wait). */
export type EffectAnswer = string | null | undefined;

/** A running command: yields effects, returns its exit code. */
export type Program = Generator<Effect, number, EffectAnswer>;

/** Where a program writes. Text is written as is: a program writes its own newlines. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** A program that does nothing but return `code` (for commands that finish at once). */
// biome-ignore lint/correctness/useYield: a program that never waits is still a generator
export function* done(code: number): Program {
  return code;
}

/** Thrown into a waiting program when the user presses Ctrl-C; the driver ends it with exit code 130 (or as the command says). */
export class Interrupt extends Error {
  constructor() {
    super("interrupted");
    this.name = "Interrupt";
  }
}

/**
 * Waits like `yield effect`, but turns Ctrl-C into `true` instead of an exception: kubectl's watches
 * (`rollout status`, `get -w`) install an interrupt handler that exits 1 without a message.
 */
export function* interruptible(effect: Effect): Generator<Effect, boolean, EffectAnswer> {
  try {
    yield effect;
    return false;
  } catch (e) {
    if (e instanceof Interrupt) return true;
    throw e;
  }
}
