/**
 * `kubectl config get-contexts|current-context|use-context|set-context` and `kubectl auth can-i`.
 * Expected text: real kubectl v1.32.4 against a kubeconfig with contexts `minikube` and `jane` (config
 * verbs are client-side), cani.go's messages (`yes`, `no`, exit 1, the two-argument error), and the real
 * Forbidden text for a user without the impersonate verb.
 */
import { describe, expect, it } from "vitest";
import { ADMIN_USER, type Cluster, createCluster } from "../../src/engine";
import type { Kubeconfig } from "../../src/kubectl/context";
import { kubectl } from "../../src/kubectl/index";
import { drive, type Ran, testContext } from "./support";

function runWith(cluster: Cluster, kubeconfig: Kubeconfig, args: string[]): Ran {
  const out: string[] = [];
  const err: string[] = [];
  const ctx = { ...testContext(cluster, out, err), kubeconfig };
  const exit = drive(kubectl(args, ctx), cluster);
  return { stdout: out.join(""), stderr: err.join(""), exit };
}

function kubeconfig(): Kubeconfig {
  return {
    contexts: [
      { name: "minikube", cluster: "minikube", user: ADMIN_USER.name, namespace: "default" },
      { name: "jane", cluster: "minikube", user: "jane" },
    ],
    currentContext: "minikube",
  };
}

describe("kubectl config contexts", () => {
  const c = createCluster();
  it("lists contexts sorted by name with the current one starred", () => {
    const kc = kubeconfig();
    kc.contexts[0] = { name: "minikube", cluster: "minikube", user: "minikube", namespace: "default" };
    kc.contexts[1] = { name: "jane", cluster: "minikube", user: "jane" };
    expect(runWith(c, kc, ["config", "get-contexts"])).toEqual({
      stdout:
        "CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE\n" +
        "          jane       minikube   jane       \n" +
        "*         minikube   minikube   minikube   default\n",
      stderr: "",
      exit: 0,
    });
  });

  it("switches, modifies and creates contexts", () => {
    const kc = kubeconfig();
    kc.contexts[0] = { name: "minikube", cluster: "minikube", user: "minikube", namespace: "default" };
    expect(runWith(c, kc, ["config", "current-context"]).stdout).toBe("minikube\n");
    expect(runWith(c, kc, ["config", "use-context", "jane"])).toEqual({
      stdout: 'Switched to context "jane".\n',
      stderr: "",
      exit: 0,
    });
    expect(runWith(c, kc, ["config", "use-context", "nope"])).toEqual({
      stdout: "",
      stderr: 'error: no context exists with the name: "nope"\n',
      exit: 1,
    });
    expect(runWith(c, kc, ["config", "set-context", "jane", "--namespace=dev"]).stdout).toBe(
      'Context "jane" modified.\n',
    );
    expect(runWith(c, kc, ["config", "set-context", "--current", "--namespace=prod"]).stdout).toBe(
      'Context "jane" modified.\n',
    );
    expect(
      runWith(c, kc, ["config", "set-context", "newctx", "--cluster=minikube", "--user=jane"]).stdout,
    ).toBe('Context "newctx" created.\n');
    expect(runWith(c, kc, ["config", "get-contexts"]).stdout).toBe(
      "CURRENT   NAME       CLUSTER    AUTHINFO   NAMESPACE\n" +
        "*         jane       minikube   jane       prod\n" +
        "          minikube   minikube   minikube   default\n" +
        "          newctx     minikube   jane       \n",
    );
    expect(runWith(c, kc, ["config", "get-contexts", "-o", "name"]).stdout).toBe("jane\nminikube\nnewctx\n");
    expect(runWith(c, kc, ["config", "get-contexts", "jane", "--no-headers"]).stdout).toBe(
      "*     jane   minikube   jane   prod\n",
    );
  });

  it("prints kubectl's errors", () => {
    const kc = kubeconfig();
    expect(runWith(c, kc, ["config", "get-contexts", "nope"])).toEqual({
      stdout: "CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE\n",
      stderr: "error: context nope not found\n",
      exit: 1,
    });
    expect(runWith(c, kc, ["config", "get-contexts", "a", "b"]).stderr).toBe(
      "context a not found\ncontext b not found\n",
    );
    expect(runWith(c, kc, ["config", "get-contexts", "-o", "wide"]).stderr).toBe(
      "error: --output wide is not available in kubectl config get-contexts; resetting to default output format\n",
    );
    expect(runWith(c, kc, ["config", "set-context"]).stderr).toBe(
      "error: you must specify a non-empty context name or --current\n",
    );
    expect(runWith(c, kc, ["config", "set-context", "--current", "--namespace=x", "extra"]).stderr).toBe(
      "error: you cannot specify both a context name and --current\n",
    );
    const noArgs = runWith(c, kc, ["config", "use-context"]);
    expect(noArgs.stderr).toBe("error: Unexpected args: []\n");
    expect(noArgs.stdout.split("\n")[0]).toBe("Set the current-context in a kubeconfig file.");
    expect(runWith(c, kc, ["config"]).exit).toBe(1);
  });
});

describe("kubectl auth can-i", () => {
  it("answers yes for the admin and no for a user without bindings, exiting 1", () => {
    const c = createCluster();
    const kc = kubeconfig();
    expect(runWith(c, kc, ["auth", "can-i", "create", "deployments"])).toEqual({
      stdout: "yes\n",
      stderr: "",
      exit: 0,
    });
    expect(runWith(c, kc, ["auth", "can-i", "patch", "deployments", "--as=jane"])).toEqual({
      stdout: "no\n",
      stderr: "",
      exit: 1,
    });
    expect(runWith(c, kc, ["auth", "can-i", "patch", "deployments", "--as=jane", "-q"])).toEqual({
      stdout: "",
      stderr: "",
      exit: 1,
    });
  });

  it("follows a Role bound to the user", () => {
    const c = createCluster();
    const kc = kubeconfig();
    c.request((api) => {
      api.create("roles", {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "Role",
        metadata: { name: "viewer" },
        rules: [{ apiGroups: ["apps"], resources: ["deployments"], verbs: ["get", "list", "watch"] }],
      });
      api.create("rolebindings", {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "jane-viewer" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "viewer" },
        subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "jane" }],
      });
    });
    expect(runWith(c, kc, ["auth", "can-i", "get", "deployments", "--as=jane"]).stdout).toBe("yes\n");
    expect(
      runWith(c, kc, ["auth", "can-i", "get", "deployments", "--as=jane", "-n", "kube-system"]).stdout,
    ).toBe("no\n");
    expect(runWith(c, kc, ["auth", "can-i", "list", "deployments.apps", "--as=jane"]).stdout).toBe("yes\n");
  });

  it("refuses --as from a context whose user may not impersonate (real Forbidden text)", () => {
    const c = createCluster();
    const kc = kubeconfig();
    kc.currentContext = "jane";
    expect(runWith(c, kc, ["auth", "can-i", "list", "deployments", "--as", "jane"])).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): users "jane" is forbidden: User "jane" cannot impersonate resource "users" in API group "" at the cluster scope\n',
      exit: 1,
    });
  });

  it("prints cani.go's argument errors", () => {
    const c = createCluster();
    const kc = kubeconfig();
    expect(runWith(c, kc, ["auth", "can-i", "get"])).toEqual({
      stdout: "",
      stderr:
        "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n",
      exit: 1,
    });
    expect(runWith(c, kc, ["auth", "can-i", "get", "pods", "--list"]).stderr).toBe(
      "error: list option must be specified with no arguments\n",
    );
  });
});
