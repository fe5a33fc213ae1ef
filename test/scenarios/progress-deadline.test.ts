/**
 * Failure mode: the progress deadline (issue 4 point 6), end to end. A rollout that cannot create its
 * pods (the quota is full) stops making progress; `rollout status` waits, then fails exactly when the
 * controller marks Progressing=False/ProgressDeadlineExceeded; nothing is rolled back; `rollout undo`
 * recovers. Expected text and timing: kubectl-facts §2.1/§2.4 (waiting lines, `error: deployment "http-go"
 * exceeded its progress deadline`, exit 1), controller-facts §7.3–§7.5 (the condition appended last by
 * SetDeploymentCondition; requeueStuckDeployment fires at lastUpdateTime + deadline + 1 s, because
 * DeploymentTimedOut needs the deadline to be strictly in the past).
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1 } from "./manifests";
import { lines, Sandbox } from "./sandbox";

const WAITING_NEW =
  'Waiting for deployment "http-go" rollout to finish: 0 out of 3 new replicas have been updated...';

function conditions(describeOut: string): string[] {
  const all = lines(describeOut);
  const start = all.indexOf("Conditions:");
  const end = all.findIndex((l, i) => i > start && !l.startsWith("  "));
  return all.slice(start, end);
}

describe("scenario: progress deadline", () => {
  it("fails rollout status at the deadline, rolls nothing back, and recovers on undo", () => {
    const s = new Sandbox();
    s.write(
      "http-go.yaml",
      HTTP_GO_V1.replace("  replicas: 3\n", "  replicas: 3\n  progressDeadlineSeconds: 60\n"),
    );
    expect(s.run("kubectl create -f http-go.yaml").stdout).toBe("deployment.apps/http-go created\n");
    expect(lines(s.run("kubectl rollout status deployment http-go").stdout).pop()).toBe(
      'deployment "http-go" successfully rolled out',
    );

    // break it: the quota is full, so the surge pod of the next rollout is refused
    expect(s.run("kubectl create quota pods --hard=pods=3").exit).toBe(0);
    expect(s.run("kubectl rollout restart deployment http-go").stdout).toBe(
      "deployment.apps/http-go restarted\n",
    );
    const restartedAt = s.cluster.now;

    // observe it
    const status = s.run("kubectl rollout status deployment http-go");
    expect(status.exit).toBe(1);
    expect(status.stderr).toBe('error: deployment "http-go" exceeded its progress deadline\n');
    expect(new Set(lines(status.stdout))).toEqual(new Set([WAITING_NEW]));
    expect(s.cluster.now - restartedAt).toBe(61_000);

    expect(conditions(s.run("kubectl describe deployment http-go").stdout)).toEqual([
      "Conditions:",
      "  Type             Status  Reason",
      "  ----             ------  ------",
      "  Available        True    MinimumReplicasAvailable",
      "  ReplicaFailure   True    FailedCreate",
      "  Progressing      False   ProgressDeadlineExceeded",
    ]);
    // nothing is rolled back: the three old pods keep serving, none of the new template exists
    expect(lines(s.run("kubectl get deployment http-go").stdout)).toEqual([
      "NAME      READY   UP-TO-DATE   AVAILABLE   AGE",
      "http-go   3/3     0            3           64s",
    ]);
    const failed = lines(s.run("kubectl get events").stdout).filter((l) => l.includes("FailedCreate"));
    expect(failed.length).toBeGreaterThan(0);
    for (const row of failed) {
      expect(row).toMatch(
        /^\S+ +Warning +FailedCreate +replicaset\/http-go-[a-z0-9]+ +(\(combined from similar events\): )?Error creating: pods "http-go-[a-z0-9]+-[a-z0-9]{5}" is forbidden: exceeded quota: pods, requested: pods=1, used: pods=3, limited: pods=3$/,
      );
    }

    // fix it: go back to the template that runs
    expect(s.run("kubectl rollout undo deployment http-go").stdout).toBe(
      "deployment.apps/http-go rolled back\n",
    );
    expect(s.run("kubectl rollout status deployment http-go")).toEqual({
      stdout: 'deployment "http-go" successfully rolled out\n',
      stderr: "",
      exit: 0,
    });
    expect(conditions(s.run("kubectl describe deployment http-go").stdout)).toEqual([
      "Conditions:",
      "  Type           Status  Reason",
      "  ----           ------  ------",
      "  Available      True    MinimumReplicasAvailable",
      "  Progressing    True    NewReplicaSetAvailable",
    ]);
  }, 30_000);
});
