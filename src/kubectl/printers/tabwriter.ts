/**
 * Go's text/tabwriter as kubectl uses it. Cells end at a TAB; the last cell of a line is not part of any
 * column. A column block is a run of consecutive lines that have a cell in that column; its width is the
 * widest cell + padding (at least minwidth). A line with fewer cells ends the block, which is why a
 * TAB-less line such as `Pod Template:` splits describe output into separately aligned blocks.
 */

/** tabwriter settings: `kubectl get` uses minwidth 6 / padding 3; describe and history use 0 / 2. */
export interface TabOptions {
  minwidth: number;
  padding: number;
}

/** `kubectl get` tables (printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, pad ' '). */
export const TABLE_TABS: TabOptions = { minwidth: 6, padding: 3 };
/** describe output and the rollout history table (minwidth 0, padding 2). */
export const DESCRIBE_TABS: TabOptions = { minwidth: 0, padding: 2 };

/** Aligns TAB-separated text (lines separated by `\n`) exactly as Go's tabwriter with a space pad char. */
export function alignTabs(text: string, opts: TabOptions): string {
  const lines = text.split("\n").map((l) => l.split("\t"));
  const out: string[] = [];
  format(lines, 0, lines.length, [], opts, out);
  return out.join("\n");
}

/** Aligns rows of cells (each row a table line) with `opts`; returns the lines joined, each ending in `\n`. */
export function alignRows(rows: readonly (readonly string[])[], opts: TabOptions = TABLE_TABS): string {
  if (rows.length === 0) return "";
  return `${alignTabs(rows.map((r) => r.join("\t")).join("\n"), opts)}\n`;
}

function width(s: string): number {
  return [...s].length;
}

function format(
  lines: string[][],
  from: number,
  to: number,
  widths: number[],
  opts: TabOptions,
  out: string[],
): void {
  const column = widths.length;
  let line0 = from;
  for (let i = from; i < to; i++) {
    if (column >= (lines[i] as string[]).length - 1) continue;
    writeLines(lines, line0, i, widths, out);
    line0 = i;
    let w = opts.minwidth;
    let j = i;
    for (; j < to; j++) {
      const line = lines[j] as string[];
      if (column >= line.length - 1) break;
      w = Math.max(w, width(line[column] as string) + opts.padding);
    }
    format(lines, line0, j, [...widths, w], opts, out);
    line0 = j;
    i = j - 1;
  }
  writeLines(lines, line0, to, widths, out);
}

function writeLines(lines: string[][], from: number, to: number, widths: number[], out: string[]): void {
  for (let i = from; i < to; i++) {
    const cells = lines[i] as string[];
    let text = "";
    cells.forEach((c, j) => {
      const w = widths[j];
      text += j < cells.length - 1 && w !== undefined ? c + " ".repeat(Math.max(0, w - width(c))) : c;
    });
    out.push(text);
  }
}

/**
 * Rows printed one flush at a time by a tabwriter with cli-runtime's RememberWidths flag (`kubectl get -w`):
 * a column never gets narrower than it was in an earlier flush. `widths` is updated in place.
 */
export function alignRemembered(
  rows: readonly (readonly string[])[],
  widths: number[],
  opts: TabOptions = TABLE_TABS,
): string {
  for (const r of rows)
    r.forEach((c, i) => {
      if (i < r.length - 1) widths[i] = Math.max(widths[i] ?? opts.minwidth, width(c) + opts.padding);
    });
  return rows
    .map((r) => `${r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i] as number) : c)).join("")}\n`)
    .join("");
}
