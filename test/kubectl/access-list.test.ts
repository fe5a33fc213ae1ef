/**
 * `kubectl auth can-i --list`: rows, order and cells. Expected lines: a real v1.3x cluster's output for a
 * user bound to a Role made by `kubectl create role ibtisam --verb=* --resource=*` (a public transcript),
 * which holds that rule plus the bootstrap system:basic-user, system:discovery and
 * system:public-info-viewer rules every authenticated user has.
 */
import { describe, expect, it } from "vitest";
import { Cluster, impersonatedUser, rulesFor } from "../../src/engine";
import { bootstrapRbac } from "../../src/engine/api/rbac-bootstrap";
import { ACCESS_HEADERS, accessRows } from "../../src/kubectl/printers/access";

/** tabwriter with padding 3 (printers.GetNewTabWriter): every cell but the last padded to its column's width + 3. */
function align(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd((widths[i] ?? 0) + 3))).join(""));
}

describe("auth can-i --list table", () => {
  it("matches a real cluster's output for a user with a `*` Role", () => {
    const c = new Cluster({
      controllers: [],
      bootstrap: (api) => {
        api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
        bootstrapRbac(api);
        api.create("roles", {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "Role",
          metadata: { name: "ibtisam" },
          rules: [{ apiGroups: [""], resources: ["*"], verbs: ["*"] }],
        });
        api.create("rolebindings", {
          apiVersion: "rbac.authorization.k8s.io/v1",
          kind: "RoleBinding",
          metadata: { name: "ibtisam" },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "ibtisam" },
          subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "ibtisam" }],
        });
      },
    });
    const { rules } = rulesFor(c.state, impersonatedUser("ibtisam"), "default");
    expect(align([ACCESS_HEADERS, ...accessRows(rules)])).toEqual([
      "Resources                                       Non-Resource URLs   Resource Names   Verbs",
      "*                                               []                  []               [*]",
      "selfsubjectreviews.authentication.k8s.io        []                  []               [create]",
      "selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]",
      "selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]",
      "                                                [/api/*]            []               [get]",
      "                                                [/api]              []               [get]",
      "                                                [/apis/*]           []               [get]",
      "                                                [/apis]             []               [get]",
      "                                                [/healthz]          []               [get]",
      "                                                [/healthz]          []               [get]",
      "                                                [/livez]            []               [get]",
      "                                                [/livez]            []               [get]",
      "                                                [/openapi/*]        []               [get]",
      "                                                [/openapi]          []               [get]",
      "                                                [/readyz]           []               [get]",
      "                                                [/readyz]           []               [get]",
      "                                                [/version/]         []               [get]",
      "                                                [/version/]         []               [get]",
      "                                                [/version]          []               [get]",
      "                                                [/version]          []               [get]",
    ]);
  });
});
