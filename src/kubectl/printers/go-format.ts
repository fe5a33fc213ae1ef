/**
 * How Go prints decoded JSON values (map[string]interface{}, []interface{}, string, int64, float64,
 * bool, nil), for the texts kubectl builds with fmt and encoding/json: `%v` (`map[a:b]`), `%#v`
 * (`map[string]interface {}{"a":"b"}`), strconv.Quote and json.Marshal (sorted keys, `<>&` escaped).
 */

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** strconv.FormatFloat(f, 'g', -1, 64): the shortest form, exponent below 1e-4 and from 1e21. */
function goFloat(f: number): string {
  if (!Number.isFinite(f)) return f > 0 ? "+Inf" : f < 0 ? "-Inf" : "NaN";
  if (Number.isInteger(f)) return String(f);
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) {
    const [mant, e = "0"] = f.toExponential().split("e");
    const n = Number(e);
    return `${mant}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  }
  return String(f);
}

/** fmt's %v of a decoded JSON value. */
export function goV(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number") return goFloat(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[${v.map(goV).join(" ")}]`;
  if (isMap(v))
    return `map[${Object.keys(v)
      .sort()
      .map((k) => `${k}:${goV(v[k])}`)
      .join(" ")}]`;
  return String(v);
}

/** strconv.Quote: double-quoted with Go escapes (\a \b \f \n \r \t \v, \x00 for other control bytes). */
export function goQuote(s: string): string {
  let out = '"';
  for (const c of s) {
    const code = c.codePointAt(0) ?? 0;
    if (c === '"' || c === "\\") out += `\\${c}`;
    else if (c === "\n") out += "\\n";
    else if (c === "\t") out += "\\t";
    else if (c === "\r") out += "\\r";
    else if (c === "\x07") out += "\\a";
    else if (c === "\b") out += "\\b";
    else if (c === "\f") out += "\\f";
    else if (c === "\v") out += "\\v";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += c;
  }
  return `${out}"`;
}

/** fmt's %#v of a decoded JSON value (kubectl's jsonpath error dump). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goFloat(v);
  if (typeof v === "boolean") return String(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(", ")}}`;
  if (isMap(v))
    return `map[string]interface {}{${Object.keys(v)
      .sort()
      .map((k) => `${goQuote(k)}:${goSharpV(v[k])}`)
      .join(", ")}}`;
  return String(v);
}

/** encoding/json's string encoding: `<`, `>`, `&`, U+2028 and U+2029 escaped, \b and \f as \u0008 and \u000c. */
function jsonString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]|\\[bf]/g, (m) => {
    if (m === "\\b") return "\\u0008";
    if (m === "\\f") return "\\u000c";
    return `\\u${(m.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`;
  });
}

/** json.Marshal (compact) or json.MarshalIndent(v, "", indent) of a decoded JSON value, map keys sorted. */
export function goJson(v: unknown, indent = "", depth = 0): string {
  if (v === null || v === undefined) return "null";
  if (typeof v === "string") return jsonString(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  const nl = indent ? `\n${indent.repeat(depth + 1)}` : "";
  const close = indent ? `\n${indent.repeat(depth)}` : "";
  const sep = indent ? ": " : ":";
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    return `[${v.map((x) => `${nl}${goJson(x, indent, depth + 1)}`).join(",")}${close}]`;
  }
  if (isMap(v)) {
    const keys = Object.keys(v).sort();
    if (keys.length === 0) return "{}";
    return `{${keys.map((k) => `${nl}${jsonString(k)}${sep}${goJson(v[k], indent, depth + 1)}`).join(",")}${close}}`;
  }
  return String(v);
}
