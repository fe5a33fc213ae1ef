/**
 * The shell's grammar, a small subset of POSIX sh: lists (`;`, newline, `&`), and-or lists (`&&`, `||`),
 * pipelines (`|`, `!`), simple commands with assignments and redirections, `while`/`until`, `for … in`,
 * `if … then … elif … else … fi` and `{ …; }`. Syntax errors are worded as busybox ash words them
 * (`syntax error: unexpected "done"`, `unexpected end of file (expecting "done")`).
 */
import { type Operator, plainText, type Token, type Word } from "./lexer";

/** A redirection: `> file`, `>> file`, `< file`, `2> file`, `2>&1`, `&> file`, `<<EOF` (target: the body). */
export interface Redirect {
  op: Exclude<Operator, ";" | "&&" | "||" | "|" | "&" | "\n">;
  target?: Word;
}

/** A command node. */
export type Command =
  | { kind: "simple"; assigns: { name: string; value: Word }[]; words: Word[]; redirects: Redirect[] }
  | { kind: "loop"; until: boolean; cond: List; body: List; redirects: Redirect[] }
  | { kind: "for"; name: string; items: Word[] | undefined; body: List; redirects: Redirect[] }
  | { kind: "if"; branches: { cond: List; body: List }[]; otherwise: List | undefined; redirects: Redirect[] }
  | { kind: "group"; body: List; redirects: Redirect[] };

/** `a | b | c`, maybe negated with `!`. */
export interface Pipeline {
  negate: boolean;
  commands: Command[];
}

/** `p1 && p2 || p3`. */
export interface AndOr {
  first: Pipeline;
  rest: { op: "&&" | "||"; pipeline: Pipeline }[];
}

/** A sequence of and-or lists. */
export type List = AndOr[];

/** A syntax error; `message` is ash's (`syntax error: unexpected "done"`); `incomplete` when more input could complete it. */
export class ShellSyntaxError extends Error {
  constructor(
    message: string,
    readonly incomplete: boolean,
  ) {
    super(message);
    this.name = "ShellSyntaxError";
  }
}

const RESERVED = new Set([
  "while",
  "until",
  "for",
  "do",
  "done",
  "if",
  "then",
  "elif",
  "else",
  "fi",
  "{",
  "}",
  "!",
  "in",
]);

/** The redirections that take a word: a file, or (after `<<`, `<<-`) a here-document's body. */
const FILE_REDIRECTS: ReadonlySet<Operator> = new Set([">", ">>", "<", "<<", "<<-", "2>", "2>>", "&>"]);

function takesWord(op: Operator): op is Redirect["op"] {
  return FILE_REDIRECTS.has(op);
}

/** Parses tokens into a List. */
export function parse(tokens: readonly Token[]): List {
  const p = new Parser(tokens);
  const list = p.list([]);
  if (!p.atEnd()) p.unexpected();
  return list;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: readonly Token[]) {}

  atEnd(): boolean {
    return this.i >= this.tokens.length;
  }

  /** A list that ends before any of the keywords in `stop` (or at the end of input). */
  list(stop: readonly string[], expecting?: string): List {
    const list: List = [];
    for (;;) {
      this.skipSeparators();
      if (this.atEnd()) break;
      const kw = this.keyword();
      if (kw !== undefined && stop.includes(kw)) break;
      list.push(this.andOr(expecting));
      const t = this.peek();
      if (!t) break;
      if (t.kind === "op" && (t.op === ";" || t.op === "\n" || t.op === "&")) {
        this.i++;
        continue;
      }
      if (t.kind === "word" && stop.includes(plainText(t.word) ?? "")) break;
      this.unexpected();
    }
    return list;
  }

  private andOr(expecting?: string): AndOr {
    const first = this.pipeline(expecting);
    const rest: AndOr["rest"] = [];
    for (let t = this.peek(); t?.kind === "op" && (t.op === "&&" || t.op === "||"); t = this.peek()) {
      this.i++;
      this.skipNewlines(expecting);
      rest.push({ op: t.op, pipeline: this.pipeline(expecting) });
    }
    return { first, rest };
  }

  private pipeline(expecting?: string): Pipeline {
    let negate = false;
    if (this.keyword() === "!") {
      negate = true;
      this.i++;
    }
    const commands = [this.command(expecting)];
    for (let t = this.peek(); t?.kind === "op" && t.op === "|"; t = this.peek()) {
      this.i++;
      this.skipNewlines(expecting);
      commands.push(this.command(expecting));
    }
    return { negate, commands };
  }

  private command(expecting?: string): Command {
    const t = this.peek();
    if (!t) this.endOfFile(expecting);
    const kw = this.keyword();
    let cmd: Command;
    if (kw === "while" || kw === "until") {
      this.i++;
      const cond = this.list(["do"], '"do"');
      this.expect("do");
      const body = this.list(["done"], '"done"');
      this.expect("done");
      cmd = { kind: "loop", until: kw === "until", cond, body, redirects: [] };
    } else if (kw === "for") cmd = this.forLoop();
    else if (kw === "if") cmd = this.ifCommand();
    else if (kw === "{") {
      this.i++;
      const body = this.list(["}"], '"}"');
      this.expect("}");
      cmd = { kind: "group", body, redirects: [] };
    } else if (kw !== undefined && RESERVED.has(kw) && kw !== "in") this.unexpected();
    else return this.simple();
    this.redirects(cmd.redirects);
    return cmd;
  }

  private forLoop(): Command {
    this.i++;
    const nameTok = this.peek();
    const name = nameTok?.kind === "word" ? plainText(nameTok.word) : undefined;
    if (!nameTok) this.endOfFile();
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      throw new ShellSyntaxError("Bad for loop variable", false);
    this.i++;
    let items: Word[] | undefined;
    this.skipNewlines();
    if (this.keyword() === "in") {
      this.i++;
      items = [];
      for (let t = this.peek(); t?.kind === "word"; t = this.peek()) {
        items.push(t.word);
        this.i++;
      }
    }
    const sep = this.peek();
    if (sep?.kind === "op" && (sep.op === ";" || sep.op === "\n")) this.i++;
    this.skipNewlines('"do"');
    this.expect("do");
    const body = this.list(["done"], '"done"');
    this.expect("done");
    return { kind: "for", name, items, body, redirects: [] };
  }

  private ifCommand(): Command {
    this.i++;
    const branches: { cond: List; body: List }[] = [];
    let otherwise: List | undefined;
    for (;;) {
      const cond = this.list(["then"], '"then"');
      this.expect("then");
      const body = this.list(["elif", "else", "fi"], '"fi"');
      branches.push({ cond, body });
      const kw = this.keyword();
      this.i++;
      if (kw === "elif") continue;
      if (kw === "else") {
        otherwise = this.list(["fi"], '"fi"');
        this.expect("fi");
      }
      break;
    }
    return { kind: "if", branches, otherwise, redirects: [] };
  }

  private simple(): Command {
    const cmd: Extract<Command, { kind: "simple" }> = {
      kind: "simple",
      assigns: [],
      words: [],
      redirects: [],
    };
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.kind === "op") {
        if (!this.redirect(cmd.redirects)) break;
        continue;
      }
      const assign = cmd.words.length === 0 ? assignment(t.word) : undefined;
      if (assign) cmd.assigns.push(assign);
      else cmd.words.push(t.word);
      this.i++;
    }
    if (cmd.words.length === 0 && cmd.assigns.length === 0 && cmd.redirects.length === 0) this.unexpected();
    return cmd;
  }

  private redirects(into: Redirect[]): void {
    while (this.redirect(into)) {}
  }

  /** Reads one redirection if the next token starts one. */
  private redirect(into: Redirect[]): boolean {
    const t = this.peek();
    if (t?.kind !== "op") return false;
    if (t.op === "2>&1") {
      this.i++;
      into.push({ op: t.op });
      return true;
    }
    if (!takesWord(t.op)) return false;
    this.i++;
    const target = this.peek();
    if (!target) this.endOfFile();
    if (target.kind !== "word") this.unexpected();
    this.i++;
    into.push({ op: t.op, target: target.word });
    return true;
  }

  private expect(kw: string): void {
    if (this.atEnd()) this.endOfFile(`"${kw}"`);
    if (this.keyword() !== kw) this.unexpected(`"${kw}"`);
    this.i++;
  }

  private peek(): Token | undefined {
    return this.tokens[this.i];
  }

  private keyword(): string | undefined {
    const t = this.peek();
    if (t?.kind !== "word") return undefined;
    const text = plainText(t.word);
    return text !== undefined && RESERVED.has(text) ? text : undefined;
  }

  private skipSeparators(): void {
    for (let t = this.peek(); t?.kind === "op" && t.op === "\n"; t = this.peek()) this.i++;
  }

  private skipNewlines(expecting?: string): void {
    this.skipSeparators();
    if (this.atEnd() && expecting) this.endOfFile(expecting);
  }

  endOfFile(expecting?: string): never {
    const tail = expecting ? ` (expecting ${expecting})` : "";
    throw new ShellSyntaxError(`syntax error: unexpected end of file${tail}`, true);
  }

  /** ash: `syntax error: unexpected "done"` (operators and keywords quoted, a newline as `newline`). */
  unexpected(expecting?: string): never {
    const t = this.peek();
    if (!t) this.endOfFile(expecting);
    const name =
      t.kind === "op" ? (t.op === "\n" ? "newline" : `"${t.op}"`) : `"${plainText(t.word) ?? "word"}"`;
    const tail = expecting ? ` (expecting ${expecting})` : "";
    throw new ShellSyntaxError(`syntax error: unexpected ${name}${tail}`, false);
  }
}

/** `NAME=value` at the start of a simple command, or undefined. */
function assignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (first?.kind !== "expand") return undefined;
  const m = first.text.match(/^([A-Za-z_][A-Za-z0-9_]*)=/);
  if (!m?.[1]) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts = [...(rest ? [{ ...first, text: rest }] : []), ...word.parts.slice(1)];
  return { name: m[1], value: { parts, quoted: word.quoted } };
}
