/**
 * Client-side output of the write verbs compared with real kubectl v1.32.4 (run at test time when on
 * PATH, else its stored output): `create deployment --dry-run=client -o yaml` and the manifest loader's
 * errors for bad YAML, tabs, JSON, missing kind/apiVersion and missing paths.
 */
import { describe, expect, it } from "vitest";
import { Sandbox } from "./harness";
import { realKubectl } from "./real";

const DRY_RUN_YAML = `apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: web
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: web
    spec:
      containers:
      - image: gcr.io/google-samples/hello-app:1.0
        name: hello-app
        ports:
        - containerPort: 8080
        resources: {}
status: {}
`;

describe("create deployment --dry-run=client", () => {
  const args = [
    "create",
    "deployment",
    "web",
    "--image=gcr.io/google-samples/hello-app:1.0",
    "--replicas=3",
    "--port=8080",
    "--dry-run=client",
  ];

  it("-o yaml is real kubectl's text", () => {
    const real = realKubectl([...args, "-o", "yaml"], {}, { stdout: DRY_RUN_YAML, stderr: "" });
    const ours = new Sandbox().run([...args, "-o", "yaml"]);
    expect(ours).toEqual({ ...real, exit: 0 });
  });

  it("the name printer lines", () => {
    const real = realKubectl(args, {}, { stdout: "deployment.apps/web created (dry run)\n", stderr: "" });
    expect(new Sandbox().run(args).stdout).toBe(real.stdout);
    const name = realKubectl([...args, "-o", "name"], {}, { stdout: "deployment.apps/web\n", stderr: "" });
    expect(new Sandbox().run([...args, "-o", "name"]).stdout).toBe(name.stdout);
  });
});

const BAD: Record<string, { text: string; stderr: string }> = {
  "indent.yaml": {
    text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n spec: 1\n",
    stderr:
      "error: error parsing indent.yaml: error converting YAML to JSON: yaml: line 4: did not find expected key\n",
  },
  "tab.yaml": {
    text: "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\nspec:\n\treplicas: 1\n",
    stderr:
      "error: error parsing tab.yaml: error converting YAML to JSON: yaml: line 6: found character that cannot start any token\n",
  },
  "compact.yaml": {
    text: "a: b: c\n",
    stderr:
      "error: error parsing compact.yaml: error converting YAML to JSON: yaml: mapping values are not allowed in this context\n",
  },
  "flow.yaml": {
    text: "a: [1, 2\n",
    stderr:
      "error: error parsing flow.yaml: error converting YAML to JSON: yaml: line 1: did not find expected ',' or ']'\n",
  },
  "quote.yaml": {
    text: 'a: "x\n',
    stderr:
      "error: error parsing quote.yaml: error converting YAML to JSON: yaml: line 2: found unexpected end of stream\n",
  },
  "item.yaml": {
    text: "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: a\n    image: b\n   ports: 1\n",
    stderr:
      "error: error parsing item.yaml: error converting YAML to JSON: yaml: line 8: did not find expected key\n",
  },
  "nokind.yaml": {
    text: "foo: bar\n",
    stderr:
      'error: error validating "nokind.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  "noapi.yaml": {
    text: "kind: Deployment\nmetadata:\n  name: x\n",
    stderr:
      'error: error validating "noapi.yaml": error validating data: apiVersion not set; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  "list.yaml": {
    text: "- a\n- b\n",
    stderr:
      'error: error validating "list.yaml": error validating data: invalid object to validate; if you choose to ignore these errors, turn validation off with --validate=false\n',
  },
  "bad.json": {
    text: '{"a": x}\n',
    stderr:
      "error: error parsing bad.json: json: offset 7: invalid character 'x' looking for beginning of value\n",
  },
  "cut.json": { text: '{"a":\n', stderr: "error: error parsing cut.json: unexpected EOF\n" },
};

describe("manifest errors (apply and create, --dry-run=client)", () => {
  for (const [file, { text, stderr }] of Object.entries(BAD)) {
    for (const verb of ["apply", "create"]) {
      it(`${verb} -f ${file}`, () => {
        const args = [verb, "-f", file, "--dry-run=client"];
        const real = realKubectl(args, { [file]: text }, { stdout: "", stderr });
        expect(new Sandbox({ [file]: text }).run(args)).toEqual({ ...real, exit: 1 });
      });
    }
  }

  it("a missing path, no -f, an empty file", () => {
    for (const [args, stderr] of [
      [["apply", "-f", "missing.yaml"], 'error: the path "missing.yaml" does not exist\n'],
      [["create", "-f", "missing.yaml"], 'error: the path "missing.yaml" does not exist\n'],
      [["apply"], "error: must specify one of -f and -k\n"],
      [["apply", "-f", "empty.yaml"], "error: no objects passed to apply\n"],
      [["create", "-f", "empty.yaml"], "error: no objects passed to create\n"],
    ] as const) {
      const real = realKubectl([...args, "--dry-run=client"], { "empty.yaml": "" }, { stdout: "", stderr });
      expect(new Sandbox({ "empty.yaml": "" }).run([...args, "--dry-run=client"])).toEqual({
        ...real,
        exit: 1,
      });
    }
  });
});

describe("usage errors answered without a cluster", () => {
  const cases: [string[], string][] = [
    [
      ["run", "--image=busybox"],
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
    ],
    [["exec"], "error: pod, type/name or --filename must be specified\n"],
    [["exec", "x"], "error: you must specify at least one command for the container\n"],
    [
      ["exec", "x", "ls"],
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    ],
    [
      ["patch", "deploy", "x"],
      "error: must specify --patch or --patch-file containing the contents of the patch\n",
    ],
    [["label", "deploy"], "error: at least one label update is required\n"],
    [
      ["annotate"],
      "error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n",
    ],
    [
      ["delete"],
      "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    ],
    [
      ["create", "deployment", "x", "--image=nginx", "--record"],
      "Error: unknown flag: --record\nSee 'kubectl create deployment --help' for usage.\n",
    ],
    [
      ["delete", "deploy", "x", "--record"],
      "Error: unknown flag: --record\nSee 'kubectl delete --help' for usage.\n",
    ],
  ];
  for (const [args, stderr] of cases) {
    it(args.join(" "), () => {
      const real = realKubectl(args, {}, { stdout: "", stderr });
      expect(new Sandbox().run(args)).toEqual({ ...real, exit: 1 });
    });
  }

  it("a missing required flag is logged by klog (v1.31+)", () => {
    for (const [args, flag] of [
      [["scale", "deploy/x"], "replicas"],
      [["run", "x"], "image"],
      [["create", "deployment", "x"], "image"],
    ] as const) {
      const line = new Sandbox().run([...args]).stderr;
      expect(line).toMatch(/^E\d{4} \d\d:\d\d:\d\d\.\d{6} +\d+ run\.go:72\] /);
      expect(line.slice(line.indexOf("]") + 2)).toBe(
        `"command failed" err="required flag(s) \\"${flag}\\" not set"\n`,
      );
    }
  });
});
