/**
 * The JSONPath template parser of kubectl (k8s.io/client-go/util/jsonpath parser.go): text and `{…}`
 * actions of fields (`.a.b`, `.a\.b` escapes), arrays (`[0]`, `[-1:]`, `[*]`, `[0,1]` unions,
 * `['key']`), filters (`[?(@.type=="Ready")]`, `==` `!=` `<` `>` `<=` `>=`, or existence), recursive
 * descent `..`, quoted text, numbers, booleans and the `range`/`end` identifiers. Errors carry the
 * parser's messages (`unclosed action`, `invalid array index x`, …).
 */

/** One node of a parsed template. */
export type JpNode =
  | { kind: "list"; nodes: JpNode[] }
  | { kind: "text"; text: string }
  | { kind: "field"; name: string }
  | { kind: "array"; params: SliceParam[] }
  | { kind: "filter"; left: JpList; right: JpList; op: string }
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "bool"; value: boolean }
  | { kind: "wildcard" }
  | { kind: "recursive" }
  | { kind: "union"; lists: JpList[] }
  | { kind: "identifier"; name: string };

/** A list node (each `{…}` action is one). */
export type JpList = Extract<JpNode, { kind: "list" }>;

/** One of the three slice parameters (start, end, step); `derived` marks an end computed from `[i]`. */
export interface SliceParam {
  value: number;
  known: boolean;
  derived: boolean;
}

/** A template syntax error, with the parser's message. */
export class JsonPathParseError extends Error {}

const SLICE = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/;
const DICT_KEY = /^'([^']*)'$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

const isSpace = (c: string) => c === " " || c === "\t";
const isEndOfLine = (c: string) => c === "\r" || c === "\n";
const isAlphaNumeric = (c: string) => c === "_" || /[\p{L}\p{Nd}]/u.test(c);
const isDigit = (c: string) => /\p{Nd}/u.test(c);

function isTerminator(c: string): boolean {
  return c === "" || isSpace(c) || isEndOfLine(c) || ".,[]$@{}".includes(c);
}

/** Go's %#U of a rune: `U+0026 '&'`, without the quoted character when it is not printable. */
function runeName(c: string): string {
  const hex = (c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
  return /[\p{L}\p{N}\p{P}\p{S}\p{Zs}]/u.test(c) ? `U+${hex} '${c}'` : `U+${hex}`;
}

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  "'": "'",
  '"': '"',
};

/** UnquoteExtend: Go's strconv unquoting for "…" and '…' strings (\n, \x41, \u00e9, \101). */
export function unquoteExtend(s: string): string {
  const quote = s[0];
  if (s.length < 2 || (quote !== '"' && quote !== "'") || s[s.length - 1] !== quote)
    throw new Error("invalid syntax");
  const body = s.slice(1, -1);
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c === quote) throw new Error("invalid syntax");
    if (c !== "\\") {
      out += c;
      continue;
    }
    const e = body[++i] ?? "";
    if (e in SIMPLE_ESCAPES) out += SIMPLE_ESCAPES[e];
    else if (e === "x" || e === "u" || e === "U") {
      const n = e === "x" ? 2 : e === "u" ? 4 : 8;
      const hex = body.slice(i + 1, i + 1 + n);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== n) throw new Error("invalid syntax");
      out +=
        e === "x"
          ? String.fromCharCode(Number.parseInt(hex, 16))
          : String.fromCodePoint(Number.parseInt(hex, 16));
      i += n;
    } else if (/[0-7]/.test(e)) {
      const oct = body.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(oct)) throw new Error("invalid syntax");
      out += String.fromCharCode(Number.parseInt(oct, 8));
      i += 2;
    } else throw new Error("invalid syntax");
  }
  return out;
}

class Parser {
  private input = "";
  private pos = 0;
  private start = 0;
  private width = 0;
  root: JpList = { kind: "list", nodes: [] };

  parse(text: string): JpList {
    this.input = text;
    this.root = { kind: "list", nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return "";
    }
    const c = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = c.length;
    this.pos += this.width;
    return c;
  }

  private peek(): string {
    const c = this.next();
    this.pos -= this.width;
    return c;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  /** Text up to each `{`, then the action, until the end (iterative: a long template cannot overflow the stack). */
  private parseText(cur: JpList): void {
    for (;;) {
      if (this.rest().startsWith("{")) {
        if (this.pos > this.start) cur.nodes.push({ kind: "text", text: this.consume() });
        this.pos += 1;
        this.consume();
        const action: JpList = { kind: "list", nodes: [] };
        cur.nodes.push(action);
        this.parseInsideAction(action);
        continue;
      }
      if (this.next() === "") break;
    }
    if (this.pos > this.start) cur.nodes.push({ kind: "text", text: this.consume() });
  }

  /** One action, up to and including its `}`. */
  private parseInsideAction(cur: JpList): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith("}")) {
        this.pos += 1;
        this.consume();
        return;
      }
      if (rest.startsWith("[?(")) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith("..")) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === "" || isEndOfLine(r)) throw new JsonPathParseError("unclosed action");
      if (r === " " || r === "@" || r === "$") this.consume();
      else if (r === "[") this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === ".") this.parseField(cur);
      else if (r === "+" || r === "-" || isDigit(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else throw new JsonPathParseError(`unrecognized character in action: ${runeName(r)}`);
    }
  }

  private parseIdentifier(cur: JpList): void {
    for (;;) {
      if (isTerminator(this.next())) {
        this.backup();
        break;
      }
    }
    const v = this.consume();
    if (v === "true" || v === "false") cur.nodes.push({ kind: "bool", value: v === "true" });
    else cur.nodes.push({ kind: "identifier", name: v });
  }

  private parseRecursive(cur: JpList): void {
    if (cur.nodes[cur.nodes.length - 1]?.kind === "recursive")
      throw new JsonPathParseError("invalid multiple recursive descent");
    this.pos += 2;
    this.consume();
    cur.nodes.push({ kind: "recursive" });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: JpList): void {
    const first = this.peek();
    if (first === "+" || first === "-") this.next();
    for (;;) {
      const c = this.next();
      if (c !== "." && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const v = this.consume();
    if (/^[+-]?\d+$/.test(v)) cur.nodes.push({ kind: "int", value: Number(v) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(v)) cur.nodes.push({ kind: "float", value: Number(v) });
    else throw new JsonPathParseError(`cannot parse number ${v}`);
  }

  private parseArray(cur: JpList): void {
    for (;;) {
      const c = this.next();
      if (c === "" || c === "\n") throw new JsonPathParseError("unterminated array");
      if (c === "]") break;
    }
    let text = this.consume().slice(1, -1);
    if (text === "*") text = ":";
    const parts = text.split(",");
    if (parts.length > 1) {
      cur.nodes.push({ kind: "union", lists: parts.map((p) => parseAction(`[${p.trim()}]`)) });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const params: SliceParam[] = [];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? "";
      if (v !== "") {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === "") params.push({ value: 0, known: false, derived: false });
        else {
          if (!/^[+-]?\d+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
          params.push({ value: Number(v), known: true, derived: false });
        }
      } else if (i === 1) params.push({ value: (params[0]?.value ?? 0) + 1, known: true, derived: true });
      else params.push({ value: 0, known: false, derived: false });
    }
    cur.nodes.push({ kind: "array", params });
  }

  private parseFilter(cur: JpList): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = "";
    for (;;) {
      const r = this.next();
      if (r === "" || r === "\n") throw new JsonPathParseError("unterminated filter");
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== "\\" && r === pair) end = true;
      } else if (r === ")" && begin === end) break;
    }
    if (this.next() !== "]") throw new JsonPathParseError("unclosed array expect ]");
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ kind: "filter", left: parseAction(text), right: emptyList(), op: "exists" });
    else
      cur.nodes.push({
        kind: "filter",
        left: parseAction(m[1] ?? ""),
        right: parseAction(m[3] ?? ""),
        op: m[2] ?? "",
      });
  }

  private parseQuote(cur: JpList, quote: string): void {
    for (;;) {
      const c = this.next();
      if (c === "" || c === "\n") throw new JsonPathParseError("unterminated quoted string");
      if (c === quote && this.input[this.pos - 2] !== "\\") break;
    }
    const v = this.consume();
    try {
      cur.nodes.push({ kind: "text", text: unquoteExtend(v) });
    } catch {
      throw new JsonPathParseError(`unquote string ${v} error invalid syntax`);
    }
  }

  private parseField(cur: JpList): void {
    this.consume();
    for (;;) {
      const c = this.next();
      if (c === "\\") this.next();
      else if (isTerminator(c)) {
        this.backup();
        break;
      }
    }
    const v = this.consume();
    cur.nodes.push(v === "*" ? { kind: "wildcard" } : { kind: "field", name: v.replaceAll("\\", "") });
  }
}

function emptyList(): JpList {
  return { kind: "list", nodes: [] };
}

/** parseAction: the list node of `{text}`. */
function parseAction(text: string): JpList {
  const root = new Parser().parse(`{${text}}`);
  return (root.nodes[0] as JpList | undefined) ?? emptyList();
}

/** Parses a template; throws JsonPathParseError with the parser's message. */
export function parseTemplate(text: string): JpList {
  return new Parser().parse(text);
}
