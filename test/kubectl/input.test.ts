/**
 * How kubectl takes its input: `-f FILE|-` on every verb (the objects named in the manifests are the
 * targets), standard input piped or typed until Ctrl-D, `--field-selector`, and cobra's unknown-command
 * error. Expected lines were printed by real kubectl v1.32.4 (against test/support/fake-apiserver.ts
 * for the server-side cases, with the same manifests), or come from the Kubernetes source quoted.
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1, Sandbox } from "./write/harness";

const SVC = `apiVersion: v1
kind: Service
metadata:
  name: http-go
spec:
  selector:
    app: http-go
  ports:
  - port: 8080
`;

/** A sandbox with http-go (revisions 1 and 2) and its Service applied from d.yaml. */
function world(): Sandbox {
  const s = new Sandbox({ "d.yaml": `${HTTP_GO_V1}---\n${SVC}`, "dep.yaml": HTTP_GO_V1, "svc.yaml": SVC });
  s.k("apply -f d.yaml");
  s.k("set image deploy/http-go http-go=gasbugs/http-go:v2 --record");
  return s;
}

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

describe("rollout history -o (v1.32 prints each revision's ReplicaSet)", () => {
  /** The ReplicaSet names in revision order (read from their revision annotations). */
  function byRevision(s: Sandbox): string[] {
    const text = s.run([
      "get",
      "rs",
      "-o",
      'jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.metadata.name}{"\\n"}{end}',
    ]).stdout;
    return text
      .split("\n")
      .filter(Boolean)
      .map((l) => l.split(" "))
      .sort((a, b) => Number(a[0]) - Number(b[0]))
      .map((p) => p[1] as string);
  }

  it("-o name: one line per revision; --revision picks one", () => {
    const s = world();
    const [v1, v2] = byRevision(s);
    expect(s.k("rollout history deploy/http-go -o name").stdout).toBe(
      `replicaset.apps/${v1}\nreplicaset.apps/${v2}\n`,
    );
    expect(s.k("rollout history deploy/http-go -o name --revision=1").stdout).toBe(`replicaset.apps/${v1}\n`);
  });

  it("-o jsonpath runs the results together; -o yaml separates the documents with ---", () => {
    const s = world();
    const [v1, v2] = byRevision(s);
    expect(s.k("rollout history deploy/http-go -o jsonpath={.metadata.name}").stdout).toBe(`${v1}${v2}`);
    expect(s.k("rollout history deploy/http-go -o jsonpath={.metadata.name} --revision=2").stdout).toBe(v2);
    const yaml = s.k("rollout history deploy/http-go -o yaml").stdout.split("\n");
    expect(yaml.slice(0, 2)).toEqual(["apiVersion: apps/v1", "kind: ReplicaSet"]);
    expect(yaml.filter((l) => l === "---").length).toBe(1);
    expect(yaml[yaml.indexOf("---") + 1]).toBe("apiVersion: apps/v1");
  });

  it("-o wide is not a format of rollout history", () => {
    expect(world().k("rollout history deploy/http-go -o wide")).toEqual({
      stdout: "",
      stderr:
        'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
      exit: 1,
    });
  });
});

describe("scale through the scale subresource (scale.go: PATCH …/scale, or GET + UPDATE with a precondition)", () => {
  /** jane with the verbs given on deployments and deployments/scale. */
  function withRole(s: Sandbox, verbs: string, resources: string): void {
    s.k(`create role scaler --verb=${verbs} --resource=${resources}`);
    s.k("create rolebinding jane-scaler --role=scaler --user=jane");
  }

  it("a Role with get on deployments and patch on deployments/scale lets scale through", () => {
    const s = world();
    // The builder GETs the object first (RequireObject), so scaling needs `get` on deployments too.
    withRole(s, "get", "deployments");
    s.k("create role scale-only --verb=patch --resource=deployments/scale");
    s.k("create rolebinding jane-scale-only --role=scale-only --user=jane");
    expect(s.k("scale deploy http-go --replicas=4 --as=jane")).toEqual({
      stdout: "deployment.apps/http-go scaled\n",
      stderr: "",
      exit: 0,
    });
    expect(s.k("get deploy http-go -o jsonpath={.spec.replicas}").stdout).toBe("4");
  });

  it("a Role on deployments alone is refused on deployments/scale", () => {
    const s = world();
    withRole(s, "get,update,patch", "deployments");
    expect(s.k("scale deploy http-go --replicas=4 --as=jane")).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): deployments.apps "http-go" is forbidden: User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"\n',
      exit: 1,
    });
    expect(s.k("scale deploy http-go --replicas=4 --current-replicas=3 --as=jane").stderr).toBe(
      'Error from server (Forbidden): deployments.apps "http-go" is forbidden: User "jane" cannot get resource "deployments/scale" in API group "apps" in the namespace "default"\n',
    );
  });

  it("preconditions: --current-replicas and --resource-version (PreconditionError)", () => {
    const s = world();
    expect(s.k("scale deploy http-go --replicas=4 --current-replicas=2")).toEqual({
      stdout: "",
      stderr: "error: Expected replicas to be 2, was 3\n",
      exit: 1,
    });
    const rv = s.k("get deploy http-go -o jsonpath={.metadata.resourceVersion}").stdout;
    expect(s.k("scale deploy http-go --replicas=4 --resource-version=1").stderr).toBe(
      `error: Expected resource version to be 1, was ${rv}\n`,
    );
    expect(
      s.k(`scale deploy http-go --replicas=4 --resource-version=${rv} --current-replicas=3`).stdout,
    ).toBe("deployment.apps/http-go scaled\n");
  });

  it("a kind without a scale subresource: the server's 404", () => {
    expect(world().k("scale svc http-go --replicas=2")).toEqual({
      stdout: "",
      stderr: "Error from server (NotFound): the server could not find the requested resource\n",
      exit: 1,
    });
  });
});

describe("edit of several objects (editoptions.go: one kind: List buffer, objects matched by uid)", () => {
  /** Two Deployments, a and b. */
  function two(): Sandbox {
    const s = new Sandbox({});
    s.k("create deployment a --image=gasbugs/http-go:v1");
    s.k("create deployment b --image=gasbugs/http-go:v1");
    return s;
  }

  it("edit deploy a b: the buffer is a v1 List under the header", () => {
    const s = two();
    const seen: string[] = [];
    s.editor = (c) => {
      seen.push(c);
      return c;
    };
    expect(s.k("edit deploy a b")).toEqual({
      stdout: "",
      stderr: "Edit cancelled, no changes made.\n",
      exit: 0,
    });
    const lines = (seen[0] ?? "").split("\n");
    expect(lines.slice(4, 7)).toEqual(["apiVersion: v1", "items:", "- apiVersion: apps/v1"]);
    expect(lines.slice(-3)).toEqual(["kind: List", "metadata: {}", ""]);
  });

  it("a change to one object: that one `edited`, the other `skipped`", () => {
    const s = two();
    s.editor = (c) => c.replace("  replicas: 1\n", "  replicas: 2\n");
    expect(s.k("edit deploy a b")).toEqual({
      stdout: "deployment.apps/a edited\ndeployment.apps/b skipped\n",
      stderr: "",
      exit: 0,
    });
    expect(s.k("get deploy a -o jsonpath={.spec.replicas}").stdout).toBe("2");
  });

  it("edit deploy with no name edits every Deployment", () => {
    const s = two();
    s.editor = (c) => c.replaceAll("  replicas: 1\n", "  replicas: 3\n");
    expect(s.k("edit deploy").stdout).toBe("deployment.apps/a edited\ndeployment.apps/b edited\n");
  });

  it("one refused object: its error, the other edited, the file reopens; quitting keeps a copy", () => {
    const s = two();
    const seen: string[] = [];
    s.editor = (c) => {
      seen.push(c);
      if (seen.length > 1) return c;
      // Item a gets an invalid size, item b a valid one (the first `replicas:` of each item is its spec's).
      const [head = "", a = "", b = ""] = c.split("\n- apiVersion");
      const spec = (item: string, n: number) => item.replace("    replicas: 1\n", `    replicas: ${n}\n`);
      return [head, spec(a, -1), spec(b, 2)].join("\n- apiVersion");
    };
    const r = s.k("edit deploy a b");
    expect(r.stdout).toBe("deployment.apps/b edited\n");
    expect(r.stderr.split("\n")[0]).toBe('error: deployments.apps "a" is invalid');
    expect(r.stderr).toMatch(
      /\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(r.exit).toBe(1);
    expect((seen[1] ?? "").split("\n").slice(4, 6)).toEqual([
      '# deployments.apps "a" was not valid:',
      "# * spec.replicas: Invalid value: -1: must be greater than or equal to 0",
    ]);
  });
});

describe("scale flag checks (scale.go Validate and RunScale)", () => {
  it("--current-replicas below -1, and --resource-version with several targets", () => {
    const s = world();
    expect(s.k("scale deploy http-go --replicas=2 --current-replicas=-2").stderr).toBe(
      "error: The --current-replicas must specify an integer of -1 or greater\n",
    );
    s.k("create deployment other --image=gasbugs/http-go:v1");
    expect(s.k("scale deploy http-go other --replicas=2 --resource-version=5").stderr).toBe(
      "error: cannot use --resource-version with multiple resources\n",
    );
  });
});

describe("kubectl help", () => {
  it("help and help COMMAND [SUB] print the same text as -h", () => {
    const s = world();
    expect(s.k("help")).toEqual(s.k("-h"));
    expect(s.k("help rollout history")).toEqual(s.k("rollout history -h"));
    expect(s.k("help get").stdout.split("\n")[0]).toBe("Display one or many resources.");
  });
});
