/**
 * eventChunk (store/event-store.ts) reads the recorder's counter out of an event name by hand; these
 * properties hold it to the rule it implements: a key ending in `.17f` + 13 lowercase hex digits goes
 * to the sequence chunk of that counter (256 events a chunk), any other key to the chunk of its last two
 * characters.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { eventChunk } from "../../../src/engine/store/event-store";

/** The rule as a regular expression. */
function byRule(key: string): string {
  const m = /\.17f([0-9a-f]{13})$/.exec(key);
  return m?.[1] ? `s${Math.floor(Number.parseInt(m[1], 16) / 256)}` : `h${key.slice(-2)}`;
}

const hex = fc.constantFrom(..."0123456789abcdefABCDEFg.".split(""));

describe("event chunks", () => {
  test("a recorded event's key goes to the chunk of its counter", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.integer({ min: 0, max: 2 ** 40 }), (name, n) => {
        const key = `default/${name}.17f${n.toString(16).padStart(13, "0")}`;
        expect(eventChunk(key)).toBe(`s${Math.floor(n / 256)}`);
      }),
    );
  });

  test("any key goes where the rule puts it", () => {
    const nearMiss = fc
      .tuple(
        fc.string({ maxLength: 6 }),
        fc.constantFrom(".17f", "17f", ".17F", ".18f", ""),
        fc.array(hex, { maxLength: 15 }),
      )
      .map(([head, prefix, digits]) => `${head}${prefix}${digits.join("")}`);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 30 }), nearMiss), (key) => {
        expect(eventChunk(key)).toBe(byRule(key));
      }),
    );
  });
});
