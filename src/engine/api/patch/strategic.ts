/**
 * Strategic merge patch (k8s.io/apimachinery strategicpatch), driven by the patch metadata of the kind's
 * schema: lists tagged `patchStrategy:"merge"` merge by their `patchMergeKey` (containers by `name`, ports
 * by `containerPort`, env by `name`, volumeMounts by `mountPath`), lists of primitives with that tag are
 * unions, every other list is replaced. Maps merge key by key and `null` deletes. Directives:
 * `$patch: replace|delete|merge` (in maps and as list elements), `$retainKeys`,
 * `$deleteFromPrimitiveList/<field>`; `$setElementOrder/<field>` is accepted and ignored.
 */
import { fieldSchema, type Schema } from "../../model/schema";
import { goValue } from "./gofmt";
import { clone, isObject } from "./merge";

/** A patch the server cannot apply; `status` is the HTTP code it answers with (400 or 500). */
export class PatchError extends Error {
  constructor(
    message: string,
    readonly status: 400 | 422 | 500 = 500,
  ) {
    super(message);
    this.name = "PatchError";
  }
}

const PATCH = "$patch";
const RETAIN_KEYS = "$retainKeys";
const DELETE_PRIMITIVE = "$deleteFromPrimitiveList/";
const SET_ORDER = "$setElementOrder/";

/** `original` with the strategic merge `patch` applied, following `schema` (undefined: plain map merge). */
export function strategicMergePatch(original: unknown, patch: unknown, schema: Schema | undefined): unknown {
  if (!isObject(patch)) throw new PatchError("unable to unmarshal patch: not a JSON object", 400);
  const base = isObject(original) ? clone(original) : {};
  return mergeMap(base, patch, schema) ?? {};
}

/** Merges `patch` into `original` (mutated); undefined means `$patch: delete` removed the whole map. */
function mergeMap(
  original: Record<string, unknown>,
  patch: Record<string, unknown>,
  schema: Schema | undefined,
): Record<string, unknown> | undefined {
  const directive = patch[PATCH];
  if (directive !== undefined) {
    if (directive === "replace") return stripDirectives(withoutKey(patch, PATCH)) as Record<string, unknown>;
    if (directive === "delete") return undefined;
    if (directive !== "merge")
      throw new PatchError(`unknown patch type: ${goValue(directive)} in map: ${goValue(patch)}`, 500);
  }
  const retain = patch[RETAIN_KEYS];
  if (Array.isArray(retain)) {
    for (const k of Object.keys(original)) if (!retain.includes(k)) delete original[k];
  }
  for (const [key, value] of Object.entries(patch)) {
    if (key === PATCH || key === RETAIN_KEYS || key.startsWith(SET_ORDER)) continue;
    if (key.startsWith(DELETE_PRIMITIVE)) {
      deleteFromPrimitiveList(original, key.slice(DELETE_PRIMITIVE.length), value);
      continue;
    }
    mergeField(original, key, value, fieldSchema(schema, key));
  }
  return original;
}

function mergeField(
  original: Record<string, unknown>,
  key: string,
  value: unknown,
  schema: Schema | undefined,
): void {
  if (value === null) {
    delete original[key];
    return;
  }
  const current = original[key];
  if (isObject(value)) {
    const merged = mergeMap(isObject(current) ? current : {}, value, schema);
    if (merged === undefined) delete original[key];
    else original[key] = merged;
    return;
  }
  if (Array.isArray(value) && Array.isArray(current) && schema?.t === "list" && schema.strategy === "merge") {
    original[key] = mergeList(current, value, schema.item, schema.mergeKey);
    return;
  }
  original[key] = Array.isArray(value) ? replaceList(value, schema) : value;
}

/** A list given whole: `{"$patch": "replace"}` markers dropped, directives stripped from its maps. */
function replaceList(value: unknown[], schema: Schema | undefined): unknown[] {
  const item = schema?.t === "list" ? schema.item : undefined;
  return value
    .filter((v) => !(isObject(v) && v[PATCH] !== undefined && Object.keys(v).length === 1))
    .map((v) => (isObject(v) ? (mergeMap({}, v, item) ?? {}) : v));
}

function mergeList(
  original: unknown[],
  patch: unknown[],
  item: Schema,
  mergeKey: string | undefined,
): unknown[] {
  if (patch.some((p) => isObject(p) && p[PATCH] === "replace")) return replaceList(patch, undefined);
  if (mergeKey === undefined) {
    // A merged list of primitives is a union in order: the original's items, then the patch's new ones.
    const out = [...original];
    for (const v of patch) if (!out.some((o) => JSON.stringify(o) === JSON.stringify(v))) out.push(v);
    return out;
  }
  const out = original.map((o) => clone(o));
  for (const p of patch) {
    if (!isObject(p)) throw new PatchError(`expected a map in the list, got ${goValue(p)}`, 400);
    if (!(mergeKey in p))
      throw new PatchError(`map: ${goValue(p)} does not contain declared merge key: ${mergeKey}`, 500);
    const index = out.findIndex((o) => isObject(o) && sameKey(o[mergeKey], p[mergeKey]));
    if (p[PATCH] === "delete") {
      if (index >= 0) out.splice(index, 1);
      continue;
    }
    if (index >= 0) out[index] = mergeMap(out[index] as Record<string, unknown>, p, item) ?? {};
    else out.push(mergeMap({}, p, item) ?? {});
  }
  return out;
}

/** Merge keys compare as JSON values (`8080` and `8080`, `"http-go"` and `"http-go"`). */
function sameKey(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function deleteFromPrimitiveList(original: Record<string, unknown>, field: string, value: unknown): void {
  const current = original[field];
  if (!Array.isArray(current) || !Array.isArray(value)) return;
  original[field] = current.filter((c) => !value.some((v) => sameKey(v, c)));
}

function withoutKey(obj: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _dropped, ...rest } = obj;
  return rest;
}

/** A value with every `$…` directive key removed (what a patch adds where nothing was). */
function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripDirectives);
  if (!isObject(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (!k.startsWith("$")) out[k] = stripDirectives(x);
  return out;
}
