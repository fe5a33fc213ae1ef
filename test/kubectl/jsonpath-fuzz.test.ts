/**
 * Property (issue 3, "bad input never throws"): any template made of JSONPath pieces and garbage either
 * prints or fails with kubectl's `error parsing jsonpath …` / `error executing jsonpath …` message; the
 * evaluator never throws anything else, on a List of real-looking objects.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CmdError } from "../../src/kubectl/errors";
import { runJsonPath } from "../../src/kubectl/printers/jsonpath";

const PIECES = [
  "{",
  "}",
  ".",
  "..",
  "[",
  "]",
  "*",
  ",",
  ":",
  "-1",
  "0",
  "2",
  "[?(",
  ")]",
  "@",
  "$",
  "==",
  "!=",
  "<",
  ">=",
  '"x"',
  "'y'",
  "\\",
  "range",
  "end",
  "true",
  "1.5",
  " ",
  "items",
  "metadata",
  "name",
  "labels",
  "spec",
  "containers",
  "image",
  "replicas",
  "{range .items[*]}",
  "{end}",
  '{"\\n"}',
  "{.items[*].metadata.name}",
];

const DATA = {
  apiVersion: "v1",
  kind: "List",
  metadata: { resourceVersion: "" },
  items: [
    {
      kind: "Deployment",
      metadata: { name: "web", labels: { app: "web", "app.kubernetes.io/name": "web" } },
      spec: { replicas: 2, template: { spec: { containers: [{ name: "c", image: "i:1" }] } } },
      status: { conditions: [{ type: "Available", status: "True" }], ready: true },
    },
    { kind: "Pod", metadata: { name: "p", labels: {} }, spec: { containers: [] } },
  ],
};

describe("jsonpath never throws but kubectl's errors", () => {
  it("RJ1: any template prints or fails with a CmdError", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ maxLength: 4 })), { maxLength: 14 }),
        (parts) => {
          const template = parts.join("");
          try {
            expect(typeof runJsonPath(template, DATA)).toBe("string");
          } catch (e) {
            expect(e).toBeInstanceOf(CmdError);
            expect((e as Error).message).toMatch(/^error (parsing|executing) jsonpath /);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});
