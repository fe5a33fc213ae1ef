/**
 * `kubectl describe role|rolebinding|quota|limitrange`. Expected lines: real outputs from public
 * transcripts (a role made by `kubectl create role ibtisam --verb=* --resource=*`; a rolebinding made by
 * `kubectl create rolebinding developer-role-binding --role=developer --user=john`, whose subject row
 * ends with the two spaces of the empty Namespace cell), and the layout of describe.go's describeQuota /
 * describeLimitRange (kubectl-facts §7.4; the limit range example of the Kubernetes docs).
 */
import { describe, expect, it } from "vitest";
import type { KObject } from "../../src/engine";
import { describePolicy } from "../../src/kubectl/printers/describe-policy";

const meta = (name: string) => ({ name, namespace: "default" });

describe("describe of policy kinds", () => {
  it("describes a role", () => {
    const role: KObject = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "Role",
      metadata: meta("ibtisam"),
      rules: [{ apiGroups: [""], resources: ["*"], verbs: ["*"] }],
    };
    expect(describePolicy(role)).toBe(
      [
        "Name:         ibtisam",
        "Labels:       <none>",
        "Annotations:  <none>",
        "PolicyRule:",
        "  Resources  Non-Resource URLs  Resource Names  Verbs",
        "  ---------  -----------------  --------------  -----",
        "  *          []                 []              [*]",
        "",
      ].join("\n"),
    );
  });

  it("describes a rolebinding", () => {
    const rb: KObject = {
      apiVersion: "rbac.authorization.k8s.io/v1",
      kind: "RoleBinding",
      metadata: meta("developer-role-binding"),
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "Role", name: "developer" },
      subjects: [{ apiGroup: "rbac.authorization.k8s.io", kind: "User", name: "john" }],
    };
    expect(describePolicy(rb)).toBe(
      [
        "Name:         developer-role-binding",
        "Labels:       <none>",
        "Annotations:  <none>",
        "Role:",
        "  Kind:  Role",
        "  Name:  developer",
        "Subjects:",
        "  Kind  Name  Namespace",
        "  ----  ----  ---------",
        "  User  john  ",
        "",
      ].join("\n"),
    );
  });

  it("describes a quota and a limit range in one aligned block each", () => {
    const q: KObject = {
      apiVersion: "v1",
      kind: "ResourceQuota",
      metadata: meta("pods"),
      spec: { hard: { pods: "3" } },
      status: { hard: { pods: "3" }, used: { pods: "3" } },
    };
    expect(describePolicy(q)).toBe(
      [
        "Name:       pods",
        "Namespace:  default",
        "Resource    Used  Hard",
        "--------    ----  ----",
        "pods        3     3",
        "",
      ].join("\n"),
    );
    const lr: KObject = {
      apiVersion: "v1",
      kind: "LimitRange",
      metadata: meta("mem-limit-range"),
      spec: {
        limits: [{ type: "Container", default: { memory: "512Mi" }, defaultRequest: { memory: "256Mi" } }],
      },
    };
    expect(describePolicy(lr)).toBe(
      [
        "Name:       mem-limit-range",
        "Namespace:  default",
        "Type        Resource  Min  Max  Default Request  Default Limit  Max Limit/Request Ratio",
        "----        --------  ---  ---  ---------------  -------------  -----------------------",
        "Container   memory    -    -    256Mi            512Mi          -",
        "",
      ].join("\n"),
    );
  });
});
