/**
 * Failure mode: insufficient permissions (issue 4 point 3), and a pod naming a missing service account.
 * Lines a learner types and the lines they see. Expected text: kubectl-facts §11.2 (Forbidden shapes),
 * cani.go (`yes`/`no`, exit 1), a real `auth can-i --list` table (test/kubectl/access-list.test.ts for its
 * source) with the viewer rules in the order Go's PolicyRule String() sorts them, and the ServiceAccount
 * admission message (`error looking up service account default/deployer: serviceaccount "deployer" not found`).
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1, podYaml } from "./manifests";
import { lines, Sandbox } from "./sandbox";

const DISCOVERY_ROWS = [
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
];

describe("scenario: permissions", () => {
  it("jane may view but not change, until a role lets her", () => {
    const s = new Sandbox();
    expect(
      s.run("kubectl create role viewer --verb=get,list,watch --resource=deployments,replicasets,pods")
        .stdout,
    ).toBe("role.rbac.authorization.k8s.io/viewer created\n");
    expect(s.run("kubectl create rolebinding jane-viewer --role=viewer --user=jane").stdout).toBe(
      "rolebinding.rbac.authorization.k8s.io/jane-viewer created\n",
    );

    // observe
    expect(s.run("kubectl auth can-i get deployments --as=jane")).toEqual({
      stdout: "yes\n",
      stderr: "",
      exit: 0,
    });
    expect(s.run("kubectl auth can-i patch deployments --as=jane")).toEqual({
      stdout: "no\n",
      stderr: "",
      exit: 1,
    });
    expect(s.run("kubectl get pods --as=jane -n kube-system")).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): pods is forbidden: User "jane" cannot list resource "pods" in API group "" in the namespace "kube-system"\n',
      exit: 1,
    });
    expect(lines(s.run("kubectl auth can-i --list --as=jane").stdout)).toEqual([
      "Resources                                       Non-Resource URLs   Resource Names   Verbs",
      "selfsubjectreviews.authentication.k8s.io        []                  []               [create]",
      "selfsubjectaccessreviews.authorization.k8s.io   []                  []               [create]",
      "selfsubjectrulesreviews.authorization.k8s.io    []                  []               [create]",
      "pods                                            []                  []               [get list watch]",
      "deployments.apps                                []                  []               [get list watch]",
      "replicasets.apps                                []                  []               [get list watch]",
      ...DISCOVERY_ROWS,
    ]);

    expect(lines(s.run("kubectl describe rolebinding jane-viewer").stdout)).toEqual([
      "Name:         jane-viewer",
      "Labels:       <none>",
      "Annotations:  <none>",
      "Role:",
      "  Kind:  Role",
      "  Name:  viewer",
      "Subjects:",
      "  Kind  Name  Namespace",
      "  ----  ----  ---------",
      "  User  jane  ",
    ]);

    // break it: jane may read the deployment, so set image gets as far as its patch
    s.write("http-go-v1.yaml", HTTP_GO_V1);
    expect(s.run("kubectl apply -f http-go-v1.yaml").exit).toBe(0);
    expect(s.run("kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --as=jane")).toEqual({
      stdout: "",
      stderr:
        'error: failed to patch image update to pod template: deployments.apps "http-go" is forbidden: User "jane" cannot patch resource "deployments" in API group "apps" in the namespace "default"\n',
      exit: 1,
    });

    // fix it
    expect(s.run("kubectl create role deployer --verb=patch,update --resource=deployments").exit).toBe(0);
    expect(s.run("kubectl create rolebinding jane-deployer --role=deployer --user=jane").exit).toBe(0);
    expect(s.run("kubectl auth can-i patch deployments --as=jane")).toEqual({
      stdout: "yes\n",
      stderr: "",
      exit: 0,
    });
    expect(s.run("kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --as=jane")).toEqual({
      stdout: "deployment.apps/http-go image updated\n",
      stderr: "",
      exit: 0,
    });
    expect(lines(s.run("kubectl rollout status deployment http-go --as=jane").stdout).pop()).toBe(
      'deployment "http-go" successfully rolled out',
    );
  }, 30_000);

  it("a pod naming a missing service account is refused until the account exists", () => {
    const s = new Sandbox();
    s.write(
      "web.yaml",
      podYaml("web").replace("  containers:", "  serviceAccountName: deployer\n  containers:"),
    );
    expect(s.run("kubectl create -f web.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): error when creating "web.yaml": pods "web" is forbidden: error looking up service account default/deployer: serviceaccount "deployer" not found\n',
      exit: 1,
    });
    expect(s.run("kubectl create serviceaccount deployer").stdout).toBe("serviceaccount/deployer created\n");
    expect(s.run("kubectl create -f web.yaml").stdout).toBe("pod/web created\n");
  }, 30_000);

  it("a ReplicaSet whose template names a missing service account cannot create pods", () => {
    const s = new Sandbox();
    s.write("rs.yaml", RS_WITH_SA);
    expect(s.run("kubectl create -f rs.yaml").stdout).toBe("replicaset.apps/web created\n");
    // The mutating admission runs before a name is drawn: the pod is named by its generateName.
    expect(lines(s.run("kubectl get events --field-selector reason=FailedCreate").stdout)).toEqual([
      "LAST SEEN   TYPE      REASON         OBJECT           MESSAGE",
      '0s          Warning   FailedCreate   replicaset/web   Error creating: pods "web-" is forbidden: error looking up service account default/deployer: serviceaccount "deployer" not found',
    ]);
    expect(lines(s.run("kubectl get rs web").stdout)).toEqual([
      "NAME   DESIRED   CURRENT   READY   AGE",
      "web    3         0         0       0s",
    ]);
    expect(s.run("kubectl create serviceaccount deployer").exit).toBe(0);
    s.sleep(30_000);
    expect(lines(s.run("kubectl get rs web").stdout)).toEqual([
      "NAME   DESIRED   CURRENT   READY   AGE",
      "web    3         3         3       30s",
    ]);
  }, 30_000);
});

const RS_WITH_SA = `apiVersion: apps/v1
kind: ReplicaSet
metadata:
  name: web
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      serviceAccountName: deployer
      containers:
      - name: web
        image: gasbugs/http-go:v1
`;
