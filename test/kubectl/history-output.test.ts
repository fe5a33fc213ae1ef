/**
 * `rollout history -o json|yaml|name` compared with real kubectl v1.32.4 run at test time against the
 * same objects (the sandbox's Deployment and ReplicaSets served by test/support/fake-apiserver.ts): the
 * typed ReplicaSet in Go struct order, `creationTimestamp: null` in the template, `---` between YAML
 * documents. Without a kubectl on PATH the whole-line facts checked by hand against it are asserted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../../src/engine";
import { type FakeApiServer, hasKubectl, startFakeApiServer } from "../support/fake-apiserver";
import { HTTP_GO_V1, Sandbox } from "./write/harness";

let server: FakeApiServer | undefined;
let useKubectl = false;
const sandbox = new Sandbox({ "dep.yaml": HTTP_GO_V1 });

beforeAll(async () => {
  useKubectl = await hasKubectl();
  sandbox.k("apply -f dep.yaml");
  sandbox.k("set image deploy/http-go http-go=gasbugs/http-go:v2 --record");
  sandbox.k("rollout status deploy/http-go");
  const state = sandbox.cluster.state;
  const objects = [
    ...(state.objects.deployments?.values() ?? []),
    ...(state.objects.replicasets?.values() ?? []),
  ] as KObject[];
  if (useKubectl) server = await startFakeApiServer(structuredClone(objects));
});
afterAll(async () => {
  await server?.close();
});

describe("rollout history -o, against real kubectl v1.32.4", () => {
  it.each([
    ["json --revision=1", ["-o", "json", "--revision=1"]],
    ["json, every revision", ["-o", "json"]],
    ["yaml, every revision", ["-o", "yaml"]],
    ["name", ["-o", "name"]],
  ])("%s", async (_name, flags) => {
    const ours = sandbox.run(["rollout", "history", "deploy/http-go", ...flags]);
    expect(ours.exit).toBe(0);
    if (server) {
      const real = await server.kubectl(["rollout", "history", "deploy/http-go", ...flags]);
      expect(ours.stdout.split("\n")).toEqual(real.stdout.split("\n"));
      return;
    }
    const lines = ours.stdout.split("\n");
    if (flags[1] === "json")
      expect(lines.slice(0, 4)).toEqual([
        "{",
        '    "kind": "ReplicaSet",',
        '    "apiVersion": "apps/v1",',
        '    "metadata": {',
      ]);
    else if (flags[1] === "yaml") expect(lines).toContain("      creationTimestamp: null");
    else expect(lines.every((l) => l === "" || l.startsWith("replicaset.apps/http-go-"))).toBe(true);
  });
});
