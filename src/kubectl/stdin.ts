/**
 * `-f -` on a terminal: kubectl reads standard input until end of input, so with no pipe it waits for
 * lines until Ctrl-D. The text is read once, before the command runs, as the builder would read it.
 */
import type { Flags } from "./flags";
import type { Effect, EffectAnswer } from "./program";

/** True when the command was given `-f -` (or `--filename=-`). */
export function wantsStdin(flags: Flags): boolean {
  return flags.defs.has("filename") && flags.list("filename").includes("-");
}

/** Reads terminal lines (readLine effects, no prompt) until end of input; the text with its newlines. */
export function* readTerminal(): Generator<Effect, string, EffectAnswer> {
  const lines: string[] = [];
  for (;;) {
    const line = yield { type: "readLine", prompt: "" };
    if (line === null || line === undefined) return lines.map((l) => `${l}\n`).join("");
    lines.push(line);
  }
}
