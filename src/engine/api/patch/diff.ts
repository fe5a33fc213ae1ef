/**
 * Building a strategic merge patch from two versions of an object, as kubectl does for `apply` (three-way:
 * the last applied configuration, the new manifest, the live object) and for `edit` (two-way: the object
 * before and after editing). Fields removed since `original` become `null`; items of merge-keyed lists
 * removed since `original` become `{<key>: …, $patch: delete}`; everything the new version sets is sent
 * whole, so the live object converges to it while fields nobody declared (server defaults, status) stay.
 */
import { fieldSchema, type Schema } from "../../model/schema";
import { schemaFor } from "../../model/schema-kinds";
import { isObject } from "./merge";

/** The strategic merge patch that turns what `original` declared into what `modified` declares, for `kind`. */
export function declarativePatch(kind: string, original: unknown, modified: unknown): Record<string, unknown> {
  return diffMaps(isObject(original) ? original : {}, isObject(modified) ? modified : {}, schemaFor(kind));
}

function diffMaps(
  original: Record<string, unknown>,
  modified: Record<string, unknown>,
  schema: Schema | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(original)) if (!(key in modified)) out[key] = null;
  for (const [key, value] of Object.entries(modified)) {
    const before = original[key];
    const sub = fieldSchema(schema, key);
    if (isObject(value) && isObject(before)) out[key] = diffMaps(before, value, sub);
    else if (Array.isArray(value) && Array.isArray(before) && sub?.t === "list" && sub.mergeKey)
      out[key] = diffList(before, value, sub.mergeKey, sub.item);
    else out[key] = value;
  }
  return out;
}

function diffList(before: unknown[], after: unknown[], mergeKey: string, item: Schema): unknown[] {
  const key = (v: unknown) => (isObject(v) ? JSON.stringify(v[mergeKey]) : undefined);
  const out: unknown[] = after.map((v) => {
    const old = before.find((b) => key(b) !== undefined && key(b) === key(v));
    return isObject(v) && isObject(old) ? { ...diffMaps(old, v, item), [mergeKey]: v[mergeKey] } : v;
  });
  for (const b of before) {
    if (isObject(b) && mergeKey in b && !after.some((a) => key(a) === key(b)))
      out.push({ [mergeKey]: b[mergeKey], $patch: "delete" });
  }
  return out;
}
