/**
 * A YAML emitter for JSON-shaped values that writes what kubectl's yaml printer (sigs.k8s.io/yaml over
 * go-yaml v2) writes: sequences at their key's indent, strings that YAML 1.1 would read as something else
 * ("1", "on", "n", "2026-01-01T00:00:00Z", "") double-quoted, strings that cannot be plain (': ', a leading
 * space, a leading '*') single-quoted, multi-line strings as `|` blocks, and plain or single-quoted
 * strings folded at the first space after column 80 (go-yaml's best_width).
 */

const BEST_WIDTH = 80;

/** The YAML text of `value` (objects with keys already in the order to print). */
export function goYaml(value: unknown): string {
  const out: string[] = [];
  if (isMap(value) && Object.keys(value).length > 0) writeMap(value, 0, out);
  else if (Array.isArray(value) && value.length > 0) writeSeq(value, 0, out);
  else out.push(`${inline(value, 0, 0)}\n`);
  return out.join("");
}

function isMap(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

function isEmptyCollection(v: unknown): boolean {
  return (Array.isArray(v) && v.length === 0) || (isMap(v) && Object.keys(v).length === 0);
}

function writeMap(map: Record<string, unknown>, indent: number, out: string[], firstPrefix?: string): void {
  let first = true;
  for (const [k, v] of Object.entries(map)) {
    if (v === undefined) continue;
    const lead = first && firstPrefix !== undefined ? firstPrefix : " ".repeat(indent);
    first = false;
    const key = scalar(k, indent + lead.length - indent, indent);
    writeEntry(`${lead}${key}:`, v, indent, out);
  }
}

function writeEntry(head: string, v: unknown, indent: number, out: string[]): void {
  if (isMap(v) && Object.keys(v).length > 0) {
    out.push(`${head}\n`);
    writeMap(v, indent + 2, out);
  } else if (Array.isArray(v) && v.length > 0) {
    out.push(`${head}\n`);
    writeSeq(v, indent, out);
  } else {
    out.push(`${head} ${inline(v, head.length + 1, indent + 2)}\n`);
  }
}

function writeSeq(seq: unknown[], indent: number, out: string[]): void {
  const pad = " ".repeat(indent);
  for (const item of seq) {
    if (isMap(item) && Object.keys(item).length > 0) writeMap(item, indent + 2, out, `${pad}- `);
    else if (Array.isArray(item) && item.length > 0) {
      out.push(`${pad}-\n`);
      writeSeq(item, indent + 2, out);
    } else out.push(`${pad}- ${inline(item, indent + 2, indent + 2)}\n`);
  }
}

/** A scalar or empty collection on the current line, starting at `column`; continuation lines at `indent`. */
function inline(v: unknown, column: number, indent: number): string {
  if (v === null || v === undefined) return "null";
  if (isEmptyCollection(v)) return Array.isArray(v) ? "[]" : "{}";
  if (typeof v === "boolean" || typeof v === "number") return String(v);
  return scalar(String(v), column, indent);
}

/** A string scalar in go-yaml's style, starting at `column`. */
function scalar(s: string, column: number, indent: number): string {
  if (s.includes("\n")) return literal(s, indent);
  if (resolvesToNonString(s)) return doubleQuoted(s);
  if (plainAllowed(s)) return fold(s, column, indent);
  if (singleQuoteAllowed(s)) return `'${fold(s.replace(/'/g, "''"), column + 1, indent)}'`;
  return doubleQuoted(s);
}

function literal(s: string, indent: number): string {
  const trailing = s.match(/\n*$/)?.[0].length ?? 0;
  const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
  const indicator = s.startsWith(" ") ? "2" : "";
  const body = (trailing > 0 ? s.slice(0, -1) : s).split("\n");
  const pad = " ".repeat(Math.max(indent, 2));
  return `|${indicator}${chomp}\n${body.map((l) => (l === "" ? "" : pad + l)).join("\n")}`;
}

function doubleQuoted(s: string): string {
  return JSON.stringify(s);
}

/** Folds at a space once the column has passed BEST_WIDTH (go-yaml's write_plain_scalar). */
function fold(s: string, column: number, indent: number): string {
  let out = "";
  let col = column;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === " " && col > BEST_WIDTH && s[i + 1] !== " " && s[i - 1] !== " " && i + 1 < s.length) {
      out += `\n${" ".repeat(indent)}`;
      col = indent;
      continue;
    }
    out += ch;
    col++;
  }
  return out;
}

const YAML11_BOOLS = new Set(
  "y Y yes Yes YES n N no No NO true True TRUE false False FALSE on On ON off Off OFF".split(" "),
);
const YAML11_NULLS = new Set(["", "~", "null", "Null", "NULL"]);

/** True when go-yaml's resolver would read `s` as a non-string (bool, null, number, timestamp, base-60). */
function resolvesToNonString(s: string): boolean {
  if (YAML11_BOOLS.has(s) || YAML11_NULLS.has(s)) return true;
  if (/^[-+]?(0|[1-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?0o?[0-7_]+$/.test(s) || /^[-+]?0x[0-9a-fA-F_]+$/.test(s) || /^[-+]?0b[01_]+$/.test(s))
    return true;
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s)) return true;
  return /^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s);
}

/** go-yaml's analyze_scalar, reduced to what JSON-shaped data meets. */
function plainAllowed(s: string): boolean {
  if (s.startsWith(" ") || s.endsWith(" ")) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) {
    if (!/^[-?:]/.test(s)) return false;
    if (s.length === 1 || s[1] === " ") return false;
  }
  if (/: |:$| #|[\t\u0000-\u001f\u007f]/.test(s)) return false;
  if (/[,[\]{}]/.test(s)) return true;
  return true;
}

/** A tab or another control character is not printable for go-yaml: only double quotes can carry it. */
function singleQuoteAllowed(s: string): boolean {
  return !/[\u0000-\u0009\u000b-\u001f\u007f]/.test(s);
}
