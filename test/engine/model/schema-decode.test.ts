/**
 * The decoder's checks (model/schema.ts) on random schemas: a value built to fit has no type error and
 * no unknown field; one wrong-kind value or one unknown key put anywhere in it is found and named by
 * its path. Both checks first ask an allocation-free "does it all fit?", so these properties guard that
 * the quick answer never hides an error the full walk would name.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  list,
  map,
  S,
  type Schema,
  type StructNode,
  struct,
  typeError,
  unknownFieldPaths,
} from "../../../src/engine/model/schema";
import { schemaFor } from "../../../src/engine/model/schema-kinds";

const FIELD_NAMES = ["a", "b", "c"] as const;

/** Random schemas a few levels deep, with the scalar kinds whose JSON kinds differ. */
const schemaArb: fc.Arbitrary<Schema> = fc.letrec<{ node: Schema }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.constantFrom<Schema>(S.string, S.int32, S.bool, S.intstr, S.float64, S.time),
    fc
      .dictionary(fc.constantFrom(...FIELD_NAMES), tie("node"), { minKeys: 1, maxKeys: 3 })
      .map((fields) => struct("T", fields)),
    tie("node").map((item) => list(item)),
    tie("node").map((value) => map(value)),
  ),
})).node;

const rootArb = fc
  .dictionary(fc.constantFrom(...FIELD_NAMES), schemaArb, { minKeys: 1, maxKeys: 3 })
  .map((fields) => struct("Root", fields));

/** A value that fits `s` (struct fields may be missing or null, as the decoder allows). */
function fitting(s: Schema): fc.Arbitrary<unknown> {
  switch (s.t) {
    case "struct":
      return fc.record(Object.fromEntries(Object.entries(s.fields).map(([k, f]) => [k, fitting(f)])), {
        requiredKeys: [],
      });
    case "list":
      return fc.array(fitting(s.item), { maxLength: 3 });
    case "map":
      return fc.dictionary(fc.constantFrom("x", "y"), fitting(s.value), { maxKeys: 2 });
    case "string":
    case "time":
      return fc.string({ maxLength: 3 });
    case "bool":
      return fc.boolean();
    case "intstr":
      return fc.oneof(fc.integer(), fc.string({ maxLength: 3 }));
    case "float64":
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    default:
      return fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
  }
}

/** A place in a value: its path, the schema there, and the object or array holding it under `key`. */
type Spot = [path: string, schema: Schema, holder: Record<string | number, unknown>, key: string | number];

/** The places in `v` (a value fitting `s`) that hold a struct field, list item or map value. */
function places(s: Schema, v: unknown, path: string, out: Spot[]): void {
  if (v === null || v === undefined) return;
  if (s.t === "struct") {
    for (const [k, f] of Object.entries(s.fields)) {
      const child = (v as Record<string, unknown>)[k];
      const p = path ? `${path}.${k}` : k;
      if (child !== undefined && child !== null) out.push([p, f, v as Record<string, unknown>, k]);
      places(f, child, p, out);
    }
  } else if (s.t === "list") {
    (v as unknown[]).forEach((item, i) => {
      out.push([`${path}[${i}]`, s.item, v as unknown[] as Record<number, unknown>, i]);
      places(s.item, item, `${path}[${i}]`, out);
    });
  } else if (s.t === "map") {
    for (const [k, item] of Object.entries(v as Record<string, unknown>)) {
      out.push([`${path}[${k}]`, s.value, v as Record<string, unknown>, k]);
      places(s.value, item, `${path}[${k}]`, out);
    }
  }
}

/** A JSON value whose kind `s` refuses: a struct or map gets a number, everything else an object. */
function wrongKind(s: Schema): unknown {
  return s.t === "struct" || s.t === "map" || s.t === "list" ? 7 : { wrong: true };
}

const fitted = rootArb.chain((root) => fitting(root).map((value) => ({ root, value })));

describe("decode checks on random schemas", () => {
  test("a value that fits has no type error and no unknown field", () => {
    fc.assert(
      fc.property(fitted, ({ root, value }) => {
        expect(typeError(root, value)).toBeUndefined();
        expect(unknownFieldPaths(root, value)).toEqual([]);
      }),
    );
  });

  test("one wrong-kind value anywhere is a type error naming its field", () => {
    fc.assert(
      fc.property(fitted, fc.nat(), ({ root, value }, pick) => {
        const spots: Spot[] = [];
        places(root, value, "", spots);
        fc.pre(spots.length > 0);
        const [path, schema, holder, key] = spots[pick % spots.length] as Spot;
        holder[key] = wrongKind(schema);
        const err = typeError(root as StructNode, value);
        expect(err).toMatch(/^json: cannot unmarshal (number|object) into Go struct field /);
        // As encoding/json does, the message names the chain of struct fields, without list indexes or map keys.
        expect(err).toContain(`.${path.replace(/\[[^\]]*\]/g, "")} of type `);
      }),
    );
  });

  test("one unknown key in any struct is named by its dotted path, and only it", () => {
    fc.assert(
      fc.property(fitted, fc.nat(), ({ root, value }, pick) => {
        const structs: [string, Record<string, unknown>][] = [["", value as Record<string, unknown>]];
        const spots: Spot[] = [];
        places(root, value, "", spots);
        for (const [p, s, holder, key] of spots) {
          const v = holder[key];
          if (s.t === "struct" && v && typeof v === "object") structs.push([p, v as Record<string, unknown>]);
        }
        const [path, target] = structs[pick % structs.length] as [string, Record<string, unknown>];
        target.zzUnknown = 1;
        expect(unknownFieldPaths(root, value)).toEqual([path ? `${path}.zzUnknown` : "zzUnknown"]);
      }),
    );
  });

  // encoding/json's UnmarshalTypeError: Value is "number <literal>" for a number an integer type cannot
  // hold, and the JSON kind otherwise; the field path is the struct fields', without list indexes.
  test.each([
    [
      "replicas 1.5",
      { spec: { replicas: 1.5 } },
      "number 1.5 into Go struct field DeploymentSpec.spec.replicas of type int32",
    ],
    [
      "replicas 2^31",
      { spec: { replicas: 2 ** 31 } },
      "number 2147483648 into Go struct field DeploymentSpec.spec.replicas of type int32",
    ],
    [
      "replicas as text",
      { spec: { replicas: "3" } },
      "string into Go struct field DeploymentSpec.spec.replicas of type int32",
    ],
    [
      "paused as text",
      { spec: { paused: "yes" } },
      "string into Go struct field DeploymentSpec.spec.paused of type bool",
    ],
    [
      "image as a number",
      { spec: { template: { spec: { containers: [{ name: "a", image: 5 }] } } } },
      "number into Go struct field Container.spec.template.spec.containers.image of type string",
    ],
  ])("a Deployment with %s: the message encoding/json gives", (_, value, expected) => {
    expect(typeError(schemaFor("Deployment") as StructNode, value)).toBe(
      `json: cannot unmarshal ${expected}`,
    );
  });
});
