/**
 * Drawing the edited line onto a terminal of `cols` columns: move back to where the prompt starts,
 * clear to the end of the screen, write prompt and text, and put the cursor where it belongs, counting
 * wide characters (Hangul, CJK) as two columns and wrapping as xterm wraps.
 */

/** True for characters a terminal draws two columns wide (East Asian Wide and Fullwidth ranges). */
export function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0x303e) ||
    (code >= 0x3041 && code <= 0x33ff) ||
    (code >= 0x3400 && code <= 0x4dbf) ||
    (code >= 0x4e00 && code <= 0x9fff) ||
    (code >= 0xa000 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1f64f) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

/** Columns `text` takes on the terminal (escape sequences excluded). */
export function displayWidth(text: string): number {
  let width = 0;
  const plain = text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "");
  for (const ch of plain) width += isWide(ch.codePointAt(0) ?? 0) ? 2 : 1;
  return width;
}

/** Row and column (0-based, relative to the prompt's first row) of a position `width` columns in. */
function position(width: number, cols: number): { row: number; col: number } {
  return { row: Math.floor(width / cols), col: width % cols };
}

/** Where the terminal's cursor was left by the previous draw: rows below the prompt's first row. */
export interface DrawnLine {
  cursorRow: number;
}

/**
 * The escape sequence that redraws `prompt + buffer` with the cursor at `cursor`, given the previous
 * draw (null: the cursor is at the start of a fresh line). Returns the text and the new DrawnLine.
 */
export function redraw(
  prompt: string,
  buffer: string,
  cursor: number,
  cols: number,
  previous: DrawnLine | null,
): { text: string; drawn: DrawnLine } {
  const safeCols = Math.max(1, cols);
  let out = "";
  if (previous && previous.cursorRow > 0) out += `\x1b[${previous.cursorRow}A`;
  out += "\r\x1b[J";
  const full = prompt + buffer;
  out += full;
  const total = displayWidth(full);
  // After writing exactly a multiple of `cols` columns xterm waits on the last column ("pending
  // wrap"); a CR LF makes the real position (next row, column 0) match the arithmetic below.
  if (total > 0 && total % safeCols === 0) out += "\r\n";
  const end = position(total, safeCols);
  const target = position(displayWidth(prompt + buffer.slice(0, cursor)), safeCols);
  if (end.row > target.row) out += `\x1b[${end.row - target.row}A`;
  out += "\r";
  if (target.col > 0) out += `\x1b[${target.col}C`;
  return { text: out, drawn: { cursorRow: target.row } };
}

/** The text that moves from the drawn cursor to the end of the line, then to a new line (before output). */
export function leaveLine(prompt: string, buffer: string, cols: number, previous: DrawnLine): string {
  const safeCols = Math.max(1, cols);
  const total = displayWidth(prompt + buffer);
  const endRow = Math.floor(total / safeCols);
  const down = endRow - previous.cursorRow;
  // An exact multiple already left an empty row below the text (see redraw): no extra newline.
  const exact = total > 0 && total % safeCols === 0;
  return (down > 0 ? `\x1b[${down}B` : "") + (exact ? "\r" : "\r\n");
}

/** Output text for xterm: lone LF becomes CR LF (programs write Unix newlines). */
export function toTerminalNewlines(text: string): string {
  return text.replace(/\r?\n/g, "\r\n");
}
