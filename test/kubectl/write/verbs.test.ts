/**
 * The write verbs against a simulated cluster, whole lines compared with kubectl-facts.md (§0.2, §4, §5,
 * §8, §9, §10): success lines, change-causes, warnings, and the server's errors as kubectl prints them.
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1, Sandbox } from "./harness";

const RECORD_WARNING = "Flag --record has been deprecated, --record will be removed in the future\n";

function withApplied(): Sandbox {
  const s = new Sandbox({ "http-go-v1.yaml": HTTP_GO_V1 });
  expect(s.k("apply -f http-go-v1.yaml")).toEqual({
    stdout: "deployment.apps/http-go created\n",
    stderr: "",
    exit: 0,
  });
  return s;
}

function annotation(s: Sandbox, key: string): string | undefined {
  return s.cluster.read((api) => api.get("deployments", "default", "http-go")).metadata.annotations?.[key];
}

describe("apply (§4.4, §5)", () => {
  it("created, then unchanged, then configured after a live change", () => {
    const s = withApplied();
    expect(s.k("apply -f http-go-v1.yaml").stdout).toBe("deployment.apps/http-go unchanged\n");
    s.k("scale deployment http-go --replicas=5");
    expect(s.k("apply -f http-go-v1.yaml").stdout).toBe("deployment.apps/http-go configured\n");
    expect(s.cluster.read((api) => api.get("deployments", "default", "http-go")).spec.replicas).toBe(3);
  });

  it("stores the last-applied configuration as compact sorted JSON with a trailing newline", () => {
    const s = withApplied();
    expect(annotation(s, "kubectl.kubernetes.io/last-applied-configuration")).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"labels":{"app":"http-go"},"name":"http-go","namespace":"default"},"spec":{"replicas":3,"selector":{"matchLabels":{"app":"http-go"}},"template":{"metadata":{"labels":{"app":"http-go"}},"spec":{"containers":[{"image":"gasbugs/http-go:v1","name":"http-go","ports":[{"containerPort":8080}]}]}}}}\n',
    );
  });

  it("--record: the warning first, and the change-cause with -f rewritten as --filename=", () => {
    const s = new Sandbox({ "http-go-v1.yaml": HTTP_GO_V1 });
    const r = s.k("apply -f http-go-v1.yaml --record");
    expect(r).toEqual({ stdout: "deployment.apps/http-go created\n", stderr: RECORD_WARNING, exit: 0 });
    expect(annotation(s, "kubernetes.io/change-cause")).toBe(
      "kubectl apply --filename=http-go-v1.yaml --record=true",
    );
  });

  it("an object made by create deployment gets the missing-annotation warning", () => {
    const s = new Sandbox({ "http-go-v1.yaml": HTTP_GO_V1 });
    s.k("create deployment http-go --image=gasbugs/http-go:v1");
    const r = s.k("apply -f http-go-v1.yaml");
    expect(r.stderr).toBe(
      "Warning: resource deployments/http-go is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n",
    );
    expect(r.stdout).toBe("deployment.apps/http-go configured\n");
  });

  it("an unknown field: the create path's BadRequest and the patch path's Invalid (§8)", () => {
    const bad = HTTP_GO_V1.replace("  replicas: 3\n", "  replicas: 3\n  processDeadlineSeconds: 600\n");
    const fresh = new Sandbox({ "d.yaml": bad });
    expect(fresh.k("apply -f d.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (BadRequest): error when creating "d.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.processDeadlineSeconds"\n',
      exit: 1,
    });
    const s = withApplied();
    s.files.write("d.yaml", bad);
    const r = s.k("apply -f d.yaml");
    expect(r.exit).toBe(1);
    expect(r.stderr).toMatch(
      /^The request is invalid: patch: Invalid value: "map\[metadata:map\[annotations:map\[kubectl\.kubernetes\.io\/last-applied-configuration:\{\\"apiVersion\\":\\"apps\/v1\\".*\\n\]\] spec:map\[processDeadlineSeconds:600\]\]": strict decoding error: unknown field "spec\.processDeadlineSeconds"\n$/,
    );
  });

  it("create -f of an existing object (§4.5)", () => {
    const s = withApplied();
    expect(s.k("create -f http-go-v1.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (AlreadyExists): error when creating "http-go-v1.yaml": deployments.apps "http-go" already exists\n',
      exit: 1,
    });
  });
});

describe("set image (§4.1, §5)", () => {
  it("updates, records the command line, prints nothing for the same image, names unknown containers", () => {
    const s = withApplied();
    const r = s.k("set image deployment http-go http-go=gasbugs/http-go:v2 --record=true");
    expect(r).toEqual({ stdout: "deployment.apps/http-go image updated\n", stderr: RECORD_WARNING, exit: 0 });
    expect(annotation(s, "kubernetes.io/change-cause")).toBe(
      "kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true",
    );
    expect(s.k("set image deployment/http-go http-go=gasbugs/http-go:v2")).toEqual({
      stdout: "",
      stderr: "",
      exit: 0,
    });
    expect(s.k("set image deployment/http-go httpgo=x:1")).toEqual({
      stdout: "",
      stderr: 'error: unable to find container named "httpgo"\n',
      exit: 1,
    });
    expect(s.k("set image deployment/http-go").stderr).toBe("error: at least one image update is required\n");
  });

  it("-n before the verb lands among the flags of the change-cause", () => {
    const s = withApplied();
    s.k("-n default set image deploy/http-go http-go=x:2 --record");
    expect(annotation(s, "kubernetes.io/change-cause")).toBe(
      "kubectl set image deploy/http-go http-go=x:2 --namespace=default --record=true",
    );
  });
});

describe("patch (§4.2)", () => {
  const cases: [string[], { stdout: string; stderr: string; exit: number }][] = [
    [
      ["patch", "deployment", "http-go", "-p", '{"spec":{"replicas":2}}'],
      { stdout: "deployment.apps/http-go patched\n", stderr: "", exit: 0 },
    ],
    [
      ["patch", "deployment", "http-go", "-p", '{"spec":{"replicas":3}}'],
      { stdout: "deployment.apps/http-go patched (no change)\n", stderr: "", exit: 0 },
    ],
    [
      ["patch", "deployment", "http-go", "-p", '{"spec":{"processDeadlineSeconds":600}}'],
      {
        stdout: "deployment.apps/http-go patched (no change)\n",
        stderr: 'Warning: unknown field "spec.processDeadlineSeconds"\n',
        exit: 0,
      },
    ],
    [
      ["patch", "deployment", "http-go", "--type", "foo", "-p", "{}"],
      { stdout: "", stderr: 'error: --type must be one of [json merge strategic], not "foo"\n', exit: 1 },
    ],
    [
      ["patch", "deployment", "http-go", "-p", "{spec: 1}"],
      {
        stdout: "",
        stderr:
          "Error from server (BadRequest): invalid character 's' looking for beginning of object key string\n",
        exit: 1,
      },
    ],
    [
      ["patch", "deployment", "http-go", "-p", '{"spec":{"replicas":3}'],
      { stdout: "", stderr: "Error from server (BadRequest): unexpected end of JSON input\n", exit: 1 },
    ],
    [
      ["patch", "deployment", "http-go", "--type", "json", "-p", '{"op":"add"}'],
      {
        stdout: "",
        stderr:
          "Error from server (BadRequest): json: cannot unmarshal object into Go value of type jsonpatch.Patch\n",
        exit: 1,
      },
    ],
    [
      [
        "patch",
        "deployment",
        "http-go",
        "-p",
        '{"spec":{"template":{"spec":{"containers":[{"image":"nginx:1.25"}]}}}}',
      ],
      {
        stdout: "",
        stderr: "Error from server: map: map[image:nginx:1.25] does not contain declared merge key: name\n",
        exit: 1,
      },
    ],
    [
      [
        "patch",
        "deployment",
        "http-go",
        "--type",
        "json",
        "-p",
        '[{"op":"replace","path":"/spec/foo/bar","value":1}]',
      ],
      {
        stdout: "",
        stderr: "The request is invalid: the server rejected our request due to an error in our request\n",
        exit: 1,
      },
    ],
    [
      ["patch", "deployment", "nope", "-p", "{}"],
      { stdout: "", stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exit: 1 },
    ],
  ];
  for (const [args, want] of cases) {
    it(args.slice(3).join(" "), () => {
      expect(withApplied().run(args)).toEqual(want);
    });
  }

  it("merge and json patches change what they say", () => {
    const s = withApplied();
    s.run(["patch", "deploy", "http-go", "--type", "merge", "-p", '{"metadata":{"labels":{"tier":"web"}}}']);
    s.run([
      "patch",
      "deploy",
      "http-go",
      "--type",
      "json",
      "-p",
      '[{"op":"replace","path":"/spec/replicas","value":4}]',
    ]);
    const d = s.cluster.read((api) => api.get("deployments", "default", "http-go"));
    expect([d.metadata.labels, d.spec.replicas]).toEqual([{ app: "http-go", tier: "web" }, 4]);
  });
});

describe("scale, annotate, label, delete (§4.7, §4.8, §4.10)", () => {
  it("scale prints scaled even without a change", () => {
    const s = withApplied();
    expect(s.k("scale deployment/http-go --replicas=3").stdout).toBe("deployment.apps/http-go scaled\n");
    expect(s.k("scale deployment/http-go --replicas=3 --current-replicas=2").stderr).toBe(
      "error: Expected replicas to be 2, was 3\n",
    );
  });

  it("annotate: overwrite rules and the change-cause exception", () => {
    const s = withApplied();
    expect(s.k("annotate deployment/http-go team=a").stdout).toBe("deployment.apps/http-go annotated\n");
    expect(s.k("annotate deployment/http-go team=b")).toEqual({
      stdout: "",
      stderr:
        "error: --overwrite is false but found the following declared annotation(s): 'team' already has a value (a)\n",
      exit: 1,
    });
    expect(s.k("annotate deployment/http-go team=b --overwrite").exit).toBe(0);
    s.run(["annotate", "deployment/http-go", "kubernetes.io/change-cause=image updated to v2"]);
    expect(s.run(["annotate", "deployment/http-go", "kubernetes.io/change-cause=again"]).stdout).toBe(
      "deployment.apps/http-go annotated\n",
    );
    expect(annotation(s, "kubernetes.io/change-cause")).toBe("again");
    s.k("annotate deployment/http-go team-");
    expect(annotation(s, "team")).toBeUndefined();
  });

  it("label: any existing key needs --overwrite", () => {
    const s = withApplied();
    expect(s.k("label deploy http-go app=x").stderr).toBe(
      "error: 'app' already has a value (http-go), and --overwrite is false\n",
    );
    expect(s.k("label deploy http-go tier=web").stdout).toBe("deployment.apps/http-go labeled\n");
  });

  it("delete: the quoted form, NotFound, and waiting for pods to terminate", () => {
    const s = withApplied();
    s.cluster.advance(60_000);
    const pod = s.cluster.read((api) => api.list("pods", "default"))[0]?.metadata.name as string;
    const start = s.cluster.now;
    expect(s.k(`delete pod ${pod}`)).toEqual({ stdout: `pod "${pod}" deleted\n`, stderr: "", exit: 0 });
    expect(s.cluster.now).toBeGreaterThan(start);
    expect(s.k("delete deployment http-go").stdout).toBe('deployment.apps "http-go" deleted\n');
    expect(s.k("delete deployment http-go")).toEqual({
      stdout: "",
      stderr: 'Error from server (NotFound): deployments.apps "http-go" not found\n',
      exit: 1,
    });
  });
});

describe("create deployment, expose, run (§0.6, §4.6, §4.9, §9)", () => {
  it("expose after create deployment without --port has no port to find", () => {
    const s = new Sandbox();
    expect(s.k("create deployment http-go --image=gasbugs/http-go:v1").stdout).toBe(
      "deployment.apps/http-go created\n",
    );
    expect(s.k("expose deployment http-go").stderr).toBe(
      "error: couldn't find port via --port flag or introspection\n",
    );
    expect(s.k("expose deployment http-go --port=8080").stdout).toBe("service/http-go exposed\n");
    expect(s.k("expose deployment http-go --port=8080").stderr).toBe(
      'Error from server (AlreadyExists): services "http-go" already exists\n',
    );
  });

  it("expose takes the container port and the selector", () => {
    const s = withApplied();
    expect(s.k("expose deployment http-go").stdout).toBe("service/http-go exposed\n");
    const svc = s.cluster.read((api) => api.get("services", "default", "http-go"));
    expect([svc.spec.selector, svc.spec.ports]).toEqual([
      { app: "http-go" },
      [{ port: 8080, protocol: "TCP", targetPort: 8080 }],
    ]);
  });

  it("run without -i creates the pod; with --rm and no -i it is a usage error", () => {
    const s = new Sandbox();
    expect(s.k("run tmp --image=busybox").stdout).toBe("pod/tmp created\n");
    expect(s.k("run tmp --image=busybox").stderr).toBe(
      'Error from server (AlreadyExists): pods "tmp" already exists\n',
    );
    expect(s.k("run x --image=busybox --rm").stderr).toBe(
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    );
    expect(s.k("run x --image=busybox -t").stderr).toBe(
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
    );
  });

  it("run -it --rm attaches, then prints the session line and deletes the pod", () => {
    const s = new Sandbox();
    // biome-ignore lint/correctness/useYield: a shell session that ends at once
    s.podExec = function* (_pod, _container, _argv, io) {
      io.out("/ # ");
      return 0;
    };
    const r = s.k("run tmp -it --rm --image=busybox -- sh");
    expect(r).toEqual({
      stdout:
        "/ # Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n",
      stderr: "If you don't see a command prompt, try pressing enter.\n",
      exit: 0,
    });
  });

  it("exec: a pod that does not exist, a command's exit status", () => {
    const s = withApplied();
    expect(s.k("exec nope -- ls").stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    s.cluster.advance(60_000);
    // biome-ignore lint/correctness/useYield: a command that ends at once
    s.podExec = function* () {
      return 127;
    };
    const pod = s.cluster.read((api) => api.list("pods", "default"))[0]?.metadata.name as string;
    expect(s.k(`exec ${pod} -- curl`)).toEqual({
      stdout: "",
      stderr: "command terminated with exit code 127\n",
      exit: 127,
    });
  });
});

describe("edit (§4.3)", () => {
  it("unchanged, then an invalid change reopens with the error block, then cancelling keeps a copy", () => {
    const s = withApplied();
    expect(s.k("edit deployment http-go")).toEqual({
      stdout: "",
      stderr: "Edit cancelled, no changes made.\n",
      exit: 0,
    });
    const seen: string[] = [];
    s.editor = (c) => {
      seen.push(c);
      return seen.length === 1
        ? c.replace("  replicas: 3\n", "  replicas: 3\n  processDeadlineSeconds: 600\n")
        : c;
    };
    const r = s.k("edit deployment http-go");
    expect(r.stderr.split("\n").slice(0, 1)).toEqual(['error: deployments.apps "http-go" is invalid']);
    expect(r.stderr).toMatch(
      /\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/,
    );
    expect(r.exit).toBe(1);
    expect(
      seen[0]?.startsWith(
        "# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\napiVersion: apps/v1\n",
      ),
    ).toBe(true);
    expect(seen[1]?.split("\n").slice(4, 7)).toEqual([
      '# deployments.apps "http-go" was not valid:',
      '# * patch: Invalid value: "map[spec:map[processDeadlineSeconds:600]]": strict decoding error: unknown field "spec.processDeadlineSeconds"',
      "#",
    ]);
  });

  it("a real change is `edited`; an empty file cancels", () => {
    const s = withApplied();
    s.editor = (c) => c.replace("  replicas: 3\n", "  replicas: 4\n");
    expect(s.k("edit deployment http-go").stdout).toBe("deployment.apps/http-go edited\n");
    s.editor = () => "";
    expect(s.k("edit deployment http-go").stderr).toBe("Edit cancelled, saved file was empty.\n");
  });
});
