/**
 * Building a strategic merge patch from versions of an object, as kubectl does (strategicpatch
 * CreateThreeWayMergePatch): for `apply`, `original` is the last applied configuration, `modified` the
 * manifest and `current` the live object; for `edit`, `set image`, `annotate`, … original and current are
 * the object before the change. The patch holds what `modified` sets that `current` does not have (merge
 * lists item by item, by their merge key), `null` for fields `original` declared that `modified` dropped,
 * and `{<key>: …, $patch: delete}` for merge-list items dropped. An empty patch means nothing to do.
 */
import { fieldSchema, type Schema } from "../../model/schema";
import { schemaFor } from "../../model/schema-kinds";
import { isObject } from "./merge";

type Obj = Record<string, unknown>;

/** The strategic merge patch that makes `current` declare what `modified` declares (`{}` when it already does). */
export function declarativePatch(
  kind: string,
  original: unknown,
  modified: unknown,
  current: unknown = original,
): Obj {
  return diffMaps(asObj(original), asObj(modified), asObj(current), schemaFor(kind));
}

function asObj(v: unknown): Obj {
  return isObject(v) ? v : {};
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sorted);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sorted(v[k])]),
  );
}

function diffMaps(original: Obj, modified: Obj, current: Obj, schema: Schema | undefined): Obj {
  const out: Obj = {};
  for (const key of Object.keys(original)) if (!(key in modified) && key in current) out[key] = null;
  for (const [key, value] of Object.entries(modified)) {
    const now = current[key];
    if (same(value, now)) continue;
    const sub = fieldSchema(schema, key);
    if (isObject(value) && isObject(now)) {
      const inner = diffMaps(asObj(original[key]), value, now, sub);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else if (Array.isArray(value) && Array.isArray(now) && sub?.t === "list" && sub.mergeKey) {
      const before = Array.isArray(original[key]) ? (original[key] as unknown[]) : [];
      const inner = diffList(before, value, now, sub.mergeKey, sub.item);
      if (inner.length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

function diffList(
  original: unknown[],
  modified: unknown[],
  current: unknown[],
  mergeKey: string,
  item: Schema,
): unknown[] {
  const keyOf = (v: unknown) => (isObject(v) && mergeKey in v ? JSON.stringify(v[mergeKey]) : undefined);
  const find = (list: unknown[], k: string | undefined) =>
    list.find((x) => k !== undefined && keyOf(x) === k);
  const out: unknown[] = [];
  for (const v of modified) {
    const k = keyOf(v);
    const now = find(current, k);
    if (!isObject(v) || !isObject(now)) {
      out.push(v);
      continue;
    }
    const inner = diffMaps(asObj(find(original, k)), v, now, item);
    if (Object.keys(inner).length > 0) out.push({ ...inner, [mergeKey]: v[mergeKey] });
  }
  for (const o of original) {
    const k = keyOf(o);
    if (k !== undefined && !find(modified, k) && find(current, k))
      out.push({ [mergeKey]: (o as Obj)[mergeKey], $patch: "delete" });
  }
  return out;
}
