/**
 * JSON merge patch (RFC 7386), as `kubectl patch --type merge` sends it: objects merge key by key, `null`
 * deletes a key, and every other value (arrays included) replaces what was there.
 */

/** `target` with `patch` merged in (RFC 7386 MergePatch). Neither argument is changed. */
export function jsonMergePatch(target: unknown, patch: unknown): unknown {
  if (!isObject(patch)) return clone(patch);
  const out: Record<string, unknown> = isObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete out[key];
    else out[key] = jsonMergePatch(out[key], value);
  }
  return out;
}

/** True for a JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** A deep copy of a JSON value. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}
