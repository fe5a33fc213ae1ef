/**
 * A JSON reader with the error messages of Go's encoding/json, because the API server parses the bytes
 * `kubectl patch -p '{…}'` sends and answers with them: `invalid character 's' looking for beginning of
 * object key string`, `unexpected end of JSON input`.
 */

/** A syntax error worded as Go's json.SyntaxError. */
export class GoJsonError extends Error {
  constructor(
    message: string,
    /** Go's SyntaxError.Offset: the bytes read when the error was found; -1 at end of input. */
    readonly offset = -1,
  ) {
    super(message);
    this.name = "GoJsonError";
  }
}

/** Parses `text` as JSON, throwing GoJsonError with Go's wording when it is not. */
export function parseGoJson(text: string): unknown {
  const p = new Reader(text);
  p.ws();
  const v = p.value();
  p.ws();
  if (p.i < text.length) throw p.bad("after top-level value");
  return v;
}

/** Parses a stream of JSON values (`{…} {…}`), as a json.Decoder reads a manifest file. */
export function parseGoJsonStream(text: string): unknown[] {
  const p = new Reader(text);
  const out: unknown[] = [];
  p.ws();
  while (p.i < text.length) {
    out.push(p.value());
    p.ws();
  }
  return out;
}

/** Go's quoteChar: `'x'`, `'\''`, `'"'`, `'\n'`. */
function quoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c).slice(1, -1);
  return `'${q}'`;
}

class Reader {
  i = 0;
  constructor(readonly s: string) {}

  bad(context: string): GoJsonError {
    if (this.i >= this.s.length) return new GoJsonError("unexpected end of JSON input");
    const c = this.s[this.i] as string;
    return new GoJsonError(`invalid character ${quoteChar(c)} ${context}`, this.i + 1);
  }

  ws(): void {
    while (this.i < this.s.length && " \t\r\n".includes(this.s[this.i] as string)) this.i++;
  }

  value(): unknown {
    const c = this.s[this.i];
    if (c === "{") return this.object();
    if (c === "[") return this.array();
    if (c === '"') return this.string();
    if (c === "t") return this.literal("true", true);
    if (c === "f") return this.literal("false", false);
    if (c === "n") return this.literal("null", null);
    if (c === "-" || (c !== undefined && c >= "0" && c <= "9")) return this.number();
    throw this.bad("looking for beginning of value");
  }

  object(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    this.ws();
    if (this.s[this.i] === "}") {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      if (this.s[this.i] !== '"') throw this.bad("looking for beginning of object key string");
      const key = this.string();
      this.ws();
      if (this.s[this.i] !== ":") throw this.bad("after object key");
      this.i++;
      this.ws();
      out[key] = this.value();
      this.ws();
      const c = this.s[this.i];
      if (c === ",") {
        this.i++;
        continue;
      }
      if (c === "}") {
        this.i++;
        return out;
      }
      throw this.bad("after object key:value pair");
    }
  }

  array(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    this.ws();
    if (this.s[this.i] === "]") {
      this.i++;
      return out;
    }
    for (;;) {
      this.ws();
      out.push(this.value());
      this.ws();
      const c = this.s[this.i];
      if (c === ",") {
        this.i++;
        continue;
      }
      if (c === "]") {
        this.i++;
        return out;
      }
      throw this.bad("after array element");
    }
  }

  string(): string {
    const start = this.i;
    this.i++;
    while (this.i < this.s.length) {
      const c = this.s[this.i] as string;
      if (c === '"') {
        this.i++;
        return JSON.parse(this.s.slice(start, this.i)) as string;
      }
      if (c === "\\") {
        const n = this.s[this.i + 1];
        if (n === undefined) break;
        if (!'"\\/bfnrtu'.includes(n)) {
          this.i++;
          throw this.bad("in string escape code");
        }
        this.i += n === "u" ? 6 : 2;
        continue;
      }
      if (c < " ") throw this.bad("in string literal");
      this.i++;
    }
    this.i = this.s.length;
    throw this.bad("");
  }

  literal(word: string, value: unknown): unknown {
    for (let k = 0; k < word.length; k++) {
      if (this.s[this.i] !== word[k])
        throw this.bad(`in literal ${word} (expecting ${quoteChar(word[k] as string)})`);
      this.i++;
    }
    return value;
  }

  number(): number {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(this.s.slice(this.i));
    if (!m) {
      this.i++;
      throw this.bad("in numeric literal");
    }
    this.i += m[0].length;
    return Number(m[0]);
  }
}
