/**
 * uidFor (store/uid.ts) takes the low hex digits of its hash from Math.imul where the product is exact;
 * this holds it to the formula it replaces (the double's base-16 text), on both sides of that limit.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { uidFor } from "../../../src/engine/store/uid";

/** The original formula, spelled out. */
function byFormula(n: number): string {
  const hex = (n * 2654435761).toString(16).padStart(8, "0").slice(-8);
  const tail = n.toString(16).padStart(12, "0");
  return `${hex}-${tail.slice(0, 4)}-4${tail.slice(4, 7)}-8${tail.slice(7, 10)}-${hex}${tail.slice(8, 12)}`;
}

describe("generated uids", () => {
  test("equal the formula for counters below and above the exact-product limit", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ min: 0, max: 4_000_000 }), fc.integer({ min: 0, max: 2 ** 40 })),
        (n) => {
          expect(uidFor(n)).toBe(byFormula(n));
        },
      ),
      { numRuns: 2000 },
    );
    for (const n of [0, 1, 3_392_999, 3_393_000, 3_393_001]) expect(uidFor(n)).toBe(byFormula(n));
  });
});
