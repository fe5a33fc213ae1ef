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
  }, 30_000);

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
  }, 30_000);
});

describe("scenario: resource quota stops a rollout", () => {
  it("lets set image through, refuses the surge pod, shows ReplicaFailure, and recovers when the quota is raised", () => {
    const s = new Sandbox();
    s.write("http-go-v1.yaml", HTTP_GO_V1);
    expect(s.run("kubectl apply -f http-go-v1.yaml").stdout).toBe("deployment.apps/http-go created\n");
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);

    // break it: 3 pods allowed, and the rolling update wants a fourth (maxSurge 25% of 3 → 1)
    expect(s.run("kubectl create quota pods --hard=pods=3").stdout).toBe("resourcequota/pods created\n");
    expect(lines(s.run("kubectl get quota").stdout)).toEqual([
      "NAME   AGE   REQUEST     LIMIT",
      "pods   0s    pods: 3/3   ",
    ]);
    expect(s.run("kubectl set image deployment http-go http-go=gasbugs/http-go:v2")).toEqual({
      stdout: "deployment.apps/http-go image updated\n",
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
    const failed = lines(s.run("kubectl get events").stdout).filter((l) => l.includes("FailedCreate"));
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) {
      expect(row).toMatch(
        /Error creating: pods "http-go-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=3, limited: pods=3$/,
      );
    }

    // fix it: room for the surge pod (3 + maxSurge 1)
    expect(s.run(`kubectl patch quota pods -p '{"spec":{"hard":{"pods":"4"}}}'`).stdout).toBe(
      "resourcequota/pods patched\n",
    );
    const fixed = s.run("kubectl rollout status deployment http-go");
    expect(fixed.exit).toBe(0);
    expect(lines(fixed.stdout).pop()).toBe('deployment "http-go" successfully rolled out');
    // the last old pod counts while it terminates (30 s grace), then the usage is back to 3
    s.sleep(40_000);
    expect(lines(s.run("kubectl describe quota pods").stdout).slice(2)).toEqual([
      "Resource    Used  Hard",
      "--------    ----  ----",
      "pods        3     4",
    ]);
    expect(s.run("kubectl get deployment http-go -o jsonpath={.status.conditions[*].type}").stdout).toBe(
      "Available Progressing",
    );
  }, 30_000);
});
