/** Drives a Session's first terminal the way the script runner does, for the shell and session tests. */
import { drive } from "../../src/cli/script";
import { Session, type SessionOptions, type TranscriptEntry } from "../../src/session";

/** Runs each line in terminal 1 (waiting lines get at most `interruptAfter` simulated seconds); returns the new entries. */
export function runLines(session: Session, lines: string[], interruptAfter = 30): TranscriptEntry[] {
  const t = session.terminals[0];
  if (!t) throw new Error("no terminal");
  const first = session.transcript.length;
  for (const line of lines) {
    t.submit(line);
    drive(session, t, { interruptAfter, edit: () => null });
  }
  return session.transcript.slice(first);
}

/** A fresh session and the output of one line. */
export function sh(line: string, opts: SessionOptions = {}): TranscriptEntry {
  const [e] = runLines(new Session(opts), [line]);
  if (!e) throw new Error("no entry");
  return e;
}
