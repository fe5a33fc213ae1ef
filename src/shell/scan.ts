/**
 * The pieces of a word and the scanner of one unit of it, shared by the tokenizer (unquoted text and
 * "…") and here-document bodies: backslash escapes, `$((…))`, `$(…)`, backquotes, plain characters.
 * What a backslash escapes is the only difference between the three (POSIX 2.2.3 and 2.7.4).
 */

/** One piece of a word: literal text, text to expand (`$VAR`, `${VAR}`, `$?`), or a command substitution. */
export type WordPart =
  | { kind: "literal"; text: string }
  | { kind: "expand"; text: string; quoted: boolean }
  | { kind: "subst"; source: string; quoted: boolean }
  | { kind: "arith"; source: string; quoted: boolean };

/** A word as typed: its parts, and whether any part was quoted (`""` is an empty word, not nothing). */
export interface Word {
  parts: WordPart[];
  quoted: boolean;
}

/** Input that cannot be split yet (an open quote, a here-document without its end); sh waits for more. */
export class IncompleteInput extends Error {
  constructor(readonly expecting: string) {
    super(`unterminated ${expecting}`);
    this.name = "IncompleteInput";
  }
}

/** Where a unit is read: unquoted, inside "…", or in the body of a here-document with an unquoted delimiter. */
export type ScanMode = "plain" | "double" | "heredoc";

/** What a backslash escapes in each mode (undefined: every character). */
const ESCAPES: Record<ScanMode, string | undefined> = {
  plain: undefined,
  double: '$`"\\\n',
  heredoc: "$`\\\n",
};

/** Adds `p` to `word`, merging it into the last part when both are literal or same-quoted plain text. */
export function appendPart(word: Word, p: WordPart): void {
  const last = word.parts[word.parts.length - 1];
  if (last?.kind === "literal" && p.kind === "literal") last.text += p.text;
  else if (last?.kind === "expand" && p.kind === "expand" && last.quoted === p.quoted) last.text += p.text;
  else word.parts.push(p);
}

/**
 * Scans one unit at `i` in `mode`: a backslash escape (backslash-newline is a line continuation and
 * vanishes), `$((…))`, `$(…)`, a backquoted command, or one plain character; hands it to `part`;
 * returns the index after it.
 */
export function scanUnit(line: string, i: number, mode: ScanMode, part: (p: WordPart) => void): number {
  const ch = line[i] as string;
  const quoted = mode !== "plain";
  if (ch === "\\") {
    const next = line[i + 1];
    if (next === undefined && mode === "plain") throw new IncompleteInput("\\");
    if (next === "\n") return i + 2;
    const escapes = ESCAPES[mode];
    if (next !== undefined && (escapes === undefined || escapes.includes(next))) {
      part({ kind: "literal", text: next });
      return i + 2;
    }
  }
  if (line.startsWith("$((", i)) {
    const end = closingParen(line, i + 3);
    if (line[end + 1] !== ")") throw new IncompleteInput("))");
    part({ kind: "arith", source: line.slice(i + 3, end), quoted });
    return end + 2;
  }
  if (ch === "$" && line[i + 1] === "(") {
    const end = closingParen(line, i + 2);
    part({ kind: "subst", source: line.slice(i + 2, end), quoted });
    return end + 1;
  }
  if (ch === "`") {
    const end = line.indexOf("`", i + 1);
    if (end < 0) throw new IncompleteInput("`");
    part({ kind: "subst", source: line.slice(i + 1, end), quoted });
    return end + 1;
  }
  part({ kind: "expand", text: ch, quoted });
  return i + 1;
}

/** Reads a "…" string from `start` (after the quote); returns the index after the closing quote. */
export function doubleQuoted(line: string, start: number, part: (p: WordPart) => void): number {
  let i = start;
  // An empty "" still makes a word: push an empty literal so the word exists.
  part({ kind: "literal", text: "" });
  while (i < line.length) {
    if (line[i] === '"') return i + 1;
    i = scanUnit(line, i, "double", part);
  }
  throw new IncompleteInput('"');
}

/** The index of the `)` closing a `$(` whose contents start at `start` (quotes and nesting respected). */
function closingParen(line: string, start: number): number {
  let depth = 1;
  let quote: string | undefined;
  for (let i = start; i < line.length; i++) {
    const ch = line[i] as string;
    if (quote) {
      if (ch === quote) quote = undefined;
      else if (ch === "\\" && quote === '"') i++;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "\\") i++;
    else if (ch === "(") depth++;
    else if (ch === ")" && --depth === 0) return i;
  }
  throw new IncompleteInput(")");
}
