/**
 * `-f FILE` compared with real kubectl v1.32.4 run at test time against the sandbox's own objects (served
 * by test/support/fake-apiserver.ts), the same manifest on disk for both: the objects named in the file
 * are the targets, errors for kinds without a helper come after the output. Without a kubectl on PATH the
 * lines checked by hand against it are asserted.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../../src/engine";
import { type FakeApiServer, hasKubectl, startFakeApiServer } from "../support/fake-apiserver";
import { HTTP_GO_V1, Sandbox } from "./write/harness";

const SVC =
  "apiVersion: v1\nkind: Service\nmetadata:\n  name: http-go\nspec:\n  selector:\n    app: http-go\n  ports:\n  - port: 8080\n";
const FILE = join(mkdtempSync(join(tmpdir(), "kubectl-input-")), "d.yaml");
const MANIFEST = `${HTTP_GO_V1}---\n${SVC}`;
writeFileSync(FILE, MANIFEST);

let server: FakeApiServer | undefined;
const sandbox = new Sandbox({ [FILE]: MANIFEST });

beforeAll(async () => {
  sandbox.k(`apply -f ${FILE}`);
  sandbox.k("set image deploy/http-go http-go=gasbugs/http-go:v2 --record");
  sandbox.k("rollout status deploy/http-go");
  const o = sandbox.cluster.state.objects;
  const objects = [o.deployments, o.replicasets, o.services].flatMap((b) => b?.values() ?? []) as KObject[];
  if (await hasKubectl()) server = await startFakeApiServer(structuredClone(objects));
});
afterAll(async () => {
  await server?.close();
});

const CASES: [string, string[], { stdout: string; stderr: string; exit: number }][] = [
  [
    "get -f -o name",
    ["get", "-f", FILE, "-o", "name"],
    { stdout: "deployment.apps/http-go\nservice/http-go\n", stderr: "", exit: 0 },
  ],
  [
    "get -f -l",
    ["get", "-f", FILE, "-l", "app=http-go", "-o", "name"],
    { stdout: "deployment.apps/http-go\n", stderr: "", exit: 0 },
  ],
  [
    "get -f with a type",
    ["get", "deploy", "-f", FILE],
    {
      stdout: "",
      stderr:
        "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n",
      exit: 1,
    },
  ],
  [
    "rollout history -f",
    ["rollout", "history", "-f", FILE],
    {
      stdout:
        "deployment.apps/http-go \nREVISION  CHANGE-CAUSE\n1         <none>\n2         kubectl set image deploy/http-go http-go=gasbugs/http-go:v2 --record=true\n\n",
      stderr: 'error: error retrieving history for "Service", no visitor method exists for { Service}\n',
      exit: 1,
    },
  ],
];

describe("-f FILE against real kubectl v1.32.4", () => {
  it.each(CASES)("%s", async (_name, args, stored) => {
    const ours = sandbox.run(args);
    const real = server ? await server.kubectl(args) : stored;
    expect(ours).toEqual({ stdout: real.stdout, stderr: real.stderr, exit: real.exit });
  });
});
