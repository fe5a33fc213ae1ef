/**
 * The shell's tokenizer: a command line becomes words and operators as sh splits them. Quoting is kept
 * in the word's parts (single quotes and backslash-escapes are literal, double quotes still expand `$`),
 * because expansion happens later, each time the command runs (a `for` loop expands `$i` anew).
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

/** The operators sh knows at this size. */
export type Operator = ";" | "&&" | "||" | "|" | "&" | "\n" | ">" | ">>" | "<" | "2>" | "2>>" | "2>&1" | "&>";

/** A token: a word or an operator. */
export type Token = { kind: "word"; word: Word } | { kind: "op"; op: Operator };

/** A line that cannot be split (an unterminated quote); sh then waits for more input. */
export class IncompleteInput extends Error {
  constructor(readonly expecting: string) {
    super(`unterminated ${expecting}`);
    this.name = "IncompleteInput";
  }
}

const OPERATORS: readonly Operator[] = [
  "2>&1",
  "2>>",
  "&&",
  "||",
  ">>",
  "&>",
  "2>",
  ";",
  "|",
  "&",
  "\n",
  ">",
  "<",
];

/** Splits `line` into tokens; throws IncompleteInput on an open quote or a trailing backslash. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  let i = 0;
  const part = (p: WordPart): void => {
    word ??= { parts: [], quoted: false };
    const last = word.parts[word.parts.length - 1];
    if (
      p.kind !== "subst" &&
      p.kind !== "arith" &&
      last &&
      last.kind === p.kind &&
      (p.kind === "literal" || samePlain(last, p))
    )
      last.text += p.text;
    else word.parts.push(p);
  };
  const endWord = (): void => {
    if (word) tokens.push({ kind: "word", word });
    word = undefined;
  };
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === " " || ch === "\t") {
      endWord();
      i++;
      continue;
    }
    if (ch === "#" && !word) break; // a comment runs to the end of the line
    // `2>` is an operator only at the start of a word (`a2>f` is the word `a2` then `>`).
    const op = OPERATORS.find((o) => line.startsWith(o, i) && (!o.startsWith("2") || !word));
    if (op) {
      endWord();
      tokens.push({ kind: "op", op });
      i += op.length;
      continue;
    }
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new IncompleteInput("'");
      part({ kind: "literal", text: line.slice(i + 1, end) });
      word = word as unknown as Word;
      word.quoted = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i = doubleQuoted(line, i + 1, part);
      (word as unknown as Word).quoted = true;
      continue;
    }
    i = scanUnit(line, i, false, part);
  }
  endWord();
  return tokens;
}

function samePlain(a: WordPart, b: WordPart): boolean {
  return a.kind === "expand" && b.kind === "expand" && a.quoted === b.quoted;
}

/** Reads a "…" string from `i` (after the quote); returns the index after the closing quote. */
function doubleQuoted(line: string, start: number, part: (p: WordPart) => void): number {
  let i = start;
  // An empty "" still makes a word: push an empty literal so the word exists.
  part({ kind: "literal", text: "" });
  while (i < line.length) {
    if (line[i] === '"') return i + 1;
    i = scanUnit(line, i, true, part);
  }
  throw new IncompleteInput('"');
}

/** What a backslash escapes inside "…" (anywhere else it escapes every character). */
const DOUBLE_QUOTE_ESCAPES = '$`"\\\n';

/**
 * Scans one unit of a word at `i`, unquoted or inside "…" (`quoted`): a backslash escape, `$((…))`,
 * `$(…)`, a backquoted command, or one plain character; hands it to `part`; returns the index after it.
 */
function scanUnit(line: string, i: number, quoted: boolean, part: (p: WordPart) => void): number {
  const ch = line[i] as string;
  if (ch === "\\") {
    const next = line[i + 1];
    if (next === undefined && !quoted) throw new IncompleteInput("\\");
    if (next !== undefined && (!quoted || DOUBLE_QUOTE_ESCAPES.includes(next))) {
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

/** The word's text if it is a plain unquoted word with no `$` (a keyword or a name), else undefined. */
export function plainText(word: Word): string | undefined {
  if (word.quoted) return undefined;
  let text = "";
  for (const p of word.parts) {
    if (p.kind !== "expand" || p.text.includes("$")) return undefined;
    text += p.text;
  }
  return text;
}
