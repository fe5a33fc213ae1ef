/**
 * Label selectors: matching a LabelSelector (matchLabels + matchExpressions) against labels, and the
 * string form kubectl's `-l` takes (`app=http-go,tier!=db,env in (a,b),!canary`).
 */
import type { LabelSelector } from "./types";

/** Labels of an object. */
export type Labels = Record<string, string>;

/** One requirement of a selector, in the API's matchExpressions shape. */
export interface Requirement {
  key: string;
  operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  values: string[];
}

/** The requirements a LabelSelector stands for: each matchLabels entry as `In [value]`, then its matchExpressions. */
export function requirementsOf(selector: LabelSelector | undefined): Requirement[] {
  if (!selector) return [];
  const reqs: Requirement[] = Object.entries(selector.matchLabels ?? {}).map(([key, v]) => ({
    key,
    operator: "In" as const,
    values: [v],
  }));
  for (const e of selector.matchExpressions ?? []) {
    reqs.push({ key: e.key, operator: e.operator as Requirement["operator"], values: [...(e.values ?? [])] });
  }
  return reqs;
}

/** True when `labels` satisfy every requirement (an empty list matches everything). */
export function matchesRequirements(reqs: readonly Requirement[], labels: Labels | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.hasOwn(l, r.key);
    switch (r.operator) {
      case "In":
        return has && r.values.includes(l[r.key] as string);
      case "NotIn":
        return !has || !r.values.includes(l[r.key] as string);
      case "Exists":
        return has;
      case "DoesNotExist":
        return !has;
    }
    return false;
  });
}

/**
 * True when the LabelSelector selects `labels`. As in `metav1.LabelSelectorAsSelector`, a nil selector
 * selects nothing and an empty one (`{}`) selects everything.
 */
export function selectorMatches(selector: LabelSelector | undefined, labels: Labels | undefined): boolean {
  if (!selector) return false;
  return matchesRequirements(requirementsOf(selector), labels);
}

/** True when every key=value of `subset` is in `labels` (a Service's or Deployment's matchLabels-only selector). */
export function labelsMatch(subset: Labels | undefined, labels: Labels | undefined): boolean {
  if (!subset) return false;
  return Object.entries(subset).every(([k, v]) => labels?.[k] === v);
}

/** The error a malformed `-l` string gives, as kubectl prints it after `error: `. */
export class SelectorParseError extends Error {}

/**
 * Parses kubectl's selector syntax: `a=b`, `a==b`, `a!=b`, `a in (x,y)`, `a notin (x)`, `a`, `!a`,
 * joined by commas. Throws SelectorParseError on malformed input.
 */
export function parseSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  for (const part of splitTopLevel(text.trim())) {
    const p = part.trim();
    if (p === "") continue;
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^([^\s=!(),]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      const values = (m[3] ?? "").split(",").map((v) => v.trim());
      reqs.push({ key: m[1] as string, operator: m[2] === "in" ? "In" : "NotIn", values });
    } else if ((m = p.match(/^([^\s=!(),]+)\s*(==|=|!=)\s*([^\s=!(),]*)$/))) {
      reqs.push({ key: m[1] as string, operator: m[2] === "!=" ? "NotIn" : "In", values: [m[3] as string] });
    } else if ((m = p.match(/^!\s*([^\s=!(),]+)$/))) {
      reqs.push({ key: m[1] as string, operator: "DoesNotExist", values: [] });
    } else if ((m = p.match(/^([^\s=!(),]+)$/))) {
      reqs.push({ key: m[1] as string, operator: "Exists", values: [] });
    } else {
      throw new SelectorParseError(`unable to parse requirement: ${p}`);
    }
  }
  return reqs;
}

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of text) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts;
}

/** `app=http-go,pod-template-hash=5f4d98f6d5`: labels as kubectl prints them (sorted by key), `<none>` when empty. */
export function formatLabels(labels: Labels | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length === 0 ? "<none>" : entries.map(([k, v]) => `${k}=${v}`).join(",");
}
