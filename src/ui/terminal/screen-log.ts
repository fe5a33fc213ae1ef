/**
 * What each terminal showed, as text (prompts with the lines typed, then the output, in the order they
 * appeared), saved with the session so a reload repaints the terminals exactly; the transcript alone
 * keeps stdout and stderr apart and would lose their order. Each log keeps its last 256 kB.
 */

/** Characters kept per terminal (256 k ≈ 3,000 lines of kubectl tables). */
export const SCREEN_LIMIT = 256 * 1024;

/** The screen logs of one session, by terminal id. */
export class ScreenLogs {
  private readonly logs = new Map<number, string>();

  constructor(saved?: Record<string, string>) {
    for (const [id, text] of Object.entries(saved ?? {}))
      if (typeof text === "string") this.logs.set(Number(id), text);
  }

  /** True when terminal `id` has a log (it may be empty). */
  has(id: number): boolean {
    return this.logs.has(id);
  }

  /** Terminal `id`'s log ("" if none). */
  get(id: number): string {
    return this.logs.get(id) ?? "";
  }

  /** Appends `text` to terminal `id`'s log, dropping whole lines from its start past the limit. */
  append(id: number, text: string): void {
    let log = (this.logs.get(id) ?? "") + text;
    if (log.length > SCREEN_LIMIT) {
      const cut = log.indexOf("\n", log.length - SCREEN_LIMIT);
      log = log.slice(cut < 0 ? log.length - SCREEN_LIMIT : cut + 1);
    }
    this.logs.set(id, log);
  }

  /** Empties terminal `id`'s log (Ctrl-L). */
  clear(id: number): void {
    this.logs.set(id, "");
  }

  /** The logs as JSON-safe data. */
  toJSON(): Record<string, string> {
    return Object.fromEntries([...this.logs].map(([id, text]) => [String(id), text]));
  }
}
