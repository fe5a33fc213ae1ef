/**
 * kubectl input, continued: `rollout history -o`, `scale` through the scale subresource, `edit` of several
 * objects and `help`. Expected lines were printed by real kubectl v1.32.4 (against
 * test/support/fake-apiserver.ts where a server was needed) or come from the kubectl source quoted.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { world } from "./input-world";
import { Sandbox } from "./write/harness";

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

describe("kubectl help of an unknown topic", () => {
  it("Unknown help topic, then the root usage on stderr, exit 0", () => {
    const r = world().k("help foo");
    const help = world().k("-h").stdout;
    expect(r.stdout).toBe("");
    expect(r.exit).toBe(0);
    expect(r.stderr).toBe(`Unknown help topic [\`foo\`]\n\n\n${help.slice(help.indexOf("Basic Commands"))}`);
  });
});

describe("rollout pause|undo|restart on a kind without a helper (checked against real kubectl)", () => {
  it.each([
    [
      "rollout pause -f d.yaml",
      "deployment.apps/http-go paused\n",
      'error: services "http-go" pausing is not supported\n',
    ],
    [
      "rollout undo -f d.yaml",
      "deployment.apps/http-go rolled back\n",
      'error: error retrieving rollbacker for "Service", no visitor method exists for { Service}\n',
    ],
    ["rollout restart svc/http-go", "", 'error: services "http-go" restarting is not supported\n'],
  ])("%s", (line, stdout, stderr) => {
    expect(world().k(line)).toEqual({ stdout, stderr, exit: 1 });
  });
});

describe("kubectl -h and help foo against real kubectl v1.32.4 (when on PATH)", () => {
  const real = (args: string[]) =>
    spawnSync("kubectl", args, { encoding: "utf8", env: { ...process.env, KUBECONFIG: "/dev/null" } });
  it("the root help, with its (empty) plugins section", () => {
    const ours = world().k("-h");
    const r = real(["-h"]);
    if (r.status === 0) expect(ours.stdout).toBe(r.stdout);
    else expect(ours.stdout).toContain("\nSubcommands provided by plugins:\n\nOther Commands:\n");
  });

  it("help foo", () => {
    const ours = world().k("help foo");
    const r = real(["help", "foo"]);
    if (r.status === 0)
      expect({ stdout: ours.stdout, stderr: ours.stderr }).toEqual({ stdout: r.stdout, stderr: r.stderr });
    else
      expect(ours.stderr.startsWith("Unknown help topic [`foo`]\n\n\nBasic Commands (Beginner):\n")).toBe(
        true,
      );
  });
});
