/**
 * Here-documents (`cmd <<EOF`, `<<'EOF'`, `<<-EOF`): the tokenizer notes each one at its `<<` and, at
 * the end of that line, reads the bodies from the lines that follow, up to a line that is exactly the
 * delimiter (`<<-` strips leading tabs from the body and the delimiter line). A quoted delimiter keeps
 * the body literal; otherwise `$VAR`, `$(…)` and backslash escapes work in it as in "…" (POSIX 2.7.4).
 */
import { appendPart, IncompleteInput, scanUnit, type Word } from "./scan";

/** A here-document whose body is still to be read: the word the body goes into, and how to end it. */
export interface PendingHereDoc {
  body: Word;
  delimiter: string;
  /** The delimiter was quoted (`'EOF'`, `"EOF"`, `\EOF`): no expansion in the body. */
  literal: boolean;
  /** `<<-`: leading tabs are removed from each body line and from the delimiter line. */
  stripTabs: boolean;
}

/** The here-document a delimiter word starts (its body word is filled later by readHereDocs). */
export function hereDoc(delimiterWord: Word, stripTabs: boolean): PendingHereDoc {
  let delimiter = "";
  for (const p of delimiterWord.parts)
    delimiter += p.kind === "literal" || p.kind === "expand" ? p.text : p.source;
  const literal = delimiterWord.quoted || delimiterWord.parts.some((p) => p.kind === "literal");
  return { body: { parts: [], quoted: true }, delimiter, literal, stripTabs };
}

/**
 * Reads the bodies of `pending`, in order, from the line starting at `start`; returns the index after the
 * last delimiter line. Input that ends first is incomplete (a terminal asks for more with `> `), unless it
 * is the end of the script (`atEof`): then, as dash and busybox ash do, the body ends there silently.
 */
export function readHereDocs(text: string, start: number, pending: PendingHereDoc[], atEof: boolean): number {
  let i = start;
  for (const doc of pending) {
    let body = "";
    let closed = false;
    while (i < text.length) {
      const nl = text.indexOf("\n", i);
      const end = nl < 0 ? text.length : nl;
      let line = text.slice(i, end);
      i = nl < 0 ? text.length : nl + 1;
      if (doc.stripTabs) line = line.replace(/^\t+/, "");
      if (line === doc.delimiter) {
        closed = true;
        break;
      }
      body += `${line}\n`;
    }
    if (!closed && !atEof) throw new IncompleteInput("here-document");
    fillBody(doc, body);
  }
  return i;
}

/** Puts the body text into the document's word: one literal part, or parts to expand. */
function fillBody(doc: PendingHereDoc, body: string): void {
  const word = doc.body;
  if (doc.literal) {
    word.parts.push({ kind: "literal", text: body });
    return;
  }
  // An empty literal first, so an empty body still makes a (quoted, empty) word.
  word.parts.push({ kind: "literal", text: "" });
  for (let i = 0; i < body.length; ) i = scanUnit(body, i, "heredoc", (p) => appendPart(word, p));
}
