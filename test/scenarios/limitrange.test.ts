/**
 * Failure mode: a LimitRange (issue 4 point 2). Lines a learner types and the lines they see. Expected
 * text: kubectl-facts §11.4 (`maximum cpu usage per Container is 500m, but limit is 1`, the
 * `error when creating "…": ` prefix of create -f, the `kubernetes.io/limit-ranger` annotation), §6
 * (`NAME  CREATED AT` for limit ranges) and the docs' describe limitrange layout.
 */
import { describe, expect, it } from "vitest";
import { CPU_LIMITS, HTTP_GO_V1, podYaml } from "./manifests";
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

  it("stops a rollout whose template asks for more than the max, until the limit fits (lesson 05)", () => {
    const s = new Sandbox();
    s.write("http-go-v1.yaml", HTTP_GO_V1);
    s.write("limits.yaml", CPU_LIMITS);
    expect(s.run("kubectl apply -f http-go-v1.yaml").exit).toBe(0);
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);
    expect(s.run("kubectl apply -f limits.yaml").stdout).toBe("limitrange/cpu-limits created\n");

    // break it: the patch is accepted, the pods it needs are not
    const limit = (cpu: string) =>
      `kubectl patch deployment http-go -p '{"spec":{"template":{"spec":{"containers":[{"name":"http-go","resources":{"limits":{"cpu":"${cpu}"}}}]}}}}'`;
    expect(s.run(limit("1")).stdout).toBe("deployment.apps/http-go patched\n");
    const status = s.run("kubectl rollout status deployment http-go --timeout=10s");
    expect(status.stderr).toBe("error: timed out waiting for the condition\n");
    expect(status.exit).toBe(1);
    const failed = lines(s.run("kubectl get events").stdout).filter((l) => l.includes("FailedCreate"));
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) {
      expect(row).toMatch(
        /Error creating: pods "http-go-[a-z0-9]+-[a-z0-9]{5}" is forbidden: maximum cpu usage per Container is 500m, but limit is 1$/,
      );
    }

    // fix it: a limit inside the range
    expect(s.run(limit("500m")).stdout).toBe("deployment.apps/http-go patched\n");
    const fixed = s.run("kubectl rollout status deployment http-go");
    expect(fixed.exit).toBe(0);
    expect(lines(fixed.stdout).pop()).toBe('deployment "http-go" successfully rolled out');
    expect(
      s.run("kubectl get pods -o jsonpath={.items[*].spec.containers[0].resources.limits.cpu}").stdout,
    ).toBe("500m 500m 500m");
  }, 30_000);
});
