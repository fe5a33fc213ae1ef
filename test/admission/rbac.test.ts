/**
 * RBAC authorization. Expected strings: kubectl-facts §11.2 (server message shapes) and the real
 * `…: RBAC: role.rbac.authorization.k8s.io "x" not found` suffix seen on real clusters when a binding
 * names a missing role (rbac authorizer: `RBAC: %v` of the collected errors).
 */
import { describe, expect, it } from "vitest";
import { Cluster, type KObject } from "../../src/engine";
import { decide, forbiddenMessage, impersonate, impersonatedUser } from "../../src/engine/api/authorization";
import { bootstrapRbac } from "../../src/engine/api/rbac-bootstrap";
import { clusterRoleAggregationController } from "../../src/engine/controllers/clusterrole-aggregation";
import { errorOf } from "./fixtures";

const RBAC = "rbac.authorization.k8s.io/v1";
const jane = impersonatedUser("jane");
const deployer = impersonatedUser("system:serviceaccount:default:deployer");

function rbacCluster(): Cluster {
  return new Cluster({
    controllers: [],
    bootstrap: (api) => {
      api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
      bootstrapRbac(api);
      api.create("deployments", {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "http-go" },
        spec: {
          selector: { matchLabels: { app: "http-go" } },
          template: {
            metadata: { labels: { app: "http-go" } },
            spec: { containers: [{ name: "http-go", image: "x" }] },
          },
        },
      });
    },
  });
}

function role(name: string, verbs: string[], resources: string[], group = "apps"): KObject {
  return {
    apiVersion: RBAC,
    kind: "Role",
    metadata: { name },
    rules: [{ apiGroups: [group], resources, verbs }],
  };
}

function binding(
  name: string,
  roleRef: { kind: string; name: string },
  subjects: { kind: string; name: string }[],
): KObject {
  const ref = { apiGroup: "rbac.authorization.k8s.io", ...roleRef };
  return { apiVersion: RBAC, kind: "RoleBinding", metadata: { name }, roleRef: ref, subjects } as KObject;
}

describe("RBAC authorization", () => {
  it("forbids a user without bindings, naming the object, verb, resource, group and namespace", () => {
    const c = rbacCluster();
    expect(errorOf(() => c.read((api) => api.get("deployments", "default", "http-go"), jane))).toBe(
      'deployments.apps "http-go" is forbidden: User "jane" cannot get resource "deployments" in API group "apps" in the namespace "default"',
    );
    expect(errorOf(() => c.read((api) => api.list("pods", "default"), jane))).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default"',
    );
  });

  it("allows what a Role bound to the user allows, and nothing more", () => {
    const c = rbacCluster();
    c.request((api) => {
      api.create("roles", role("deploy-reader", ["get", "list"], ["deployments"]));
      api.create(
        "rolebindings",
        binding("jane-reads", { kind: "Role", name: "deploy-reader" }, [{ kind: "User", name: "jane" }]),
      );
    });
    expect(c.read((api) => api.get("deployments", "default", "http-go"), jane).metadata.name).toBe("http-go");
    const d = c.read((api) => api.get("deployments", "default", "http-go"));
    expect(errorOf(() => c.request((api) => api.update("deployments", d), jane))).toBe(
      'deployments.apps "http-go" is forbidden: User "jane" cannot update resource "deployments" in API group "apps" in the namespace "default"',
    );
  });

  it("names the subresource in the message (deployments/scale)", () => {
    const c = rbacCluster();
    const req = {
      verb: "patch",
      group: "apps",
      resource: "deployments",
      subresource: "scale",
      namespace: "default",
      name: "http-go",
    };
    expect(decide(c.state, jane, req).allowed).toBe(false);
    expect(forbiddenMessage(jane, req)).toBe(
      'User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"',
    );
  });

  it("binds a service account named without a namespace to the binding's namespace", () => {
    const c = rbacCluster();
    c.request((api) => {
      api.create("roles", role("deployer", ["get", "patch"], ["deployments", "deployments/scale"]));
      api.create(
        "rolebindings",
        binding("deployer", { kind: "Role", name: "deployer" }, [
          { kind: "ServiceAccount", name: "deployer" },
        ]),
      );
    });
    const scale = {
      verb: "patch",
      group: "apps",
      resource: "deployments",
      subresource: "scale",
      namespace: "default",
      name: "http-go",
    };
    expect(decide(c.state, deployer, scale).allowed).toBe(true);
    expect(decide(c.state, jane, scale).allowed).toBe(false);
  });

  it("grants the view ClusterRole through a RoleBinding, in that namespace only", () => {
    const c = rbacCluster();
    c.request((api) =>
      api.create(
        "rolebindings",
        binding("jane-view", { kind: "ClusterRole", name: "view" }, [{ kind: "User", name: "jane" }]),
      ),
    );
    const get = (ns: string, verb = "list") => ({
      verb,
      group: "apps",
      resource: "deployments",
      namespace: ns,
    });
    expect(decide(c.state, jane, get("default")).allowed).toBe(true);
    expect(decide(c.state, jane, get("default", "delete")).allowed).toBe(false);
    expect(decide(c.state, jane, get("kube-system")).allowed).toBe(false);
  });

  it("restricts by resourceNames", () => {
    const c = rbacCluster();
    c.request((api) => {
      const r = role("one", ["get"], ["deployments"]);
      r.rules[0].resourceNames = ["http-go"];
      api.create("roles", r);
      api.create(
        "rolebindings",
        binding("one", { kind: "Role", name: "one" }, [{ kind: "User", name: "jane" }]),
      );
    });
    const get = (name: string) => ({
      verb: "get",
      group: "apps",
      resource: "deployments",
      namespace: "default",
      name,
    });
    expect(decide(c.state, jane, get("http-go")).allowed).toBe(true);
    expect(decide(c.state, jane, get("other")).allowed).toBe(false);
  });

  it("appends the RBAC reason when a binding names a missing role", () => {
    const c = rbacCluster();
    c.request((api) =>
      api.create(
        "rolebindings",
        binding("jane", { kind: "Role", name: "role-sre" }, [{ kind: "User", name: "jane" }]),
      ),
    );
    expect(errorOf(() => c.read((api) => api.list("pods", "default"), jane))).toBe(
      'pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "default": RBAC: role.rbac.authorization.k8s.io "role-sre" not found',
    );
  });

  it('refuses impersonation to a user without the impersonate verb (real: users "ibtisam" is forbidden …)', () => {
    const c = rbacCluster();
    expect(errorOf(() => impersonate(c.state, impersonatedUser("ibtisam"), "ibtisam"))).toBe(
      'users "ibtisam" is forbidden: User "ibtisam" cannot impersonate resource "users" in API group "" at the cluster scope',
    );
    expect(
      impersonate(
        c.state,
        { name: "kubernetes-admin", groups: ["system:masters"] },
        "system:serviceaccount:default:deployer",
      ),
    ).toEqual({
      name: "system:serviceaccount:default:deployer",
      groups: ["system:serviceaccounts", "system:serviceaccounts:default", "system:authenticated"],
    });
  });
});

describe("ClusterRole aggregation", () => {
  it("adds the rules of a ClusterRole labelled aggregate-to-view to view, edit and admin", () => {
    const c = new Cluster({ controllers: [clusterRoleAggregationController], bootstrap: bootstrapRbac });
    c.request((api) =>
      api.create("clusterroles", {
        apiVersion: RBAC,
        kind: "ClusterRole",
        metadata: { name: "widgets-view", labels: { "rbac.authorization.k8s.io/aggregate-to-view": "true" } },
        rules: [{ apiGroups: ["example.com"], resources: ["widgets"], verbs: ["get"] }],
      }),
    );
    const widgets = { verb: "get", group: "example.com", resource: "widgets", namespace: "default" };
    for (const role of ["view", "edit", "admin"]) {
      const user = impersonatedUser(`${role}-user`);
      c.request((api) =>
        api.create("clusterrolebindings", {
          apiVersion: RBAC,
          kind: "ClusterRoleBinding",
          metadata: { name: `${role}-user` },
          roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role },
          subjects: [{ kind: "User", name: `${role}-user` }],
        }),
      );
      expect(decide(c.state, user, widgets).allowed).toBe(true);
    }
  });
});
