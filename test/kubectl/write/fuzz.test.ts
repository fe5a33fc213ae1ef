/**
 * Property tests of the write path. Rules:
 * KW1: `kubectl patch` with any patch text and type never throws out of kubectl(), exits 0 or 1, and
 *      prints something (a success line or an error on stderr).
 * KW2: a failed patch or apply leaves the cluster exactly as it was (objects and resourceVersion).
 * KW3: `kubectl apply -f` of any YAML text never throws and answers with an exit code and a message.
 * KW4: strategic merge of an object with itself (as a patch) changes nothing.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { strategicMergePatch } from "../../../src/engine/api/patch/strategic";
import { schemaFor } from "../../../src/engine/model/schema-kinds";
import { HTTP_GO_V1, Sandbox } from "./harness";

const base = new Sandbox({ "http-go-v1.yaml": HTTP_GO_V1 });
// A pod quota keeps a random `replicas: 87000` from making 87,000 pods in one example (minutes, 2 GB):
// past 20 pods the ReplicaSet's creates are refused and it backs off, which is still a valid cluster.
base.k("create quota pods --hard=pods=20");
base.k("apply -f http-go-v1.yaml");

const work = new Sandbox();

/** The shared sandbox, put back to the state after the first apply (restoring a value is cheap). */
function fresh(): Sandbox {
  work.cluster.restore(base.cluster.state);
  return work;
}

const key = fc.constantFrom(
  "spec",
  "metadata",
  "replicas",
  "template",
  "containers",
  "name",
  "image",
  "labels",
  "$patch",
  "foo",
  "ports",
  "containerPort",
  "selector",
  "matchLabels",
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -3, max: 100000 }),
    fc.string({ maxLength: 8 }),
    fc.array(tie("value"), { maxLength: 3 }),
    fc.dictionary(key, tie("value"), { maxKeys: 4 }),
  ),
})).value;

const patchText = fc.oneof(
  json.map((v) => JSON.stringify({ spec: v })),
  json.map((v) => JSON.stringify(v)),
  fc.string({ maxLength: 30 }),
  fc
    .array(
      fc.record({
        op: fc.constantFrom("add", "remove", "replace", "move", "copy", "test", "x"),
        path: fc.constantFrom(
          "/spec/replicas",
          "/spec/foo",
          "/metadata/labels/a",
          "",
          "/spec/template/spec/containers/0/image",
          "x",
        ),
        value: json,
      }),
    )
    .map((ops) => JSON.stringify(ops)),
);

describe("fuzz", () => {
  it("the pod quota holds a huge replicas patch to 20 pods", () => {
    const s = fresh();
    expect(s.run(["patch", "deployment", "http-go", "-p", '{"spec":{"replicas":90000}}']).stdout).toBe(
      "deployment.apps/http-go patched\n",
    );
    expect(s.cluster.state.objects.pods?.keys() ?? []).toHaveLength(20);
  });

  it("KW1, KW2: random patches", () => {
    fc.assert(
      fc.property(patchText, fc.constantFrom("strategic", "merge", "json"), (text, type) => {
        const s = fresh();
        const before = JSON.stringify(s.cluster.state.objects);
        const r = s.run(["patch", "deployment", "http-go", "--type", type, "-p", text]);
        expect([0, 1]).toContain(r.exit);
        expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
        if (r.exit !== 0) expect(JSON.stringify(s.cluster.state.objects)).toBe(before);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("KW2, KW3: random YAML manifests", () => {
    const yamlText = fc.oneof(
      fc.string({ maxLength: 60 }),
      json.map(
        (v) =>
          `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: http-go\nspec: ${JSON.stringify(v)}\n`,
      ),
      fc
        .array(
          fc.constantFrom(
            "a: 1",
            "  b: 2",
            "\tc: 3",
            "- d",
            "---",
            "e: [1",
            'f: "g',
            "kind: Pod",
            "apiVersion: v1",
            "metadata:",
            "  name: x",
          ),
        )
        .map((l) => l.join("\n")),
    );
    fc.assert(
      fc.property(yamlText, (text) => {
        const s = fresh();
        s.files.write("f.yaml", text);
        const before = JSON.stringify(s.cluster.state.objects);
        const r = s.run(["apply", "-f", "f.yaml"]);
        expect([0, 1]).toContain(r.exit);
        expect(r.stdout.length + r.stderr.length).toBeGreaterThan(0);
        if (r.exit !== 0 && r.stdout === "") expect(JSON.stringify(s.cluster.state.objects)).toBe(before);
      }),
      { numRuns: 100 },
    );
  }, 120_000);

  it("KW4: an object patched with itself is unchanged", () => {
    const d = base.cluster.read((api) => api.get("deployments", "default", "http-go"));
    fc.assert(
      fc.property(fc.constant(d), (obj) => {
        expect(strategicMergePatch(obj, obj, schemaFor("Deployment"))).toEqual(
          JSON.parse(JSON.stringify(obj)),
        );
      }),
      { numRuns: 1 },
    );
  });
});
