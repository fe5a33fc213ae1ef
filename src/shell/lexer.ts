/**
 * The shell's tokenizer: a command line becomes words and operators as sh splits them. Quoting is kept
 * in the word's parts (single quotes and backslash-escapes are literal, double quotes still expand `$`),
 * because expansion happens later, each time the command runs (a `for` loop expands `$i` anew).
 * Here-document bodies are read from the lines after the one with their `<<` (heredoc.ts).
 */
import { hereDoc, type PendingHereDoc, readHereDocs } from "./heredoc";
import { appendPart, doubleQuoted, IncompleteInput, scanUnit, type Word, type WordPart } from "./scan";

export { IncompleteInput, type Word, type WordPart } from "./scan";

/** The operators sh knows at this size. */
export type Operator =
  | ";"
  | "&&"
  | "||"
  | "|"
  | "&"
  | "\n"
  | ">"
  | ">>"
  | "<"
  | "<<"
  | "<<-"
  | "2>"
  | "2>>"
  | "2>&1"
  | "&>";

/** A token: a word or an operator. After `<<`/`<<-` the word is the here-document's body, not its delimiter. */
export type Token = { kind: "word"; word: Word } | { kind: "op"; op: Operator };

/** How to tokenize. */
export interface TokenizeOptions {
  /** The input ends here (end of a script): a here-document without its delimiter ends at the end. */
  atEof?: boolean;
}

const OPERATORS: readonly Operator[] = [
  "2>&1",
  "2>>",
  "&&",
  "||",
  ">>",
  "&>",
  "2>",
  "<<-",
  "<<",
  ";",
  "|",
  "&",
  "\n",
  ">",
  "<",
];

/** Splits `line` into tokens; throws IncompleteInput on an open quote, a trailing backslash or an open here-document. */
export function tokenize(line: string, opts: TokenizeOptions = {}): Token[] {
  const tokens: Token[] = [];
  let word: Word | undefined;
  /** After `<<`: the next word is a delimiter (`strip` for `<<-`). */
  let delimiterNext: { strip: boolean } | undefined;
  let docs: PendingHereDoc[] = [];
  let i = 0;
  const part = (p: WordPart): void => {
    word ??= { parts: [], quoted: false };
    appendPart(word, p);
  };
  const quoted = (): void => {
    word ??= { parts: [], quoted: false };
    word.quoted = true;
  };
  const endWord = (): void => {
    if (!word) return;
    if (delimiterNext) {
      const doc = hereDoc(word, delimiterNext.strip);
      docs.push(doc);
      tokens.push({ kind: "word", word: doc.body });
    } else tokens.push({ kind: "word", word });
    word = undefined;
    delimiterNext = undefined;
  };
  while (i < line.length) {
    const ch = line[i] as string;
    if (ch === " " || ch === "\t") {
      endWord();
      i++;
      continue;
    }
    if (ch === "#" && !word) {
      // A comment runs to the end of its line (the newline still separates commands).
      const nl = line.indexOf("\n", i);
      i = nl < 0 ? line.length : nl;
      continue;
    }
    // `2>` is an operator only at the start of a word (`a2>f` is the word `a2` then `>`).
    const op = OPERATORS.find((o) => line.startsWith(o, i) && (!o.startsWith("2") || !word));
    if (op) {
      endWord();
      tokens.push({ kind: "op", op });
      i += op.length;
      delimiterNext = op === "<<" || op === "<<-" ? { strip: op === "<<-" } : undefined;
      if (op === "\n" && docs.length > 0) {
        i = readHereDocs(line, i, docs, opts.atEof === true);
        docs = [];
      }
      continue;
    }
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new IncompleteInput("'");
      part({ kind: "literal", text: line.slice(i + 1, end) });
      quoted();
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      i = doubleQuoted(line, i + 1, part);
      quoted();
      continue;
    }
    i = scanUnit(line, i, "plain", part);
  }
  endWord();
  if (docs.length > 0) readHereDocs(line, line.length, docs, opts.atEof === true);
  return tokens;
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
