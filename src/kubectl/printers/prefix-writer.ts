/**
 * kubectl's describe PrefixWriter: text written at a level gets two spaces of indent per level. The
 * collected text keeps its TABs; describe output aligns it (tabwriter, padding 2), while `rollout history
 * --revision` prints it raw.
 */

/** Collects describe text. */
export class PrefixWriter {
  private text = "";

  /** Writes `s` after `level` × two spaces (s carries its own newline, as Go's Fprintf does). */
  write(level: number, s: string): void {
    this.text += "  ".repeat(level) + s;
  }

  /** Writes `s` and a newline without indent (WriteLine). */
  line(s: string): void {
    this.text += `${s}\n`;
  }

  /** Everything written so far. */
  toString(): string {
    return this.text;
  }
}
