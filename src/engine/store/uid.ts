/**
 * Generated uids. They live in the store layer because the store's event recorder hands them out as
 * well as the API server (api/naming.ts re-exports `uidFor`), both from the one `state.uidCounter`.
 */

/** A uid with the real 8-4-4-4-12 shape, derived from a counter so runs are reproducible. */
export function uidFor(n: number): string {
  const hex = (n * 2654435761).toString(16).padStart(8, "0").slice(-8);
  const tail = n.toString(16).padStart(12, "0");
  return `${hex}-${tail.slice(0, 4)}-4${tail.slice(4, 7)}-8${tail.slice(7, 10)}-${hex}${tail.slice(8, 12)}`;
}
