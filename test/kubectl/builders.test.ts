/**
 * Objects and client-side errors of `kubectl create quota|role|clusterrole|rolebinding|clusterrolebinding|
 * configmap|secret generic`. Expected values: real kubectl v1.32.4 `--dry-run=client -o yaml` output and
 * error lines (run offline), and a real transcript of `kubectl create role ibtisam --verb=* --resource=*`.
 */
import { describe, expect, it } from "vitest";
import { buildConfigMap, buildSecret } from "../../src/kubectl/builders/config";
import { buildBinding, buildQuota, buildRole } from "../../src/kubectl/builders/policy";
import type { Files } from "../../src/kubectl/context";

function files(map: Record<string, string>): Files {
  const abs = (p: string) => (p.startsWith("/") ? p : `/home/learner/${p}`);
  return {
    cwd: "/home/learner",
    read: (p) => map[abs(p)],
    write: (p, t) => {
      map[abs(p)] = t;
    },
    isDir: (p) => Object.keys(map).some((k) => k.startsWith(`${abs(p)}/`)),
    list: (p) =>
      Object.keys(map)
        .filter((k) => k.startsWith(`${abs(p)}/`))
        .map((k) => k.slice(abs(p).length + 1))
        .sort(),
    resolve: abs,
  };
}

const none = () => {};

describe("kubectl create quota", () => {
  it("builds spec.hard and spec.scopes", () => {
    expect(buildQuota("q", "pods=3,cpu=1", "BestEffort")).toEqual({
      ok: true,
      object: {
        apiVersion: "v1",
        kind: "ResourceQuota",
        metadata: { name: "q" },
        spec: { hard: { pods: "3", cpu: "1" }, scopes: ["BestEffort"] },
      },
    });
  });
  it("refuses malformed --hard", () => {
    expect(buildQuota("q", "pods")).toEqual({
      ok: false,
      error: "Invalid argument syntax pods, expected <resource>=<value>",
    });
    expect(buildQuota("q", "pods=abc")).toEqual({
      ok: false,
      error: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
    });
  });
});

describe("kubectl create role / clusterrole", () => {
  it("makes `--verb=* --resource=*` a core-group rule", () => {
    const r = buildRole("Role", "ibtisam", { verbs: ["*"], resources: ["*"], resourceNames: [] }, none);
    expect(r.ok && r.object.rules).toEqual([{ verbs: ["*"], apiGroups: [""], resources: ["*"] }]);
  });
  it("builds a non-resource URL rule", () => {
    const r = buildRole(
      "ClusterRole",
      "cr",
      { verbs: ["get"], resources: [], resourceNames: [], nonResourceURLs: ["/logs/*"] },
      none,
    );
    expect(r.ok && r.object.rules).toEqual([{ verbs: ["get"], nonResourceURLs: ["/logs/*"] }]);
  });
  it("prints the client-side errors and the non-standard verb warning", () => {
    expect(
      buildRole("Role", "r", { verbs: [], resources: ["deployments"], resourceNames: [] }, none),
    ).toEqual({
      ok: false,
      error: "at least one verb must be specified",
    });
    expect(buildRole("Role", "r", { verbs: ["get"], resources: [], resourceNames: [] }, none)).toEqual({
      ok: false,
      error: "at least one resource must be specified",
    });
    expect(
      buildRole("ClusterRole", "cr", { verbs: ["get"], resources: [], resourceNames: [] }, none),
    ).toEqual({
      ok: false,
      error: "one of resource or nonResourceURL must be specified",
    });
    const warnings: string[] = [];
    buildRole("Role", "r", { verbs: ["foo"], resources: ["pods"], resourceNames: [] }, (w) =>
      warnings.push(w),
    );
    expect(warnings).toEqual(["Warning: 'foo' is not a standard resource verb\n"]);
  });
});

describe("kubectl create rolebinding / clusterrolebinding", () => {
  it("lists users, then groups, then service accounts", () => {
    const b = buildBinding("RoleBinding", "rb", {
      role: "r",
      users: ["jane"],
      groups: [],
      serviceaccounts: ["default:deployer"],
    });
    expect(b).toEqual({
      ok: true,
      object: {
        apiVersion: "rbac.authorization.k8s.io/v1",
        kind: "RoleBinding",
        metadata: { name: "rb" },
        roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "r" },
        subjects: [
          { apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "jane" },
          { kind: "ServiceAccount", name: "deployer", namespace: "default" },
        ],
      },
    });
  });
  it("binds a ClusterRole to a group", () => {
    const b = buildBinding("ClusterRoleBinding", "crb", {
      clusterrole: "view",
      users: [],
      groups: ["devs"],
      serviceaccounts: [],
    });
    expect(b.ok && b.object.subjects).toEqual([
      { apiGroup: "rbac.authorization.k8s.io", kind: "Group", name: "devs" },
    ]);
  });
  it("prints the client-side errors", () => {
    expect(buildBinding("RoleBinding", "rb", { users: ["jane"], groups: [], serviceaccounts: [] })).toEqual({
      ok: false,
      error: "exactly one of clusterrole or role must be specified",
    });
    expect(
      buildBinding("RoleBinding", "rb", {
        role: "r",
        clusterrole: "c",
        users: [],
        groups: [],
        serviceaccounts: [],
      }),
    ).toEqual({
      ok: false,
      error: "exactly one of clusterrole or role must be specified",
    });
    expect(
      buildBinding("RoleBinding", "rb", { role: "r", users: [], groups: [], serviceaccounts: ["jane"] }),
    ).toEqual({
      ok: false,
      error: "serviceaccount must be <namespace>:<name>",
    });
  });
});

describe("kubectl create configmap / secret generic", () => {
  const fs = files({ "/home/learner/greeting.txt": "hello\n", "/home/learner/d/a.conf": "x\n" });
  it("takes files and literals", () => {
    const cm = buildConfigMap("cm", { literals: ["b=c"], files: ["g=greeting.txt"] }, fs);
    expect(cm.ok && cm.object.data).toEqual({ g: "hello\n", b: "c" });
    const dir = buildConfigMap("cm", { literals: [], files: ["d"] }, fs);
    expect(dir.ok && dir.object.data).toEqual({ "a.conf": "x\n" });
  });
  it("base64-encodes secret values, splitting a literal at its first =", () => {
    const s = buildSecret("s", { literals: ["password=s3cr=t"], files: ["greeting.txt"] }, fs, "Opaque");
    expect(s.ok && s.object).toEqual({
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s" },
      data: { "greeting.txt": "aGVsbG8K", password: "czNjcj10" },
      type: "Opaque",
    });
  });
  it("prints the client-side errors", () => {
    expect(buildConfigMap("cm", { literals: ["a"], files: [] }, fs)).toEqual({
      ok: false,
      error: "invalid literal source a, expected key=value",
    });
    expect(buildConfigMap("cm", { literals: ["=v"], files: [] }, fs)).toEqual({
      ok: false,
      error: "invalid literal source =v, expected key=value",
    });
    expect(buildConfigMap("cm", { literals: ["a=b", "a=c"], files: [] }, fs)).toEqual({
      ok: false,
      error: 'cannot add key "a", another key by that name already exists in Data for ConfigMap "cm"',
    });
    expect(buildSecret("s", { literals: ["a=b", "a=c"], files: [] }, fs)).toEqual({
      ok: false,
      error: "cannot add key a, another key by that name already exists",
    });
    expect(buildConfigMap("cm", { literals: [], files: ["/nonexistent"] }, fs)).toEqual({
      ok: false,
      error: "error reading /nonexistent: no such file or directory",
    });
    expect(buildConfigMap("cm", { literals: ["a b=c"], files: [] }, fs)).toEqual({
      ok: false,
      error:
        "\"a b\" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')",
    });
  });
});
