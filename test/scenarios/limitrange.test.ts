/**
 * Failure mode: a LimitRange (issue 4 point 2). Lines a learner types and the lines they see. Expected
 * text: kubectl-facts §11.4 (`maximum cpu usage per Container is 500m, but limit is 1`, the
 * `error when creating "…": ` prefix of create -f, the `kubernetes.io/limit-ranger` annotation), §6
 * (`NAME  CREATED AT` for limit ranges) and the docs' describe limitrange layout.
 */
import { describe, expect, it } from "vitest";
import { CPU_LIMITS, podYaml } from "./manifests";
import { lines, Sandbox } from "./sandbox";

describe("scenario: limit range", () => {
  it("refuses a pod over the Container max and fills in the defaults of one that sets nothing", () => {
    const s = new Sandbox();
    s.write("limits.yaml", CPU_LIMITS);
    s.write("big.yaml", podYaml("big", "1"));
    s.write("small.yaml", podYaml("small"));

    expect(s.run("kubectl create -f limits.yaml").stdout).toBe("limitrange/cpu-limits created\n");
    expect(lines(s.run("kubectl get limitrange").stdout)).toEqual([
      "NAME         CREATED AT",
      "cpu-limits   2026-01-01T00:00:00Z",
    ]);

    // break it
    expect(s.run("kubectl create -f big.yaml")).toEqual({
      stdout: "",
      stderr:
        'Error from server (Forbidden): error when creating "big.yaml": pods "big" is forbidden: maximum cpu usage per Container is 500m, but limit is 1\n',
      exit: 1,
    });

    // observe the defaults on a pod that sets nothing
    expect(s.run("kubectl create -f small.yaml").stdout).toBe("pod/small created\n");
    expect(s.run("kubectl get pod small -o jsonpath={.metadata.annotations}").stdout).toBe(
      '{"kubernetes.io/limit-ranger":"LimitRanger plugin set: cpu request for container http-go; cpu limit for container http-go"}',
    );
    expect(s.run("kubectl get pod small -o jsonpath={.spec.containers[0].resources}").stdout).toBe(
      '{"limits":{"cpu":"200m"},"requests":{"cpu":"100m"}}',
    );

    // fix it: a limit inside the range
    s.write("big.yaml", podYaml("big", "500m"));
    expect(s.run("kubectl create -f big.yaml").stdout).toBe("pod/big created\n");
  }, 30_000);
});
