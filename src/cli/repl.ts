/**
 * The interactive terminal (`npx rollout-sandbox`): node:readline gives line editing and history; the
 * simulated clock follows real time at 1× (the time spent typing passes too, so pods start while the
 * learner reads); Ctrl-C interrupts a running command; Ctrl-D leaves.
 */
import { createInterface, type Interface } from "node:readline";
import type { Session, Terminal } from "../session";
import { editInRealEditor } from "./editor";

/** Options of the REPL. */
export interface ReplOptions {
  /** Answers a line before the shell does (lesson commands); undefined passes it on. */
  intercept?: (line: string) => string | undefined;
  /** Printed first. */
  banner?: string;
}

/** How often the clock is moved while a command runs (ms of real time). */
const TICK_MS = 100;

/** Runs the REPL until Ctrl-D or `exit`; resolves with the exit code. */
export function repl(session: Session, opts: ReplOptions = {}): Promise<number> {
  const t = session.terminals[0] as Terminal;
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  let last = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const advance = (): void => {
    const now = Date.now();
    session.tick(now - last);
    last = now;
  };
  const off = t.onOutput((text, stream) =>
    (stream === "stdout" ? process.stdout : process.stderr).write(text),
  );
  if (opts.banner) process.stdout.write(opts.banner);
  let ended = false;
  return new Promise((resolve) => {
    let finished = false;
    const done = (code: number): void => {
      if (finished) return;
      finished = true;
      if (timer) clearInterval(timer);
      off();
      rl.close();
      resolve(code);
    };
    const prompt = (): void => {
      rl.setPrompt(t.prompt);
      rl.prompt();
    };
    const settle = (): void => {
      answerEdits(t, rl);
      if (t.exited !== undefined) {
        done(t.exited);
        return;
      }
      if (t.busy) {
        timer ??= setInterval(() => {
          advance();
          settle();
        }, TICK_MS);
        return;
      }
      if (timer) clearInterval(timer);
      timer = undefined;
      // Standard input ended (Ctrl-D, or a piped script): leave once the last command is done.
      if (ended) done(0);
      else prompt();
    };
    rl.on("line", (line) => {
      advance();
      const answer = !t.busy && !t.readingInput ? opts.intercept?.(line) : undefined;
      if (answer !== undefined) process.stdout.write(answer);
      else t.submit(line);
      settle();
    });
    rl.on("SIGINT", () => {
      // The terminal echoes `^C` itself; a half-typed readline line is dropped as bash does.
      rl.write("", { ctrl: true, name: "u" });
      t.interrupt();
      settle();
    });
    rl.on("close", () => {
      ended = true;
      // End of input runs a half-typed command as sh does at end of file (an open here-document ends).
      t.endInput();
      settle();
    });
    prompt();
  });
}

function answerEdits(t: Terminal, rl: Interface): void {
  for (let edit = t.pendingEdit; edit; edit = t.pendingEdit) {
    rl.pause();
    edit.answer(editInRealEditor(edit.file, edit.content));
    rl.resume();
  }
}
