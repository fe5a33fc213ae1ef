/**
 * ServiceAccount, Priority, DefaultTolerationSeconds and NamespaceLifecycle admission. Expected strings:
 * plugin/pkg/admission/serviceaccount/admission.go (`error looking up service account %s/%s: %w`, the
 * lister's `serviceaccount "x" not found`), the kube-api-access volume of a real pod (kubectl-facts §7.3).
 */
import { describe, expect, it } from "vitest";
import { cluster, pod, tryCreate } from "./fixtures";

describe("ServiceAccount admission", () => {
  it("refuses a pod naming a missing service account", () => {
    const c = cluster();
    expect(tryCreate(c, "pods", pod("x", undefined, { serviceAccountName: "deployer" }))).toBe(
      'pods "x" is forbidden: error looking up service account default/deployer: serviceaccount "deployer" not found',
    );
  });

  it("names a generateName pod by its prefix (the mutating phase runs before the name is drawn)", () => {
    const c = cluster();
    const p = pod("", undefined, { serviceAccountName: "deployer" });
    p.metadata = { name: "", generateName: "http-go-5d4f7c9b6-" };
    expect(tryCreate(c, "pods", p)).toBe(
      'pods "http-go-5d4f7c9b6-" is forbidden: error looking up service account default/deployer: serviceaccount "deployer" not found',
    );
  });

  it("sets the default account, mounts the token, sets priority and the default tolerations", () => {
    const c = cluster();
    expect(tryCreate(c, "pods", pod("web"))).toBe("");
    const p = c.read((api) => api.get("pods", "default", "web"));
    expect(p.spec.serviceAccountName).toBe("default");
    expect(p.spec.priority).toBe(0);
    const volume = p.spec.volumes[0];
    expect(volume.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.spec.containers[0].volumeMounts).toEqual([
      { name: volume.name, readOnly: true, mountPath: "/var/run/secrets/kubernetes.io/serviceaccount" },
    ]);
    expect(volume.projected.sources[0]).toEqual({
      serviceAccountToken: { expirationSeconds: 3607, path: "token" },
    });
    expect(p.spec.tolerations).toEqual([
      {
        key: "node.kubernetes.io/not-ready",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
      {
        key: "node.kubernetes.io/unreachable",
        operator: "Exists",
        effect: "NoExecute",
        tolerationSeconds: 300,
      },
    ]);
  });

  it("refuses objects in a namespace that does not exist", () => {
    const c = cluster();
    const p = pod("x");
    p.metadata.namespace = "staging";
    expect(tryCreate(c, "pods", p)).toBe('namespaces "staging" not found');
  });
});
