/**
 * Word expansion at run time: `$VAR`, `${VAR}`, `${VAR:-default}`, `$?`, `$$`, `$#`, command
 * substitution, then field splitting of unquoted expansions on blanks (as sh does with the default IFS).
 */
import type { Effect, EffectAnswer } from "../kubectl/program";
import { evaluateArith } from "./arith";
import type { Word } from "./lexer";

/** A computation that may wait (yields effects like a Program) and returns T. */
export type Steps<T> = Generator<Effect, T, EffectAnswer>;

/** Variables and the last status, as expansion reads them. */
export interface ExpandScope {
  get(name: string): string | undefined;
  readonly status: number;
  /** Runs `source` as a command substitution: its standard output. */
  substitute(source: string): Steps<string>;
  /** The entries of a directory (for globbing), or undefined. */
  list?(dir: string): string[] | undefined;
}

/** Expands words into fields (a word may become several fields, or none when it expands to nothing unquoted). */
export function* expandWords(words: readonly Word[], scope: ExpandScope): Steps<string[]> {
  const fields: string[] = [];
  for (const w of words) fields.push(...(yield* expandWord(w, scope)));
  return fields;
}

/** Expands one word into its fields. */
export function* expandWord(word: Word, scope: ExpandScope): Steps<string[]> {
  const fields: string[] = [];
  let cur = "";
  let has = word.quoted;
  const addSplit = (value: string): void => {
    const pieces = value.split(/[ \t\n]+/);
    pieces.forEach((p, i) => {
      if (i > 0 && (has || cur !== "")) {
        fields.push(cur);
        cur = "";
        has = false;
      }
      if (p !== "") {
        cur += p;
        has = true;
      }
    });
  };
  for (const part of word.parts) {
    if (part.kind === "literal") {
      cur += part.text;
      has = true;
    } else if (part.kind === "subst") {
      const out = (yield* scope.substitute(part.source)).replace(/\n+$/, "");
      if (part.quoted) cur += out;
      else addSplit(out);
    } else if (part.kind === "arith") {
      cur += String(evaluateArith(part.source, (n) => scope.get(n)));
      has = true;
    } else {
      for (const piece of expandText(part.text, scope)) {
        if (!piece.expanded || part.quoted) {
          cur += piece.text;
          if (piece.text !== "" || part.quoted) has = true;
        } else addSplit(piece.text);
      }
    }
  }
  if (has || cur !== "") fields.push(cur);
  const globbable = word.parts.some((p) => p.kind === "expand" && !p.quoted && /[*?]/.test(p.text));
  return globbable ? fields.flatMap((f) => glob(f, scope)) : fields;
}

/** Pathname expansion of one field: the sorted matches, or the field itself when nothing matches (as sh does). */
function glob(field: string, scope: ExpandScope): string[] {
  if (!/[*?]/.test(field) || !scope.list) return [field];
  const slash = field.lastIndexOf("/");
  const dir = slash >= 0 ? field.slice(0, slash + 1) : "";
  const pattern = field.slice(slash + 1);
  const re = new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".")}$`,
  );
  const names = (scope.list(dir || ".") ?? []).filter(
    (n) => re.test(n) && (pattern.startsWith(".") || !n.startsWith(".")),
  );
  return names.length > 0 ? names.map((n) => `${dir}${n}`) : [field];
}

/** Expands a word to exactly one string (no field splitting), as for assignments and redirection targets. */
export function* expandJoined(word: Word, scope: ExpandScope): Steps<string> {
  let text = "";
  for (const part of word.parts) {
    if (part.kind === "literal") text += part.text;
    else if (part.kind === "subst") text += (yield* scope.substitute(part.source)).replace(/\n+$/, "");
    else if (part.kind === "arith") text += String(evaluateArith(part.source, (n) => scope.get(n)));
    else
      text += expandText(part.text, scope)
        .map((p) => p.text)
        .join("");
  }
  return text;
}

/** Splits text at `$` references: plain pieces and expanded values. */
function expandText(text: string, scope: ExpandScope): { text: string; expanded: boolean }[] {
  const out: { text: string; expanded: boolean }[] = [];
  let i = 0;
  let plain = "";
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch !== "$") {
      plain += ch;
      i++;
      continue;
    }
    const ref = reference(text, i + 1, scope);
    if (!ref) {
      plain += "$";
      i++;
      continue;
    }
    if (plain) out.push({ text: plain, expanded: false });
    plain = "";
    out.push({ text: ref.value, expanded: true });
    i = ref.end;
  }
  if (plain) out.push({ text: plain, expanded: false });
  return out;
}

/** The reference starting after a `$` at `start`: its value and where it ends; undefined if `$` is literal. */
function reference(
  text: string,
  start: number,
  scope: ExpandScope,
): { value: string; end: number } | undefined {
  const ch = text[start];
  if (ch === "?") return { value: String(scope.status), end: start + 1 };
  if (ch === "$") return { value: "1", end: start + 1 };
  if (ch === "#") return { value: "0", end: start + 1 };
  if (ch === "0") return { value: "sh", end: start + 1 };
  if (ch !== undefined && /[1-9]/.test(ch)) return { value: "", end: start + 1 };
  if (ch === "{") {
    const close = text.indexOf("}", start);
    if (close < 0) return undefined;
    const inner = text.slice(start + 1, close);
    const m = inner.match(/^([A-Za-z_][A-Za-z0-9_]*|\?)(?:(:?[-=+])(.*))?$/);
    if (!m?.[1]) return { value: "", end: close + 1 };
    const v = m[1] === "?" ? String(scope.status) : scope.get(m[1]);
    const op = m[2];
    const word = m[3] ?? "";
    const unset = op?.startsWith(":") ? !v : v === undefined;
    if (op?.endsWith("-") || op?.endsWith("=")) return { value: unset ? word : (v ?? ""), end: close + 1 };
    if (op?.endsWith("+")) return { value: unset ? "" : word, end: close + 1 };
    return { value: v ?? "", end: close + 1 };
  }
  const m = text.slice(start).match(/^[A-Za-z_][A-Za-z0-9_]*/);
  if (!m) return undefined;
  return { value: scope.get(m[0]) ?? "", end: start + m[0].length };
}
