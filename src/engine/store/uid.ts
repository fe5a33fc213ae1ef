/**
 * Generated uids. They live in the store layer because the store's event recorder hands them out as
 * well as the API server (api/naming.ts re-exports `uidFor`), both from the one `state.uidCounter`.
 */

/** A uid with the real 8-4-4-4-12 shape, derived from a counter so runs are reproducible. */
export function uidFor(n: number): string {
  const hex = lowHex(n);
  const tail = n.toString(16).padStart(12, "0");
  return `${hex}-${tail.slice(0, 4)}-4${tail.slice(4, 7)}-8${tail.slice(7, 10)}-${hex}${tail.slice(8, 12)}`;
}

/**
 * The last 8 hex digits of n × 2654435761 as a double prints them. While the product is exact (below
 * 2^53, n up to 3,393,000) they are its low 32 bits, which Math.imul gives without formatting a 15-digit
 * double in base 16 (every uid asked for that: 100,000 in a 10,000-replica rollout).
 */
function lowHex(n: number): string {
  if (Number.isInteger(n) && n >= 0 && n * 2654435761 < 2 ** 53)
    return (Math.imul(n, 2654435761) >>> 0).toString(16).padStart(8, "0");
  return (n * 2654435761).toString(16).padStart(8, "0").slice(-8);
}
