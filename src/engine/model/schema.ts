/**
 * The known-field schema of the kinds the sandbox serves, and the two checks the API server's decoder
 * makes with it: type errors (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
 * of type int32`) and, for strict field validation, unknown fields named by their dotted path
 * (`spec.template.spec.containers[0].imagePullPolic`). The same nodes carry the strategic-merge-patch
 * metadata of the Go struct tags (`patchMergeKey:"name" patchStrategy:"merge"`).
 *
 * The shapes live in schema-pod.ts (PodSpec and below) and schema-kinds.ts (one root per kind).
 */

/** A scalar as Go decodes it; `any` accepts every JSON value (free-form or not modelled in detail). */
export type ScalarType =
  | "string"
  | "int32"
  | "int64"
  | "bool"
  | "float64"
  | "intstr"
  | "quantity"
  | "time"
  | "any";

/** One node of the schema. */
export type Schema = ScalarNode | StructNode | ListNode | MapNode;

/** A scalar field. */
export interface ScalarNode {
  t: ScalarType;
}

/** A Go struct: its type name (`DeploymentSpec`) and its JSON fields. */
export interface StructNode {
  t: "struct";
  go: string;
  /** The Go package alias in type names (`v1.DeploymentSpec`, `intstr.IntOrString`). */
  pkg?: string;
  fields: Record<string, Schema>;
  /** `patchStrategy:"retainKeys"` on the field holding this struct (DeploymentSpec.strategy, Volume). */
  retainKeys?: boolean;
}

/** A Go slice; `mergeKey`/`strategy` are the strategic-merge-patch tags of the field holding it. */
export interface ListNode {
  t: "list";
  item: Schema;
  /** `patchMergeKey`: lists of structs merged by this key (`containers` by `name`). */
  mergeKey?: string;
  /** `merge`: merge instead of replace (lists of primitives: union). */
  strategy?: "merge";
}

/** A Go map with string keys (`labels`, `resources.limits`). */
export interface MapNode {
  t: "map";
  value: Schema;
  /** The Go key type name (`string`, `v1.ResourceName`). */
  key?: string;
}

/** Scalar nodes, shared. */
export const S = {
  string: { t: "string" } as ScalarNode,
  int32: { t: "int32" } as ScalarNode,
  int64: { t: "int64" } as ScalarNode,
  bool: { t: "bool" } as ScalarNode,
  float64: { t: "float64" } as ScalarNode,
  intstr: { t: "intstr" } as ScalarNode,
  quantity: { t: "quantity" } as ScalarNode,
  time: { t: "time" } as ScalarNode,
  any: { t: "any" } as ScalarNode,
};

/** A struct node (package `v1` unless given). */
export function struct(
  go: string,
  fields: Record<string, Schema>,
  extra: Partial<StructNode> = {},
): StructNode {
  return { t: "struct", go, fields, ...extra };
}

/** A list node. */
export function list(item: Schema, meta: { mergeKey?: string; strategy?: "merge" } = {}): ListNode {
  return { t: "list", item, ...meta };
}

/** A map node. */
export function map(value: Schema, key = "string"): MapNode {
  return { t: "map", value, key };
}

/** `map[string]string` (labels, annotations, selectors, data). */
export const STRING_MAP = map(S.string);
/** `[]string`. */
export const STRING_LIST = list(S.string);

/** The Go type name a decode error names: `int32`, `v1.DeploymentSpec`, `[]v1.Container`, `map[string]string`. */
export function goTypeName(s: Schema): string {
  switch (s.t) {
    case "struct":
      return `${s.pkg ?? "v1"}.${s.go}`;
    case "list":
      return `[]${goTypeName(s.item)}`;
    case "map":
      return `map[${s.key ?? "string"}]${goTypeName(s.value)}`;
    case "intstr":
      return "intstr.IntOrString";
    case "quantity":
      return "resource.Quantity";
    case "time":
      return "v1.Time";
    case "any":
      return "interface {}";
    default:
      return s.t;
  }
}

/** The JSON kind of a value as Go's decoder names it in errors: `string`, `number`, `bool`, `array`, `object`. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return "number";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  return "object";
}

/**
 * The first decode type error of `value` against `root` (the root is the kind's struct, named `Deployment`),
 * as encoding/json words it: `json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas
 * of type int32`. Undefined when every value fits.
 */
export function typeError(root: StructNode, value: unknown): string | undefined {
  if (value === null || typeof value !== "object" || Array.isArray(value))
    return `json: cannot unmarshal ${jsonKind(value)} into Go value of type ${goTypeName(root)}`;
  // Nearly every write fits: check that without allocating, and build paths only to name an error.
  if (fits(root, value)) return undefined;
  return structTypeError(root, value as Record<string, unknown>, undefined);
}

/** True when `v` decodes as `s` (the allocation-free twin of valueTypeError: 20,000 pod writes a rollout). */
function fits(s: Schema, v: unknown): boolean {
  if (v === null || v === undefined || s.t === "any") return true;
  switch (s.t) {
    case "struct": {
      if (jsonKind(v) !== "object") return false;
      const obj = v as Record<string, unknown>;
      for (const key in obj) {
        const field = s.fields[key];
        if (field && !fits(field, obj[key])) return false;
      }
      return true;
    }
    case "list":
      if (!Array.isArray(v)) return false;
      for (const item of v) if (!fits(s.item, item)) return false;
      return true;
    case "map": {
      if (jsonKind(v) !== "object") return false;
      const obj = v as Record<string, unknown>;
      for (const key in obj) if (!fits(s.value, obj[key])) return false;
      return true;
    }
    default:
      return scalarFits(s.t, v);
  }
}

function scalarFits(t: ScalarType, v: unknown): boolean {
  if (t === "string" || t === "time") return typeof v === "string";
  if (t === "bool") return typeof v === "boolean";
  if (t === "intstr" || t === "quantity") return typeof v === "string" || typeof v === "number";
  if (typeof v !== "number") return false;
  if (t === "float64") return true;
  const limit = t === "int32" ? 2 ** 31 : 2 ** 63;
  return Number.isInteger(v) && v < limit && v >= -limit;
}

/**
 * A field path as a chain from the leaf up, written out only when an error names it: decoding runs on
 * every write (10,000 pods a rollout), and building each field's path string up front cost 0.4 s there.
 */
interface FieldPath {
  readonly up: FieldPath | undefined;
  readonly key: string;
  /** How the key is written after its parent: `.key` (a struct field), `[0]` (a list index), `[key]` (a map key). */
  readonly as: "field" | "index";
}

function pathText(p: FieldPath | undefined): string {
  if (!p) return "";
  const up = pathText(p.up);
  if (p.as === "index") return `${up}[${p.key}]`;
  return up ? `${up}.${p.key}` : p.key;
}

function structTypeError(
  s: StructNode,
  obj: Record<string, unknown>,
  path: FieldPath | undefined,
): string | undefined {
  for (const key in obj) {
    const field = s.fields[key];
    if (!field) continue;
    const err = valueTypeError(field, obj[key], { up: path, key, as: "field" }, s.go);
    if (err) return err;
  }
  return undefined;
}

function valueTypeError(s: Schema, v: unknown, path: FieldPath, owner: string): string | undefined {
  if (v === null || v === undefined || s.t === "any") return undefined;
  const mismatch = (desc: string) =>
    `json: cannot unmarshal ${desc} into Go struct field ${owner}.${pathText(path)} of type ${goTypeName(s)}`;
  switch (s.t) {
    case "struct":
      if (jsonKind(v) !== "object") return mismatch(jsonKind(v));
      return structTypeError(s, v as Record<string, unknown>, path);
    case "list":
      if (!Array.isArray(v)) return mismatch(jsonKind(v));
      for (const item of v) {
        const err = valueTypeError(s.item, item, path, owner);
        if (err) return err;
      }
      return undefined;
    case "map":
      if (jsonKind(v) !== "object") return mismatch(jsonKind(v));
      for (const item of Object.values(v as Record<string, unknown>)) {
        const err = valueTypeError(s.value, item, path, owner);
        if (err) return err;
      }
      return undefined;
    default:
      return scalarTypeError(s.t, v, mismatch);
  }
}

function scalarTypeError(t: ScalarType, v: unknown, mismatch: (desc: string) => string): string | undefined {
  if (scalarFits(t, v)) return undefined;
  const kind = jsonKind(v);
  // Go names the offending number when it does not fit an integer type: `number 1.5`, `number 3000000000`.
  const integer = t === "int32" || t === "int64";
  return mismatch(integer && kind === "number" ? `number ${String(v)}` : kind);
}

/**
 * Dotted paths of the fields `value` has that `root` does not know, in document order, as the strict
 * decoder names them: `spec.processDeadlineSeconds`, `spec.template.spec.containers[0].imagePullPolic`.
 */
export function unknownFieldPaths(root: StructNode, value: unknown): string[] {
  const out: string[] = [];
  if (value && typeof value === "object" && !Array.isArray(value) && !allKnown(root, value))
    collectUnknown(root, value as Record<string, unknown>, undefined, out);
  return out;
}

/** True when every field of `v` is one `s` knows (collectUnknown's allocation-free twin, for the usual case). */
function allKnown(s: Schema, v: unknown): boolean {
  if (v === null || typeof v !== "object" || s.t === "any") return true;
  if (s.t === "list") {
    if (!Array.isArray(v)) return true;
    for (const item of v) if (!allKnown(s.item, item)) return false;
    return true;
  }
  if (Array.isArray(v)) return true;
  const obj = v as Record<string, unknown>;
  if (s.t === "map") {
    for (const key in obj) if (!allKnown(s.value, obj[key])) return false;
    return true;
  }
  if (s.t !== "struct") return true;
  for (const key in obj) {
    const field = s.fields[key];
    if (!field || !allKnown(field, obj[key])) return false;
  }
  return true;
}

function collectUnknown(s: Schema, v: unknown, path: FieldPath | undefined, out: string[]): void {
  if (v === null || v === undefined || s.t === "any") return;
  if (s.t === "struct" && jsonKind(v) === "object") {
    const obj = v as Record<string, unknown>;
    for (const key in obj) {
      const p: FieldPath = { up: path, key, as: "field" };
      const field = s.fields[key];
      if (!field) out.push(pathText(p));
      else collectUnknown(field, obj[key], p, out);
    }
  } else if (s.t === "list" && Array.isArray(v)) {
    for (let i = 0; i < v.length; i++)
      collectUnknown(s.item, v[i], { up: path, key: String(i), as: "index" }, out);
  } else if (s.t === "map" && jsonKind(v) === "object") {
    const obj = v as Record<string, unknown>;
    for (const key in obj) collectUnknown(s.value, obj[key], { up: path, key, as: "index" }, out);
  }
}

/** The sub-schema of field `key` of `s` (a struct's field or a map's value), or undefined when unknown. */
export function fieldSchema(s: Schema | undefined, key: string): Schema | undefined {
  if (!s) return undefined;
  if (s.t === "struct") return s.fields[key];
  if (s.t === "map") return s.value;
  return undefined;
}

/** A copy of `value` without the fields `s` does not know (what the decoder drops under `Warn`/`Ignore`). */
export function pruneUnknown(s: Schema, value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (s.t === "list" && Array.isArray(value)) return value.map((v) => pruneUnknown(s.item, v));
  if (Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  if (s.t === "map")
    return Object.fromEntries(Object.entries(obj).map(([k, v]) => [k, pruneUnknown(s.value, v)]));
  if (s.t !== "struct") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) {
    const field = s.fields[k];
    if (field) out[k] = pruneUnknown(field, v);
  }
  return out;
}
