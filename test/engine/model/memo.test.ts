/**
 * memoize (model/memo.ts): the remembered function answers as the function does, computes each key once
 * while the memo has room, and starts afresh (computing again, answering the same) once it is full.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { memoize } from "../../../src/engine/model/memo";

describe("memoize", () => {
  test("answers as the function does, undefined answers included, computing each key once while there is room", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 200 }), (keys) => {
        const calls: number[] = [];
        const f = (k: number) => {
          calls.push(k);
          return k % 3 === 0 ? undefined : k * 2;
        };
        const remembered = memoize(f, 100);
        for (const k of keys) expect(remembered(k)).toBe(f(k));
        calls.length = 0;
        for (const k of keys) remembered(k);
        expect(calls).toEqual([]);
      }),
    );
  });

  test("a full memo starts afresh and still answers the same", () => {
    let computed = 0;
    const remembered = memoize((k: number) => {
      computed++;
      return `v${k}`;
    }, 3);
    expect([1, 2, 3].map(remembered)).toEqual(["v1", "v2", "v3"]);
    expect(computed).toBe(3);
    expect(remembered(4)).toBe("v4");
    expect(computed).toBe(4);
    // 4 cleared the memo: 1 is computed again, 4 is still remembered.
    expect(remembered(1)).toBe("v1");
    expect(remembered(4)).toBe("v4");
    expect(computed).toBe(5);
  });
});
