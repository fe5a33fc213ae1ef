/**
 * JSON-shaped values compared and copied without a round trip through text. Both follow
 * JSON.stringify's rules (an undefined property is absent, an undefined array item is null, key order
 * counts), so they can replace `JSON.stringify(a) === JSON.stringify(b)` and `JSON.parse(JSON.stringify(v))`
 * byte for byte. A 10,000-replica rollout made about 60,000 such comparisons and copies of pods; the
 * text round trip allocated a string per object each time.
 */

/** True when JSON.stringify(a) === JSON.stringify(b) (for values without toJSON, NaN or Infinity). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    // undefined array items and null are both written as null
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Same written keys in the same order, with the same values. */
function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  let j = nextWritten(b, kb, 0);
  for (const k of ka) {
    const v = a[k];
    if (!written(v)) continue;
    if (kb[j] !== k || !sameJson(v, b[k])) return false;
    j = nextWritten(b, kb, j + 1);
  }
  return j === kb.length;
}

/** True when JSON.stringify writes a property with this value (not undefined, not a function). */
function written(v: unknown): boolean {
  return v !== undefined && typeof v !== "function";
}

/** The first index from `j` of `keys` whose property in `obj` is written, or keys.length. */
function nextWritten(obj: Record<string, unknown>, keys: readonly string[], j: number): number {
  while (j < keys.length && !written(obj[keys[j] as string])) j++;
  return j;
}

/** JSON.parse(JSON.stringify(value)) for JSON-shaped values, without the text in between. */
export function jsonClone<T>(value: T): T {
  return cloneValue(value) as T;
}

function cloneValue(v: unknown): unknown {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const item = v[i];
      out[i] = written(item) ? cloneValue(item) : null;
    }
    return out;
  }
  const obj = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(obj)) {
    const item = obj[k];
    if (written(item)) out[k] = cloneValue(item);
  }
  return out;
}
