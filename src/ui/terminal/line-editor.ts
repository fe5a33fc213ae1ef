/**
 * The terminal's line discipline as a pure value: the line being typed, the cursor in it and the
 * command history. `edit(state, key)` returns the next state and what the terminal should do
 * (submit, interrupt, complete, clear). Rendering the line onto xterm is render-line.ts's job.
 */

/** The line being edited and the history around it. */
export interface LineState {
  /** The text typed so far (code units). */
  buffer: string;
  /** Cursor position in `buffer`, 0…buffer.length. */
  cursor: number;
  /** Submitted lines, oldest first. */
  history: readonly string[];
  /** Which history entry is shown: history.length means the draft being typed. */
  historyIndex: number;
  /** The line typed before walking into the history, restored on walking back out. */
  draft: string;
}

/** What a key asks the terminal to do besides changing the line. */
export type LineAction =
  | { kind: "none" }
  | { kind: "submit"; line: string }
  | { kind: "interrupt"; line: string }
  | { kind: "complete" }
  | { kind: "clear" };

/** The outcome of one key. */
export interface LineEdit {
  state: LineState;
  action: LineAction;
}

/** How many history entries are kept: 500 is more than a lesson types, and bounds the saved size. */
export const HISTORY_LIMIT = 500;

/** An empty line with the given history. */
export function emptyLine(history: readonly string[] = []): LineState {
  return { buffer: "", cursor: 0, history, historyIndex: history.length, draft: "" };
}

const NONE: LineAction = { kind: "none" };

/** The state with `text` inserted at the cursor (paste: CR/LF-free text only; see pasteLines). */
export function insert(state: LineState, text: string): LineState {
  const clean = text.replace(/[\x00-\x1f\x7f]/g, "");
  const buffer = state.buffer.slice(0, state.cursor) + clean + state.buffer.slice(state.cursor);
  return { ...state, buffer, cursor: state.cursor + clean.length };
}

/** Splits pasted text into complete lines (to submit) and the unfinished last line (to keep editing). */
export function pasteLines(text: string): { lines: string[]; rest: string } {
  const parts = text.replace(/\r\n?/g, "\n").split("\n");
  const rest = parts.pop() ?? "";
  return { lines: parts, rest };
}

/** The history after submitting `line` (blank lines and repeats of the last entry are not kept, as in bash's ignoreboth). */
export function remember(history: readonly string[], line: string): readonly string[] {
  if (line.trim() === "" || history[history.length - 1] === line) return history;
  const next = [...history, line];
  return next.length > HISTORY_LIMIT ? next.slice(next.length - HISTORY_LIMIT) : next;
}

/** Start of the word before the cursor (Ctrl-W, Alt-B). */
function wordStart(buffer: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && buffer[i - 1] === " ") i--;
  while (i > 0 && buffer[i - 1] !== " ") i--;
  return i;
}

/** End of the word after the cursor (Alt-F). */
function wordEnd(buffer: string, cursor: number): number {
  let i = cursor;
  while (i < buffer.length && buffer[i] === " ") i++;
  while (i < buffer.length && buffer[i] !== " ") i++;
  return i;
}

/** Shows history entry `index` (history.length: the draft). */
function showHistory(state: LineState, index: number): LineState {
  const draft = state.historyIndex === state.history.length ? state.buffer : state.draft;
  const buffer = index === state.history.length ? draft : (state.history[index] ?? "");
  return { ...state, buffer, cursor: buffer.length, historyIndex: index, draft };
}

/** Removes text between `from` and `to` (from ≤ to) and puts the cursor at `from`. */
function cut(state: LineState, from: number, to: number): LineState {
  return { ...state, buffer: state.buffer.slice(0, from) + state.buffer.slice(to), cursor: from };
}

/** Applies one key sequence as xterm reports it (`onData`): a control character, an escape sequence or text. */
export function edit(state: LineState, data: string): LineEdit {
  const keep = (s: LineState): LineEdit => ({ state: s, action: NONE });
  const { buffer, cursor } = state;
  switch (data) {
    case "\r":
    case "\n": {
      const history = remember(state.history, buffer);
      return { state: emptyLine(history), action: { kind: "submit", line: buffer } };
    }
    case "\x03": // Ctrl-C: bash prints ^C and starts a fresh line
      return { state: emptyLine(state.history), action: { kind: "interrupt", line: buffer } };
    case "\x0c": // Ctrl-L
      return { state, action: { kind: "clear" } };
    case "\t":
      return { state, action: { kind: "complete" } };
    case "\x7f": // Backspace (xterm sends DEL)
    case "\b":
      return keep(cursor > 0 ? cut(state, cursor - 1, cursor) : state);
    case "\x1b[3~": // Delete
    case "\x04": // Ctrl-D on a non-empty line deletes forward
      return keep(cursor < buffer.length ? cut(state, cursor, cursor + 1) : state);
    case "\x1b[D":
    case "\x02":
      return keep({ ...state, cursor: Math.max(0, cursor - 1) });
    case "\x1b[C":
    case "\x06":
      return keep({ ...state, cursor: Math.min(buffer.length, cursor + 1) });
    case "\x1b[H":
    case "\x1bOH":
    case "\x1b[1~":
    case "\x01":
      return keep({ ...state, cursor: 0 });
    case "\x1b[F":
    case "\x1bOF":
    case "\x1b[4~":
    case "\x05":
      return keep({ ...state, cursor: buffer.length });
    case "\x1b[A":
    case "\x10":
      return keep(state.historyIndex > 0 ? showHistory(state, state.historyIndex - 1) : state);
    case "\x1b[B":
    case "\x0e":
      return keep(
        state.historyIndex < state.history.length ? showHistory(state, state.historyIndex + 1) : state,
      );
    case "\x15": // Ctrl-U: kill to the start of the line
      return keep(cut(state, 0, cursor));
    case "\x0b": // Ctrl-K: kill to the end
      return keep(cut(state, cursor, buffer.length));
    case "\x17": // Ctrl-W: kill the word before the cursor
      return keep(cut(state, wordStart(buffer, cursor), cursor));
    case "\x1b[1;5D":
    case "\x1bb":
      return keep({ ...state, cursor: wordStart(buffer, cursor) });
    case "\x1b[1;5C":
    case "\x1bf":
      return keep({ ...state, cursor: wordEnd(buffer, cursor) });
  }
  if (data.startsWith("\x1b")) return keep(state); // other escape sequences (F-keys, PgUp…) do nothing
  return keep(insert(state, data));
}

/**
 * The line after completing the word at the cursor with `candidates` (bash's rule): one candidate
 * replaces the word and adds a space unless it ends in `/` or `=`; several extend the word to their
 * longest common prefix. Returns the state and whether the candidates should be listed (no progress).
 */
export function applyCompletion(
  state: LineState,
  candidates: readonly string[],
): { state: LineState; list: boolean } {
  if (candidates.length === 0) return { state, list: false };
  const start = wordStart(state.buffer, state.cursor);
  const word = state.buffer.slice(start, state.cursor);
  let replacement = commonPrefix(candidates);
  if (candidates.length === 1 && !/[/=]$/.test(replacement)) replacement += " ";
  if (replacement.length <= word.length && candidates.length > 1) return { state, list: true };
  const buffer = state.buffer.slice(0, start) + replacement + state.buffer.slice(state.cursor);
  return { state: { ...state, buffer, cursor: start + replacement.length }, list: false };
}

/** The longest prefix shared by every string. */
export function commonPrefix(words: readonly string[]): string {
  let prefix = words[0] ?? "";
  for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return prefix;
}
