/**
 * Failure mode: an insufficient ResourceQuota (issue 4 point 1). Lines a learner types and the lines they
 * see. Expected text: kubectl-facts §11.3 (`exceeded quota: …, requested: pods=1, used: pods=3, limited:
 * pods=3`, the `error when creating "…": ` prefix), pods.go's v1.32 Constraints message (`must specify
 * limits.cpu for: http-go; requests.cpu for: http-go`), and printResourceQuota's columns
 * (`NAME  AGE  REQUEST  LIMIT`, `pods: 3/3`, limits.* under LIMIT).
 */
import { describe, expect, it } from "vitest";
import { podYaml } from "./manifests";
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
