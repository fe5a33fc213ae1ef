/**
 * Typing a step's reference solution into a Session the way a learner would: each line goes to its
 * terminal, and the simulated clock is moved to the next thing that happens until the line finishes
 * (or, for an interactive program, until nothing more happens by itself). Used by `solve` in the CLI and
 * by the tests that walk every lesson.
 */
import type { LessonSession } from "./runner";
import type { Lesson, SolutionLine, Step } from "./types";

/** A terminal the solution can type into (the Session's Terminal has this shape). */
export interface DrivableTerminal {
  readonly id: number;
  readonly busy: boolean;
  submit(line: string): void;
  readonly pendingEdit: { file: string; content: string; answer(text: string | null): void } | undefined;
}

/** A Session the solution can drive (src/session's Session has this shape). */
export interface DrivableSession extends LessonSession {
  readonly terminals: readonly DrivableTerminal[];
  openTerminal(): DrivableTerminal;
  tick(ms: number): void;
  nextWake(): number | undefined;
}

/** How long one line may take in simulated time before the driver stops waiting: 15 minutes (a 600 s deadline fits). */
export const LINE_BUDGET_MS = 15 * 60_000;

/** How a session for `lesson` is made: its seed, the learner's files, extra images and setup lines. */
export function lessonSessionOptions(lesson: Lesson): {
  seed: number;
  files: Record<string, string>;
  images: unknown[];
  setup: string[];
} {
  return {
    seed: lesson.seed,
    files: Object.fromEntries(lesson.files.map((f) => [f.name, f.content])),
    images: lesson.images,
    setup: lesson.setup,
  };
}

/** The terminal numbered `n` (1-based), opening terminals until it exists. */
export function terminalNumber(session: DrivableSession, n: number): DrivableTerminal {
  while (session.terminals.length < n) session.openTerminal();
  return session.terminals[n - 1] as DrivableTerminal;
}

/** Types one solution line and waits for it as described above. */
export function typeLine(session: DrivableSession, sol: SolutionLine): void {
  const terminal = terminalNumber(session, sol.terminal);
  terminal.submit(sol.line);
  if (sol.background) return;
  waitFor(session, terminal, sol.edit);
}

/** Moves the clock until `terminal` is idle, answering an editor with `edit`; stops when nothing is due. */
export function waitFor(
  session: DrivableSession,
  terminal: DrivableTerminal,
  edit?: SolutionLine["edit"],
): void {
  const start = session.cluster.state.now;
  for (let rounds = 0; terminal.busy && rounds < 100_000; rounds++) {
    const pending = terminal.pendingEdit;
    if (pending) {
      pending.answer(edit ? pending.content.replace(edit.from, edit.to) : null);
      continue;
    }
    const now = session.cluster.state.now;
    const wake = session.nextWake();
    if (wake === undefined || wake - start > LINE_BUDGET_MS) return;
    session.tick(Math.max(0, wake - now));
  }
}

/** Types every line of `step`'s solution. */
export function typeSolution(session: DrivableSession, step: Step): void {
  for (const line of step.solution) typeLine(session, line);
}
