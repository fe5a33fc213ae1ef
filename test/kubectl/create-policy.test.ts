/**
 * `kubectl create quota|role|rolebinding|serviceaccount|configmap|secret generic` end to end. Expected
 * text: real kubectl v1.32.4 (`--dry-run=client -o yaml` output, `resourcequota/q created (dry run)`,
 * client-side errors), and the create_quota.go / create_configmap.go error wrapping
 * (`failed to create quota: %v`).
 */
import { describe, expect, it } from "vitest";
import { createCluster } from "../../src/engine";
import { run } from "./support";

describe("kubectl create quota", () => {
  it("creates, then refuses a second time with the wrapped error", () => {
    const c = createCluster();
    expect(run(c, ["create", "quota", "pods", "--hard=pods=3"])).toEqual({
      stdout: "resourcequota/pods created\n",
      stderr: "",
      exit: 0,
    });
    expect(run(c, ["create", "quota", "pods", "--hard=pods=3"])).toEqual({
      stdout: "",
      stderr: 'error: failed to create quota: resourcequotas "pods" already exists\n',
      exit: 1,
    });
    const q = c.read((api) => api.get("resourcequotas", "default", "pods"));
    expect(q.status).toEqual({ hard: { pods: "3" }, used: { pods: "0" } });
  });

  it("prints the client dry-run object as kubectl does", () => {
    const c = createCluster();
    expect(
      run(c, ["create", "quota", "q", "--hard=pods=3,requests.cpu=1", "--dry-run=client", "-o", "yaml"])
        .stdout,
    ).toBe(
      [
        "apiVersion: v1",
        "kind: ResourceQuota",
        "metadata:",
        "  creationTimestamp: null",
        "  name: q",
        "spec:",
        "  hard:",
        '    pods: "3"',
        '    requests.cpu: "1"',
        "status: {}",
        "",
      ].join("\n"),
    );
    expect(run(c, ["create", "quota", "q", "--dry-run=client"]).stdout).toBe(
      "resourcequota/q created (dry run)\n",
    );
    expect(run(c, ["create", "quota", "q", "--dry-run=client", "-o", "name"]).stdout).toBe(
      "resourcequota/q\n",
    );
    expect(run(c, ["create", "quota", "q", "--dry-run=foo"]).stderr).toBe(
      'error: Invalid dry-run value (foo). Must be "none", "server", or "client".\n',
    );
    expect(run(c, ["create", "quota"])).toEqual({
      stdout: "",
      stderr:
        "error: exactly one NAME is required, got 0\nSee 'kubectl create quota -h' for help and examples\n",
      exit: 1,
    });
    expect(run(c, ["create", "quota", "q", "--hard=pods"]).stderr).toBe(
      "error: Invalid argument syntax pods, expected <resource>=<value>\n",
    );
  });
});

describe("kubectl create role / rolebinding / serviceaccount", () => {
  it("creates them with their qualified kinds", () => {
    const c = createCluster();
    expect(
      run(c, ["create", "role", "viewer", "--verb=get,list,watch", "--resource=deployments,replicasets,pods"])
        .stdout,
    ).toBe("role.rbac.authorization.k8s.io/viewer created\n");
    const role = c.read((api) => api.get("roles", "default", "viewer"));
    expect(role.rules).toEqual([
      { verbs: ["get", "list", "watch"], apiGroups: [""], resources: ["pods"] },
      { verbs: ["get", "list", "watch"], apiGroups: ["apps"], resources: ["deployments", "replicasets"] },
    ]);
    expect(run(c, ["create", "rolebinding", "jane-viewer", "--role=viewer", "--user=jane"]).stdout).toBe(
      "rolebinding.rbac.authorization.k8s.io/jane-viewer created\n",
    );
    expect(run(c, ["create", "sa", "deployer"]).stdout).toBe("serviceaccount/deployer created\n");
    expect(run(c, ["create", "role", "r", "--resource=deployments"]).stderr).toBe(
      "error: at least one verb must be specified\n",
    );
    expect(run(c, ["create", "rolebinding", "rb", "--user=jane"]).stderr).toBe(
      "error: exactly one of clusterrole or role must be specified\n",
    );
    expect(run(c, ["create", "role", "viewer", "--verb=get", "--resource=pods"]).stderr).toBe(
      'Error from server (AlreadyExists): roles.rbac.authorization.k8s.io "viewer" already exists\n',
    );
  });

  it("binds several --user flags without splitting at commas (StringArray)", () => {
    const c = createCluster();
    run(c, ["create", "rolebinding", "rb", "--clusterrole=view", "--user=jane", "--user=bob"]);
    const rb = c.read((api) => api.get("rolebindings", "default", "rb"));
    expect(rb.subjects.map((s: { name: string }) => s.name)).toEqual(["jane", "bob"]);
  });
});

describe("kubectl create configmap / secret generic", () => {
  it("creates from literals", () => {
    const c = createCluster();
    expect(run(c, ["create", "configmap", "http-go-config", "--from-literal=greeting=hello"]).stdout).toBe(
      "configmap/http-go-config created\n",
    );
    expect(run(c, ["create", "secret", "generic", "s", "--from-literal=password=s3cr=t"]).stdout).toBe(
      "secret/s created\n",
    );
    expect(c.read((api) => api.get("secrets", "default", "s")).data).toEqual({ password: "czNjcj10" });
    expect(run(c, ["create", "configmap", "cm", "--from-literal=a"]).stderr).toBe(
      "error: invalid literal source a, expected key=value\n",
    );
    expect(run(c, ["create", "configmap", "http-go-config", "--from-literal=a=b"]).stderr).toBe(
      'error: failed to create configmap: configmaps "http-go-config" already exists\n',
    );
  });

  it("needs -f for a bare create", () => {
    const c = createCluster();
    expect(run(c, ["create"]).stderr).toBe("error: must specify one of -f and -k\n");
  });
});
