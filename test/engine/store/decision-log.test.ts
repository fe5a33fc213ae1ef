/**
 * The decision log (store/decision-log.ts) holds what an array built by the same appends holds, in the
 * same order, and an append never changes the log it was made from.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { DecisionLog } from "../../../src/engine/store/decision-log";

describe("decision log", () => {
  test("appends equal array concatenation; every older log keeps its entries", () => {
    fc.assert(
      // Batches up to 300 long cross the chunk size of 256.
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 300 }), { maxLength: 8 }), (batches) => {
        let log = DecisionLog.empty<number>();
        let array: number[] = [];
        const kept: [DecisionLog<number>, number[]][] = [[log, array]];
        for (const batch of batches) {
          log = log.append(batch);
          array = [...array, ...batch];
          kept.push([log, array]);
        }
        for (const [l, a] of kept) {
          expect(l.length).toBe(a.length);
          expect(l.toArray()).toEqual(a);
          expect(JSON.stringify(l)).toBe(JSON.stringify(a));
          for (const i of [0, a.length - 1, 255, 256, a.length]) expect(l.at(i)).toBe(a[i]);
        }
      }),
    );
  });
});
