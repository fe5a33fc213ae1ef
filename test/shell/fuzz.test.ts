/**
 * SH1 (shell robustness): any text typed as a script, made of sh's words, quotes, operators, here-document
 * markers and garbage, ends with an exit code for every command it holds; nothing escapes as an internal
 * error, and the session still answers afterwards.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { runScript } from "../../src/cli/script";
import { Session } from "../../src/session";

/** Runs (PROPERTY_RUNS overrides it for a longer search). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

const PIECES = [
  "echo",
  "cat",
  "read x",
  "wc -l",
  "grep x",
  "x",
  "EOF",
  "'EOF'",
  '"E"OF',
  "\\EOF",
  "<<",
  "<<-",
  "<",
  ">",
  "f.txt",
  "2>&1",
  "|",
  "&&",
  "||",
  ";",
  "&",
  "\n",
  "\t",
  " ",
  '"',
  "'",
  "\\",
  "`",
  "$(",
  ")",
  "$((1+",
  "))",
  "${",
  "}",
  "$x",
  "#",
  "while",
  "do",
  "done",
  "for",
  "in",
  "if",
  "then",
  "fi",
  "{",
  "!",
  "true",
  "false",
];

describe("shell robustness (properties)", () => {
  it("SH1 every command of a random script ends with an exit code; no internal error", {
    timeout: 300_000,
  }, () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 25 }), (pieces) => {
        const s = new Session();
        const text = pieces.join(" ");
        const entries = runScript(s, text.split("\n"), {
          interruptAfter: 5,
          edit: () => null,
          write: () => {},
        });
        for (const e of entries) {
          expect(typeof e.exit).toBe("number");
          expect(e.stderr).not.toContain("internal error");
        }
        // The session still answers: a new terminal runs a command.
        s.openTerminal().submit("echo still here");
        expect(s.transcript.at(-1)?.stdout).toBe("still here\n");
      }),
      { numRuns: RUNS },
    );
  });
});
