/**
 * A pure function of one key, remembered: the hot paths ask the same few questions thousands of times a
 * pass (the same second formatted for 10,000 pods, the same image's digest, the same resource name).
 * The map is bounded because keys can come from what a learner types; when it is full it starts afresh,
 * which costs only recomputing.
 */

/** `compute`, remembering up to `limit` answers by key. */
export function memoize<K, V>(compute: (key: K) => V, limit = 4096): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    const known = seen.get(key);
    if (known !== undefined || seen.has(key)) return known as V;
    if (seen.size >= limit) seen.clear();
    const value = compute(key);
    seen.set(key, value);
    return value;
  };
}
