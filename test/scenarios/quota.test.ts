/**
 * Failure mode: an insufficient ResourceQuota (issue 4 point 1). Lines a learner types and the lines they
 * see. Expected text: kubectl-facts §11.3 (`exceeded quota: …, requested: pods=1, used: pods=3, limited:
 * pods=3`, the `error when creating "…": ` prefix), pods.go's v1.32 Constraints message (`must specify
 * limits.cpu for: http-go; requests.cpu for: http-go`), and printResourceQuota's columns
 * (`NAME  AGE  REQUEST  LIMIT`, `pods: 3/3`, limits.* under LIMIT).
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1, podYaml } from "./manifests";
import { lines, Sandbox } from "./sandbox";

describe("scenario: resource quota (pods)", () => {
  it("refuses the pod over the count and shows the usage", () => {
    const s = new Sandbox();
    for (const n of ["a", "b", "c"]) s.write(`${n}.yaml`, podYaml(n));
    expect(s.run("kubectl create quota pods --hard=pods=2").stdout).toBe("resourcequota/pods created\n");
    expect(s.run("kubectl create -f a.yaml").stdout).toBe("pod/a created\n");
    expect(s.run("kubectl create -f b.yaml").stdout).toBe("pod/b created\n");

    // break it
    expect(s.run("kubectl create -f c.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): error when creating "c.yaml": pods "c" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=2, limited: pods=2\n',
      exit: 1,
    });
    // observe it (LIMIT is empty: the row ends with the REQUEST column's padding)
    expect(lines(s.run("kubectl get quota").stdout)).toEqual([
      "NAME   AGE   REQUEST     LIMIT",
      "pods   0s    pods: 2/2   ",
    ]);
    expect(lines(s.run("kubectl describe quota pods").stdout)).toEqual([
      "Name:       pods",
      "Namespace:  default",
      "Resource    Used  Hard",
      "--------    ----  ----",
      "pods        2     2",
    ]);
  });

  it("refuses a pod without requests under a compute quota", () => {
    const s = new Sandbox();
    s.write("small.yaml", podYaml("small"));
    expect(s.run("kubectl create quota compute --hard=requests.cpu=1,limits.cpu=2").stdout).toBe(
      "resourcequota/compute created\n",
    );
    expect(s.run("kubectl create -f small.yaml").stderr).toBe(
      'Error from server (Forbidden): error when creating "small.yaml": pods "small" is forbidden: failed quota: compute: must specify limits.cpu for: http-go; requests.cpu for: http-go\n',
    );
    s.write("small.yaml", podYaml("small", "500m"));
    expect(s.run("kubectl create -f small.yaml").stdout).toBe("pod/small created\n");
    expect(lines(s.run("kubectl get quota").stdout)).toEqual([
      "NAME      AGE   REQUEST                LIMIT",
      "compute   0s    requests.cpu: 500m/1   limits.cpu: 500m/2",
    ]);
  });
});

describe("scenario: resource quota stops a rollout", () => {
  it("lets the update through, refuses its surge pod, and shows it as ReplicaFailure", () => {
    const s = new Sandbox();
    s.write("http-go-v1.yaml", HTTP_GO_V1);
    expect(s.run("kubectl create -f http-go-v1.yaml").exit).toBe(0);
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);

    // break it: 3 pods allowed, and the rolling update wants a fourth (maxSurge 25% of 3 → 1)
    expect(s.run("kubectl create quota pods --hard=pods=3").stdout).toBe("resourcequota/pods created\n");
    expect(lines(s.run("kubectl get quota").stdout)).toEqual([
      "NAME   AGE   REQUEST     LIMIT",
      "pods   0s    pods: 3/3   ",
    ]);
    expect(s.run("kubectl rollout restart deployment http-go")).toEqual({
      stdout: "deployment.apps/http-go restarted\n",
      stderr: "",
      exit: 0,
    });

    // observe it
    const status = s.run("kubectl rollout status deployment http-go --timeout=10s");
    expect(status.exit).toBe(1);
    expect(status.stderr).toBe("error: timed out waiting for the condition\n");
    expect(new Set(lines(status.stdout))).toEqual(
      new Set([
        'Waiting for deployment "http-go" rollout to finish: 0 out of 3 new replicas have been updated...',
      ]),
    );
    const described = lines(s.run("kubectl describe deployment http-go").stdout);
    const at = described.indexOf("Conditions:");
    expect(described.slice(at, at + 6)).toEqual([
      "Conditions:",
      "  Type             Status  Reason",
      "  ----             ------  ------",
      "  Available        True    MinimumReplicasAvailable",
      "  Progressing      True    NewReplicaSetCreated",
      "  ReplicaFailure   True    FailedCreate",
    ]);
    expect(lines(s.run("kubectl get deployment http-go").stdout)).toEqual([
      "NAME      READY   UP-TO-DATE   AVAILABLE   AGE",
      "http-go   3/3     0            3           13s",
    ]);

    // fix it (the quota cannot be raised without patch here): go back to the running template
    expect(s.run("kubectl rollout undo deployment http-go").stdout).toBe(
      "deployment.apps/http-go rolled back\n",
    );
    expect(s.run("kubectl rollout status deployment http-go").stdout).toBe(
      'deployment "http-go" successfully rolled out\n',
    );
    expect(lines(s.run("kubectl describe quota pods").stdout).slice(2)).toEqual([
      "Resource    Used  Hard",
      "--------    ----  ----",
      "pods        3     3",
    ]);
  });
});
