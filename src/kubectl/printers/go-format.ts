/**
 * How Go prints decoded JSON values (map[string]interface{}, []interface{}, string, int64, float64,
 * bool, nil) in the texts kubectl builds: `%#v` (`map[string]interface {}{"a":"b"}`) and json.Marshal
 * (sorted keys, `<>&` escaped). `%v` and `%q` are the engine's goValue and goQuote.
 */
import { goQuote, goValue } from "../../engine";

const isMap = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** fmt's %#v of a decoded JSON value (kubectl's jsonpath error dump). */
export function goSharpV(v: unknown): string {
  if (v === null || v === undefined) return "interface {}(nil)";
  if (typeof v === "string") return goQuote(v);
  if (typeof v === "number") return goValue(v);
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
