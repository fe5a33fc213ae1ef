/**
 * Patch tables. Strategic cases follow k8s.io/apimachinery/pkg/util/strategicpatch/testdata and
 * patch_test.go (merge by key, `$patch: delete|replace`, `$retainKeys`, `$deleteFromPrimitiveList`,
 * null deletes, non-merge lists replaced); merge cases are RFC 7386 Appendix A; JSON patch cases are
 * RFC 6902 Appendix A.
 */
import { describe, expect, it } from "vitest";
import { goValue } from "../../../src/engine/api/patch/gofmt";
import { parseGoJson } from "../../../src/engine/api/patch/gojson";
import { jsonPatch } from "../../../src/engine/api/patch/json-patch";
import { jsonMergePatch } from "../../../src/engine/api/patch/merge";
import { PatchError, strategicMergePatch } from "../../../src/engine/api/patch/strategic";
import { schemaFor } from "../../../src/engine/model/schema-kinds";

const POD = schemaFor("Pod");
const DEPLOY = schemaFor("Deployment");

describe("strategic merge patch", () => {
  const cases: { name: string; original: unknown; patch: unknown; want: unknown }[] = [
    {
      name: "containers merge by name, other fields kept",
      original: {
        spec: {
          containers: [
            { name: "a", image: "a:1", ports: [{ containerPort: 80 }] },
            { name: "b", image: "b:1" },
          ],
        },
      },
      patch: { spec: { containers: [{ name: "b", image: "b:2" }] } },
      want: {
        spec: {
          containers: [
            { name: "a", image: "a:1", ports: [{ containerPort: 80 }] },
            { name: "b", image: "b:2" },
          ],
        },
      },
    },
    {
      name: "a new container is appended",
      original: { spec: { containers: [{ name: "a", image: "a:1" }] } },
      patch: { spec: { containers: [{ name: "c", image: "c:1" }] } },
      want: {
        spec: {
          containers: [
            { name: "a", image: "a:1" },
            { name: "c", image: "c:1" },
          ],
        },
      },
    },
    {
      name: "$patch: delete removes the item with that key",
      original: {
        spec: {
          containers: [
            { name: "a", image: "a:1" },
            { name: "b", image: "b:1" },
          ],
        },
      },
      patch: { spec: { containers: [{ name: "a", $patch: "delete" }] } },
      want: { spec: { containers: [{ name: "b", image: "b:1" }] } },
    },
    {
      name: "$patch: replace in a list replaces the whole list",
      original: {
        spec: {
          containers: [
            { name: "a", image: "a:1" },
            { name: "b", image: "b:1" },
          ],
        },
      },
      patch: { spec: { containers: [{ name: "z", image: "z:1" }, { $patch: "replace" }] } },
      want: { spec: { containers: [{ name: "z", image: "z:1" }] } },
    },
    {
      name: "$patch: replace on a map replaces the map",
      original: { metadata: { labels: { a: "1", b: "2" } } },
      patch: { metadata: { labels: { c: "3", $patch: "replace" } } },
      want: { metadata: { labels: { c: "3" } } },
    },
    {
      name: "null deletes a key; maps merge",
      original: { metadata: { labels: { a: "1", b: "2" } } },
      patch: { metadata: { labels: { a: null, c: "3" } } },
      want: { metadata: { labels: { b: "2", c: "3" } } },
    },
    {
      name: "env merges by name and ports by containerPort",
      original: {
        spec: {
          containers: [
            { name: "a", env: [{ name: "X", value: "1" }], ports: [{ containerPort: 80, name: "http" }] },
          ],
        },
      },
      patch: {
        spec: {
          containers: [
            { name: "a", env: [{ name: "Y", value: "2" }], ports: [{ containerPort: 80, protocol: "TCP" }] },
          ],
        },
      },
      want: {
        spec: {
          containers: [
            {
              name: "a",
              env: [
                { name: "X", value: "1" },
                { name: "Y", value: "2" },
              ],
              ports: [{ containerPort: 80, name: "http", protocol: "TCP" }],
            },
          ],
        },
      },
    },
    {
      name: "a list without a patch strategy (command, tolerations) is replaced",
      original: { spec: { containers: [{ name: "a", command: ["x", "y"] }], tolerations: [{ key: "k" }] } },
      patch: { spec: { containers: [{ name: "a", command: ["z"] }], tolerations: [{ key: "j" }] } },
      want: { spec: { containers: [{ name: "a", command: ["z"] }], tolerations: [{ key: "j" }] } },
    },
    {
      name: "finalizers (merge strategy, primitives) are a union; $deleteFromPrimitiveList removes",
      original: { metadata: { finalizers: ["a", "b"] } },
      patch: { metadata: { finalizers: ["b", "c"], "$deleteFromPrimitiveList/finalizers": ["a"] } },
      want: { metadata: { finalizers: ["b", "c"] } },
    },
    {
      name: "$setElementOrder is ignored",
      original: { spec: { containers: [{ name: "a", image: "a:1" }] } },
      patch: {
        spec: { "$setElementOrder/containers": [{ name: "a" }], containers: [{ name: "a", image: "a:2" }] },
      },
      want: { spec: { containers: [{ name: "a", image: "a:2" }] } },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(strategicMergePatch(c.original, c.patch, POD)).toEqual(c.want);
    });
  }

  it("$retainKeys drops the keys not listed (Deployment strategy Recreate)", () => {
    const original = { spec: { strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1 } } } };
    const patch = { spec: { strategy: { $retainKeys: ["type"], type: "Recreate" } } };
    expect(strategicMergePatch(original, patch, DEPLOY)).toEqual({
      spec: { strategy: { type: "Recreate" } },
    });
  });

  it("a container without its merge key is the real error", () => {
    const patch = { spec: { containers: [{ image: "nginx:1.25" }] } };
    expect(() => strategicMergePatch({ spec: { containers: [{ name: "a" }] } }, patch, POD)).toThrow(
      new PatchError("map: map[image:nginx:1.25] does not contain declared merge key: name"),
    );
  });

  it("does not change its arguments", () => {
    const original = { metadata: { labels: { a: "1" } } };
    strategicMergePatch(original, { metadata: { labels: { a: null } } }, POD);
    expect(original).toEqual({ metadata: { labels: { a: "1" } } });
  });
});

describe("JSON merge patch (RFC 7386 Appendix A)", () => {
  const table: [unknown, unknown, unknown][] = [
    [{ a: "b" }, { a: "c" }, { a: "c" }],
    [{ a: "b" }, { b: "c" }, { a: "b", b: "c" }],
    [{ a: "b" }, { a: null }, {}],
    [{ a: "b", b: "c" }, { a: null }, { b: "c" }],
    [{ a: ["b"] }, { a: "c" }, { a: "c" }],
    [{ a: "c" }, { a: ["b"] }, { a: ["b"] }],
    [{ a: { b: "c" } }, { a: { b: "d", c: null } }, { a: { b: "d" } }],
    [{ a: [{ b: "c" }] }, { a: [1] }, { a: [1] }],
    [
      ["a", "b"],
      ["c", "d"],
      ["c", "d"],
    ],
    [{ a: "b" }, ["c"], ["c"]],
    [{ a: "foo" }, null, null],
    [{ a: "foo" }, "bar", "bar"],
    [{ e: null }, { a: 1 }, { e: null, a: 1 }],
    [[1, 2], { a: "b", c: null }, { a: "b" }],
    [{}, { a: { bb: { ccc: null } } }, { a: { bb: {} } }],
  ];
  for (const [target, patch, want] of table) {
    it(`${JSON.stringify(target)} + ${JSON.stringify(patch)}`, () => {
      expect(jsonMergePatch(target, patch)).toEqual(want);
    });
  }
});

describe("JSON patch (RFC 6902 Appendix A)", () => {
  const ok: [string, unknown, unknown, unknown][] = [
    [
      "A.1 add an object member",
      { foo: "bar" },
      [{ op: "add", path: "/baz", value: "qux" }],
      { baz: "qux", foo: "bar" },
    ],
    [
      "A.2 add an array element",
      { foo: ["bar", "baz"] },
      [{ op: "add", path: "/foo/1", value: "qux" }],
      { foo: ["bar", "qux", "baz"] },
    ],
    [
      "A.3 remove an object member",
      { baz: "qux", foo: "bar" },
      [{ op: "remove", path: "/baz" }],
      { foo: "bar" },
    ],
    [
      "A.4 remove an array element",
      { foo: ["bar", "qux", "baz"] },
      [{ op: "remove", path: "/foo/1" }],
      { foo: ["bar", "baz"] },
    ],
    [
      "A.5 replace a value",
      { baz: "qux", foo: "bar" },
      [{ op: "replace", path: "/baz", value: "boo" }],
      { baz: "boo", foo: "bar" },
    ],
    [
      "A.6 move a value",
      { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } },
      [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }],
      { foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } },
    ],
    [
      "A.7 move an array element",
      { foo: ["all", "grass", "cows", "eat"] },
      [{ op: "move", from: "/foo/1", path: "/foo/3" }],
      { foo: ["all", "cows", "eat", "grass"] },
    ],
    [
      "A.8 test a value: success",
      { baz: "qux", foo: ["a", 2, "c"] },
      [
        { op: "test", path: "/baz", value: "qux" },
        { op: "test", path: "/foo/1", value: 2 },
      ],
      { baz: "qux", foo: ["a", 2, "c"] },
    ],
    [
      "A.10 add a nested member object",
      { foo: "bar" },
      [{ op: "add", path: "/child", value: { grandchild: {} } }],
      { foo: "bar", child: { grandchild: {} } },
    ],
    [
      "A.14 ~ escape ordering",
      { "/": 9, "~1": 10 },
      [{ op: "test", path: "/~01", value: 10 }],
      { "/": 9, "~1": 10 },
    ],
    [
      "A.16 add an array value",
      { foo: ["bar"] },
      [{ op: "add", path: "/foo/-", value: ["abc", "def"] }],
      { foo: ["bar", ["abc", "def"]] },
    ],
  ];
  for (const [name, doc, patch, want] of ok) {
    it(name, () => {
      expect(jsonPatch(doc, patch)).toEqual(want);
    });
  }

  it("A.9 test a value: error", () => {
    expect(() => jsonPatch({ baz: "qux" }, [{ op: "test", path: "/baz", value: "bar" }])).toThrow(
      "testing value /baz failed: test failed",
    );
  });
  it("A.12 adding to a nonexistent target", () => {
    expect(() => jsonPatch({ foo: "bar" }, [{ op: "add", path: "/baz/bat", value: "qux" }])).toThrow(
      'add operation does not apply: doc is missing path: "/baz/bat": missing value',
    );
  });
  it("an object instead of an array is the decoding error the server gives", () => {
    expect(() => jsonPatch({}, { op: "add" })).toThrow(
      "json: cannot unmarshal object into Go value of type jsonpatch.Patch",
    );
  });
});

describe("Go renderings", () => {
  it("%v of a patch map (keys sorted, strings bare)", () => {
    expect(goValue({ spec: { replicas: "three", a: [1, true, null] } })).toBe(
      "map[spec:map[a:[1 true <nil>] replicas:three]]",
    );
  });
  it("Go's JSON syntax errors", () => {
    expect(() => parseGoJson("{spec: 1}")).toThrow(
      "invalid character 's' looking for beginning of object key string",
    );
    expect(() => parseGoJson('{"spec": {"replicas": 3}')).toThrow("unexpected end of JSON input");
    expect(() => parseGoJson('{"a" 1}')).toThrow("invalid character '1' after object key");
    expect(() => parseGoJson('{"a": 1} x')).toThrow("invalid character 'x' after top-level value");
  });
});
