/**
 * How kubectl takes its input: `-f FILE|-` on every verb (the objects named in the manifests are the
 * targets), standard input piped or typed until Ctrl-D, `--field-selector`, and cobra's unknown-command
 * error. Expected lines were printed by real kubectl v1.32.4 (against test/support/fake-apiserver.ts
 * for the server-side cases, with the same manifests), or come from the Kubernetes source quoted.
 */
import { describe, expect, it } from "vitest";
import { SVC, world } from "./input-world";

describe("-f FILE: the objects named in the manifests", () => {
  it("get -f lists each object; -l filters on the file's labels", () => {
    const s = world();
    expect(s.k("get -f d.yaml -o name")).toEqual({
      stdout: "deployment.apps/http-go\nservice/http-go\n",
      stderr: "",
      exit: 0,
    });
    expect(s.k("get -f d.yaml -l app=http-go -o name").stdout).toBe("deployment.apps/http-go\n");
  });

  it("one object from one file prints as itself, several as a List", () => {
    const s = world();
    expect(s.k("get -f dep.yaml -o yaml").stdout.split("\n").slice(0, 2)).toEqual([
      "apiVersion: apps/v1",
      "kind: Deployment",
    ]);
    expect(s.k("get -f d.yaml -o yaml").stdout.split("\n").slice(0, 3)).toEqual([
      "apiVersion: v1",
      "items:",
      "- apiVersion: apps/v1",
    ]);
  });

  it("a folder or standard input is never a single item: a List even for one object", () => {
    const s = world();
    s.files.write("dir/svc.yaml", SVC);
    s.files.write("dir/notes.txt", "not a manifest");
    expect(s.k("get -f dir -o name").stdout).toBe("service/http-go\n");
    expect(s.k("get -f dir -o yaml").stdout.split("\n").slice(0, 2)).toEqual(["apiVersion: v1", "items:"]);
    s.stdin = SVC;
    expect(s.k("get -f - -o yaml").stdout.split("\n").slice(0, 2)).toEqual(["apiVersion: v1", "items:"]);
  });

  it("resource arguments beside -f are refused as the builder does", () => {
    const s = world();
    const paths =
      "error: when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well\n";
    expect(s.k("get deploy http-go -f d.yaml")).toEqual({ stdout: "", stderr: paths, exit: 1 });
    expect(s.k("label -f d.yaml deploy a=b").stderr).toBe(paths);
    expect(s.k("delete -f d.yaml deploy x").stderr).toBe(paths);
    expect(s.k("scale -f d.yaml deploy/x --replicas=2")).toEqual({
      stdout: "",
      stderr: "error: resource/name arguments cannot be provided when a path is specified\n",
      exit: 1,
    });
  });

  it.each([
    "get -f nope.yaml",
    "describe -f nope.yaml",
    "rollout history -f nope.yaml",
    "rollout status -f nope.yaml",
    "rollout undo -f nope.yaml",
    "rollout pause -f nope.yaml",
    "rollout resume -f nope.yaml",
    "rollout restart -f nope.yaml",
    "scale --replicas=2 -f nope.yaml",
    "edit -f nope.yaml",
    "label -f nope.yaml a=b",
    "annotate -f nope.yaml a=b",
    "set image -f nope.yaml a=b",
    "delete -f nope.yaml",
  ])("%s: the missing path", (line) => {
    expect(world().k(line)).toEqual({
      stdout: "",
      stderr: 'error: the path "nope.yaml" does not exist\n',
      exit: 1,
    });
  });

  it("write verbs act on each object of the file (client dry run)", () => {
    const s = world();
    expect(s.k("label -f d.yaml a=b --dry-run=client").stdout).toBe(
      "deployment.apps/http-go labeled (dry run)\nservice/http-go labeled (dry run)\n",
    );
    expect(s.k("annotate -f d.yaml a=b --dry-run=client").stdout).toBe(
      "deployment.apps/http-go annotated (dry run)\nservice/http-go annotated (dry run)\n",
    );
    expect(s.k("delete -f d.yaml --dry-run=client").stdout).toBe(
      'deployment.apps "http-go" deleted (dry run)\nservice "http-go" deleted (dry run)\n',
    );
  });

  it("set image -f on a file with a Service: the image updated, then the Service's error", () => {
    expect(world().k("set image -f d.yaml http-go=x --dry-run=client")).toEqual({
      stdout: "deployment.apps/http-go image updated (dry run)\n",
      stderr:
        "error: services/http-go the object is not a pod or does not have a pod template: *v1.Service\n",
      exit: 1,
    });
  });

  it("edit -f edits the objects of the file", () => {
    const s = world();
    s.editor = (c) => c.replace("  replicas: 3\n", "  replicas: 5\n");
    expect(s.k("edit -f dep.yaml")).toEqual({
      stdout: "deployment.apps/http-go edited\n",
      stderr: "",
      exit: 0,
    });
    expect(s.k("get deploy http-go -o jsonpath={.spec.replicas}").stdout).toBe("5");
  });

  it("scale, label and set image -f change the live objects", () => {
    const s = world();
    expect(s.k("scale -f dep.yaml --replicas=5")).toEqual({
      stdout: "deployment.apps/http-go scaled\n",
      stderr: "",
      exit: 0,
    });
    expect(s.k("get deploy http-go -o jsonpath={.spec.replicas}").stdout).toBe("5");
    expect(s.k("set image -f dep.yaml http-go=gasbugs/http-go:v3").stdout).toBe(
      "deployment.apps/http-go image updated\n",
    );
    expect(s.k("label -f svc.yaml tier=web").stdout).toBe("service/http-go labeled\n");
  });

  it("rollout history -f: the Deployment's table, then the Service's visitor error", () => {
    const r = world().k("rollout history -f d.yaml");
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(["deployment.apps/http-go ", "REVISION  CHANGE-CAUSE"]);
    expect(r.stderr).toBe(
      'error: error retrieving history for "Service", no visitor method exists for { Service}\n',
    );
    expect(r.exit).toBe(1);
  });

  it("rollout status -f visits the Deployment, then fails on the Service", () => {
    const r = world().k("rollout status -f d.yaml --watch=false");
    expect(r.stdout.startsWith('Waiting for deployment "http-go" rollout to finish')).toBe(true);
    expect(r.stderr).toBe("error: no status viewer has been implemented for Service\n");
    expect(r.exit).toBe(1);
  });

  it("delete -f names the file in errors (AddSourceToErr)", () => {
    const s = world();
    expect(s.k("delete -f d.yaml").stdout).toBe(
      'deployment.apps "http-go" deleted\nservice "http-go" deleted\n',
    );
    expect(s.k("delete -f d.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (NotFound): error when deleting "d.yaml": deployments.apps "http-go" not found\n' +
        'Error from server (NotFound): error when deleting "d.yaml": services "http-go" not found\n',
      exit: 1,
    });
  });
});

describe("-f -: standard input", () => {
  it("reads the piped text (named STDIN in errors)", () => {
    const s = world();
    s.stdin = SVC.replace("name: http-go", "name: other");
    expect(s.k("apply -f -").stdout).toBe("service/other created\n");
    expect(s.k("get -f - -o name").stdout).toBe("service/other\n");
    s.stdin = "a:\n\tb: c\n";
    expect(s.k("apply -f -").stderr).toBe(
      "error: error parsing STDIN: error converting YAML to JSON: yaml: line 2: found character that cannot start any token\n",
    );
    s.stdin = "metadata:\n  name: x\n";
    expect(s.k("apply -f -").stderr).toBe(
      'error: error validating "STDIN": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
  });

  it("empty input: nothing to apply; get finds nothing", () => {
    const s = world();
    s.stdin = "";
    expect(s.k("apply -f -")).toEqual({ stdout: "", stderr: "error: no objects passed to apply\n", exit: 1 });
    expect(s.k("get -f -")).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exit: 0,
    });
  });

  it("- twice is refused", () => {
    const s = world();
    s.stdin = SVC;
    expect(s.k("get -f - -f -").stderr).toBe("error: standard input cannot be used for multiple arguments\n");
  });

  it("on a terminal, reads typed lines until Ctrl-D", () => {
    const s = world();
    s.terminal = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: typed"];
    expect(s.k("apply -f -")).toEqual({ stdout: "configmap/typed created\n", stderr: "", exit: 0 });
    expect(s.terminal).toEqual([]);
  });
});

describe("--field-selector", () => {
  it("selects with =, == and != on the fields the server supports", () => {
    const s = world();
    expect(s.k("get deploy --field-selector metadata.name==http-go -o name").stdout).toBe(
      "deployment.apps/http-go\n",
    );
    expect(s.k("get deploy --field-selector metadata.name!=http-go")).toEqual({
      stdout: "",
      stderr: "No resources found in default namespace.\n",
      exit: 0,
    });
    expect(s.k("get svc --field-selector spec.type=ClusterIP -o name").stdout).toBe(
      "service/http-go\nservice/kubernetes\n",
    );
    s.k("rollout status deploy/http-go");
    const rs = s.k("get rs --field-selector status.replicas=0 -o name").stdout;
    expect(rs.split("\n").filter(Boolean).length).toBe(1);
  });

  it("an unsupported field: the server's BadRequest as kubectl's EnhanceListError wraps it", () => {
    const s = world();
    // pkg/apis/core/v1/conversion.go: `field label not supported: %s`; other kinds use
    // DefaultMetaV1FieldSelectorConversion; the subject is GroupVersionResource.String().
    expect(s.k("get pods --field-selector foo=bar").stderr).toBe(
      'Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo=bar": field label not supported: foo\n',
    );
    expect(s.k("get deploy --field-selector spec.replicas=3").stderr).toBe(
      'Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "", field selector "spec.replicas=3": "spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"\n',
    );
  });

  it("names and a field selector do not mix", () => {
    expect(world().k("get deploy http-go --field-selector metadata.name=x").stderr).toBe(
      "error: name cannot be provided when a selector is specified\n",
    );
  });

  it("delete --field-selector deletes what matches", () => {
    const s = world();
    expect(s.k("delete svc --field-selector metadata.name=http-go").stdout).toBe(
      'service "http-go" deleted\n',
    );
  });
});

describe("unknown commands", () => {
  it.each([
    ["foo", "\n\nDid you mean this?\n\ttop\n"],
    ["rollot", "\n\nDid you mean this?\n\trollout\n"],
    ["dif", "\n\nDid you mean this?\n\tedit\n\tdiff\n"],
    ["s", "\n\nDid you mean this?\n\tset\n\tscale\n\tcp\n"],
    ["e", "\n\nDid you mean this?\n\texpose\n\tset\n\texplain\n\tget\n\tedit\n\texec\n\tcp\n\tevents\n"],
    ["ap", "\n\nDid you mean this?\n\ttop\n\tcp\n\tapply\n\tapi-versions\n\tapi-resources\n"],
    ["co", "\n\nDid you mean this?\n\ttop\n\tcordon\n\tcp\n\tcompletion\n\tconfig\n"],
    ["hel", "\n\nDid you mean this?\n\tset\n\tget\n"],
    ["zzzzzz", ""],
  ])("kubectl %s", (word, tail) => {
    expect(world().k(word)).toEqual({
      stdout: "",
      stderr: `Error: unknown command "${word}" for "kubectl"${tail}\n`,
      exit: 1,
    });
  });

  it("a real command the sandbox lacks says so instead of suggesting itself", () => {
    expect(world().k("cp a b")).toEqual({
      stdout: "",
      stderr: 'error: "kubectl cp" is not available in this sandbox\n',
      exit: 1,
    });
  });
});
