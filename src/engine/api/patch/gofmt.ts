/**
 * Go's fmt renderings of decoded JSON values, which API server messages embed: `%v` of a
 * `map[string]interface{}` (`map[spec:map[replicas:3]]`, keys sorted) and `%q` of a string.
 */

/** `%v` of a JSON value decoded into Go interface{} values (integers as int64, other numbers as float64). */
export function goValue(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (Array.isArray(v)) return `[${v.map(goValue).join(" ")}]`;
  if (typeof v === "object") {
    const entries = Object.keys(v as object)
      .sort()
      .map((k) => `${k}:${goValue((v as Record<string, unknown>)[k])}`);
    return `map[${entries.join(" ")}]`;
  }
  if (typeof v === "number") return goFloat(v);
  return String(v);
}

/** A number as Go's %v prints it: integers plainly, floats in %g form (`1e+06` for a float 1000000.5 rounds differently; 1.5 → `1.5`). */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 63) return String(n);
  const abs = Math.abs(n);
  if (abs !== 0 && (abs < 1e-4 || abs >= 1e21)) {
    const [m = "", e = "0"] = n.toExponential().split("e");
    const exp = Number(e);
    return `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  return String(n);
}

/** Go's `%q` of a string: double quotes, `\"`, `\\`, `\n`, `\t` and other control characters escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}
