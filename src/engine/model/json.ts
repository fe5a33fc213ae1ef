/**
 * JSON-shaped values compared and copied without a round trip through text. Both follow
 * JSON.stringify's rules (an undefined property is absent, an undefined array item is null, key order
 * counts), so they can replace `JSON.stringify(a) === JSON.stringify(b)` and `JSON.parse(JSON.stringify(v))`
 * byte for byte. A 10,000-replica rollout made about 60,000 such comparisons and copies of pods; the
 * text round trip allocated a string per object each time.
 */

/** True when JSON.stringify(a) === JSON.stringify(b) (for values without toJSON, NaN or Infinity). */
export function sameJson(a: unknown, b: unknown): boolean {
  return sameAt(a, b, 0);
}

function sameAt(a: unknown, b: unknown, depth: number): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") {
    // undefined array items and null are both written as null
    return (a ?? null) === (b ?? null);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameAt(a[i], b[i], depth + 1)) return false;
    return true;
  }
  return sameObjects(a as Record<string, unknown>, b as Record<string, unknown>, depth);
}

/**
 * Key lists by depth, reused: `Object.keys` made two arrays per object compared, a tenth of what a
 * 10,000-replica rollout allocated. `for…in` walks V8's cached key order without making one; it visits
 * inherited enumerable keys too, which JSON-shaped values (plain objects) do not have.
 */
const keysAt: string[][] = [];

/** Same written keys in the same order, with the same values. */
function sameObjects(a: Record<string, unknown>, b: Record<string, unknown>, depth: number): boolean {
  let keys = keysAt[depth];
  if (!keys) {
    keys = [];
    keysAt[depth] = keys;
  }
  let n = 0;
  for (const k in a) if (written(a[k])) keys[n++] = k;
  let i = 0;
  for (const k in b) {
    const v = b[k];
    if (!written(v)) continue;
    if (i >= n || keys[i] !== k || !sameAt(a[k], v, depth + 1)) return false;
    i++;
  }
  return i === n;
}

/** True when JSON.stringify writes a property with this value (not undefined, not a function). */
function written(v: unknown): boolean {
  return v !== undefined && typeof v !== "function";
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
  // for…in, not Object.keys: no key array per object (see keysAt).
  for (const k in obj) {
    const item = obj[k];
    if (written(item)) out[k] = cloneValue(item);
  }
  return out;
}
