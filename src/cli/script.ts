/**
 * `rollout-sandbox run FILE|-`: types the lines of a script into a fresh session as a learner would and
 * prints the transcript (`$ LINE` then its output; an in-pod shell's lines after its own prompt), or with
 * `--json` one object per executed line. Time moves only while a line waits; a line still running after
 * `interruptAfter` simulated seconds gets Ctrl-C (watches, endless loops).
 */
import { CONTINUATION_PROMPT, type Session, type Terminal, type TranscriptEntry } from "../session";

/** Options of a script run. */
export interface ScriptOptions {
  /** Simulated seconds a line may run before it is interrupted (default 30). */
  interruptAfter: number;
  /** Answers `kubectl edit`/`vi`: the saved text or null. */
  edit: (file: string, content: string) => string | null;
  /** Where the text transcript goes (nothing in JSON mode). */
  write: (text: string) => void;
}

/** Whether a script line is skipped (blank, or a `#` comment) when no command is half-typed. */
export function skipped(line: string): boolean {
  const t = line.trim();
  return t === "" || t.startsWith("#");
}

/** Runs `lines` in terminal 1 of `session`; returns the transcript entries it made. */
export function runScript(
  session: Session,
  lines: readonly string[],
  opts: ScriptOptions,
): TranscriptEntry[] {
  const t = session.terminals[0] as Terminal;
  const first = session.transcript.length;
  const off = t.onOutput((text) => opts.write(text));
  try {
    for (const line of lines) {
      // Inside a here-document, a quote or a loop (the `> ` prompt), blank and `#` lines belong to it.
      if (skipped(line) && t.prompt !== CONTINUATION_PROMPT) continue;
      if (t.exited !== undefined) break;
      opts.write(`${t.prompt}${line}\n`);
      t.submit(line);
      drive(session, t, opts);
    }
    // The script's end is sh's end of file: a half-typed command (an open here-document, quote or loop) runs now.
    if (t.exited === undefined) {
      t.endInput();
      drive(session, t, opts);
    }
  } finally {
    off();
  }
  return session.transcript.slice(first);
}

/** Moves the clock until the terminal is idle (or reading input); Ctrl-C after the budget. */
export function drive(
  session: Session,
  t: Terminal,
  opts: Pick<ScriptOptions, "interruptAfter" | "edit">,
): void {
  const deadline = session.cluster.now + opts.interruptAfter * 1000;
  for (let i = 0; t.busy && i < 1_000_000; i++) {
    const edit = t.pendingEdit;
    if (edit) {
      edit.answer(opts.edit(edit.file, edit.content));
      continue;
    }
    const now = session.cluster.now;
    if (now >= deadline) {
      t.interrupt();
      continue;
    }
    const wake = session.nextWake();
    // Nothing due (or only "now", already handled): the line waits for nothing that will come, so skip to the budget.
    const target = wake === undefined || wake <= now ? deadline : Math.min(wake, deadline);
    session.tick(target - now);
  }
}

/** The `--json` form of an entry: `{"line","stdout","stderr","exit","t"}`. */
export function jsonLine(e: TranscriptEntry): string {
  return JSON.stringify({ line: e.line, stdout: e.stdout, stderr: e.stderr, exit: e.exit, t: e.t });
}
