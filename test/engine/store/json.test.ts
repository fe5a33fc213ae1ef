/**
 * sameJson and jsonClone (model/json.ts) agree with the JSON text round trip they replace, on any
 * JSON value and on objects with undefined properties and array holes, as controllers build them.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { jsonClone, sameJson } from "../../../src/engine/model/json";

/** JSON values plus what JSON.stringify drops or rewrites: undefined properties and array items. */
const loose = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom(null, undefined, true, false, 0, 1, -2.5, "", "a", "b"),
    fc.array(tie("value"), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom("a", "b", "c", "10", "2"), tie("value"), { maxKeys: 4 }),
  ),
})).value;

describe("JSON comparison and copy without text", () => {
  test("sameJson(a, b) is JSON.stringify(a) === JSON.stringify(b)", () => {
    fc.assert(
      fc.property(loose, loose, (a, b) => {
        expect(sameJson({ x: a }, { x: b })).toBe(JSON.stringify({ x: a }) === JSON.stringify({ x: b }));
      }),
    );
  });

  test("sameJson of a value and its copy is true; key order counts as it does in the text", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(sameJson(v, JSON.parse(JSON.stringify(v)))).toBe(true);
      }),
    );
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, u: undefined }, { a: 1 })).toBe(true);
  });

  test("jsonClone(v) is JSON.parse(JSON.stringify(v)) and shares nothing with v", () => {
    fc.assert(
      fc.property(loose, (v) => {
        const wrapped = { v };
        const copy = jsonClone(wrapped);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(wrapped));
        expect(copy).toEqual(JSON.parse(JSON.stringify(wrapped)));
        if (v !== null && typeof v === "object") expect(copy.v).not.toBe(v);
      }),
    );
  });
});
