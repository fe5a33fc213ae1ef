/**
 * The table of `kubectl auth can-i --list` (cmd/auth/cani.go printStatus): every rule broken down to
 * one group × resource (× name) per row (rbacutil.BreakdownRule), rows of one resource merged across
 * verbs (CompactRules), sorted by the rule's Go `String()` form — which starts with the verbs, so
 * `[create]` rows come before `[get]` rows — and printed as
 * `Resources  Non-Resource URLs  Resource Names  Verbs` with Go's `%v` for lists (`[get list]`).
 */
import type { PolicyRule } from "../../engine";

/** The header cells. */
export const ACCESS_HEADERS = ["Resources", "Non-Resource URLs", "Resource Names", "Verbs"];

/** The rows (cells) for a set of rules, in kubectl's order. */
export function accessRows(rules: readonly PolicyRule[]): string[][] {
  const compact = compactRules(rules.flatMap(breakdownRule));
  const keyed = compact.map((r) => ({ r, key: goString(r) }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map(({ r }) => [
    combineResourceGroup(r.resources ?? [], r.apiGroups ?? []),
    goList(r.nonResourceURLs),
    goList(r.resourceNames),
    goList(r.verbs),
  ]);
}

/** BreakdownRule: one rule per group × resource (× resource name), one per non-resource URL; verbs sorted, deduplicated. */
export function breakdownRule(rule: PolicyRule): PolicyRule[] {
  const verbs = [...new Set(rule.verbs)].sort();
  const out: PolicyRule[] = [];
  for (const group of rule.apiGroups ?? []) {
    for (const resource of rule.resources ?? []) {
      const names = rule.resourceNames ?? [];
      if (names.length === 0) out.push({ verbs, apiGroups: [group], resources: [resource] });
      for (const name of names)
        out.push({ verbs, apiGroups: [group], resources: [resource], resourceNames: [name] });
    }
  }
  for (const url of rule.nonResourceURLs ?? []) out.push({ verbs, nonResourceURLs: [url] });
  return out;
}

/** CompactRules: simple rules of the same group/resource/name merge their verbs (new verbs appended in order). */
export function compactRules(rules: readonly PolicyRule[]): PolicyRule[] {
  const compacted: PolicyRule[] = [];
  const simple = new Map<string, PolicyRule>();
  for (const rule of rules) {
    const key = simpleKey(rule);
    if (key === undefined) {
      compacted.push(rule);
      continue;
    }
    const existing = simple.get(key);
    if (!existing) simple.set(key, { ...rule, verbs: [...rule.verbs] });
    else for (const v of rule.verbs) if (!existing.verbs.includes(v)) existing.verbs.push(v);
  }
  return [...compacted, ...simple.values()];
}

function simpleKey(rule: PolicyRule): string | undefined {
  if ((rule.resourceNames ?? []).length > 1 || (rule.nonResourceURLs ?? []).length > 0) return undefined;
  if ((rule.apiGroups ?? []).length !== 1 || (rule.resources ?? []).length !== 1) return undefined;
  return JSON.stringify([rule.apiGroups, rule.resources, rule.resourceNames ?? []]);
}

/** CombineResourceGroup: `deployments.apps`, `pods`, `deployments.apps/scale`, `*.*`. */
export function combineResourceGroup(resources: readonly string[], groups: readonly string[]): string {
  const first = resources[0];
  if (first === undefined) return "";
  const [resource, sub] = first.split(/\/(.*)/s, 2);
  let combined = resource as string;
  if (groups[0]) combined = `${combined}.${groups[0]}`;
  if (sub) combined = `${combined}/${sub}`;
  return combined;
}

/** Go's `%v` of a []string: `[a b]`, `[]` for none. */
function goList(list: readonly string[] | undefined): string {
  return `[${(list ?? []).join(" ")}]`;
}

/** The generated `(*PolicyRule).String()`, the sort key of SortableRuleSlice. */
function goString(r: PolicyRule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}
