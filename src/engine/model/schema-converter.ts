/**
 * Type errors as the unstructured converter words them (apimachinery runtime/converter.go,
 * fromUnstructured). The API server decodes the result of a strategic merge patch through it, so
 * `kubectl edit` or `kubectl patch` putting `replicas: abc` gets `unrecognized type: int32`, not
 * encoding/json's `cannot unmarshal string into Go struct field …` that a create or a JSON merge patch gets.
 */
import type { Schema, StructNode } from "./schema";

/** Go's reflect.Kind name of a JSON value as the unstructured map holds it (numbers are int64 or float64). */
function sourceKind(v: unknown): string {
  if (Array.isArray(v)) return "slice";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "map";
}

/** Go's reflect.Type name of the same value (`st.String()`), used by `cannot convert X to Y`. */
function sourceType(kind: string): string {
  if (kind === "slice") return "[]interface {}";
  if (kind === "map") return "map[string]interface {}";
  return kind;
}

const NUMERIC = new Set(["int32", "int64", "float64"]);

/** A simple destination kind (string, bool, int32, int64, float64) from a source value. */
function scalarError(dest: string, v: unknown): string | undefined {
  const src = sourceKind(v);
  if (src === dest) return undefined;
  // reflect's ConvertibleTo: numbers to numbers, and integers to string (a rune); never to or from bool.
  const convertible = (NUMERIC.has(src) && NUMERIC.has(dest)) || (src === "int64" && dest === "string");
  if (!convertible) return `unrecognized type: ${dest}`;
  if (src === "int64" && NUMERIC.has(dest)) return undefined;
  if (src === "float64" && (dest === "float64" || Number.isInteger(v as number))) return undefined;
  return `cannot convert ${sourceType(src)} to ${dest}`;
}

function valueError(s: Schema, v: unknown): string | undefined {
  if (v === null || v === undefined) return undefined;
  switch (s.t) {
    case "struct":
      if (sourceKind(v) !== "map") return `cannot restore struct from: ${sourceKind(v)}`;
      return structError(s, v as Record<string, unknown>);
    case "list":
      if (!Array.isArray(v)) return `cannot restore slice from ${sourceKind(v)}`;
      for (const item of v) {
        const err = valueError(s.item, item);
        if (err) return err;
      }
      return undefined;
    case "map":
      if (sourceKind(v) !== "map") return `cannot restore map from ${sourceKind(v)}`;
      for (const item of Object.values(v as Record<string, unknown>)) {
        const err = valueError(s.value, item);
        if (err) return err;
      }
      return undefined;
    case "string":
    case "bool":
    case "int32":
    case "int64":
    case "float64":
      return scalarError(s.t, v);
    default:
      // Time, IntOrString and Quantity convert through their own JSON unmarshalers; `any` takes all.
      return undefined;
  }
}

function structError(s: StructNode, obj: Record<string, unknown>): string | undefined {
  for (const [name, field] of Object.entries(s.fields)) {
    const err = valueError(field, obj[name]);
    if (err) return err;
  }
  return undefined;
}

/** The converter's first type error for `value` decoded as `root`, or undefined when every value fits. */
export function converterTypeError(root: StructNode, value: Record<string, unknown>): string | undefined {
  return structError(root, value);
}
