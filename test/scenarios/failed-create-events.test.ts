/**
 * What 10 minutes of refused pod creations look like (issue 4 point 1, brief points 1–2): a compute
 * quota refuses every pod of a template without requests, so the ReplicaSet retries under the work
 * queue's back-off and its FailedCreate events go through the event correlator.
 *
 * The expected lines follow from the real rules, worked by hand:
 *  - replica_set.go: a failed sync returns the error (processNextWorkItem → AddRateLimited); its status
 *    write (ReplicaFailure) is an update the informer reports (updateRS → enqueue), so the 2nd try is
 *    immediate; then DefaultControllerRateLimiter's 5 ms × 2^(n−1) with the delaying queue keeping the
 *    earliest retry: tries at 0, 0, 5 ms, 25 ms, 65 ms, 145 ms, 305 ms, 625 ms, 1.265 s, 2.545 s, 5.105 s,
 *    10.225 s, 20.465 s, 40.945 s, 81.905 s, 163.825 s, 327.665 s (17 in 10 minutes), 655.345 s.
 *  - slowStartBatch starts with 1 pod: one refusal per try, each naming a new pod (the name is generated
 *    before the quota admission runs), so every message differs.
 *  - events_cache.go: 9 distinct messages are recorded as they are; the 10th (2.545 s) and later ones
 *    become one `(combined from similar events): <latest>` event: 8 of them by 327.665 s.
 *  - Event timestamps have second precision; ages are HumanDuration (`10m`, `9m59s`, `4m33s`).
 *  - `kubectl get events` lists events by name (`<object>.<hex time>`): the ReplicaSet's
 *    (`http-go-<hash>.…`) before the Deployment's (`http-go.…`), as '-' sorts before '.'.
 */
import { describe, expect, it } from "vitest";
import { HTTP_GO_V1 } from "./manifests";
import { lines, Sandbox } from "./sandbox";

const REFUSAL =
  "is forbidden: failed quota: compute: must specify limits.cpu for: http-go; requests.cpu for: http-go";

/** The pod names in the FailedCreate messages of `kubectl get events`, in row order. */
function refusedPods(out: string): string[] {
  return [...out.matchAll(/pods "(http-go-[a-z0-9]+-[a-z0-9]{5})" is forbidden/g)].map((m) => m[1] ?? "");
}

describe("scenario: a ReplicaSet refused by a quota for 10 minutes", () => {
  it("shows 9 FailedCreate events and one combined event counting the rest, in get events and describe rs", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", HTTP_GO_V1);
    expect(s.run("kubectl create quota compute --hard=requests.cpu=1,limits.cpu=2").exit).toBe(0);
    expect(s.cluster.now).toBe(0);
    expect(s.run("kubectl apply -f http-go.yaml").stdout).toBe("deployment.apps/http-go created\n");
    const rs = s.run("kubectl get rs -o jsonpath={.items[0].metadata.name}").stdout;
    expect(rs).toMatch(/^http-go-[a-z0-9]{8,10}$/);

    s.sleep(600_000);
    const events = s.run("kubectl get events").stdout;
    const pods = refusedPods(events);
    expect(pods).toHaveLength(10);
    expect(new Set(pods).size).toBe(10);
    const obj = `replicaset/${rs}`.padEnd(32);
    const row = (age: string, pod: string, combined = false) =>
      `${age.padEnd(12)}Warning   FailedCreate        ${obj}${combined ? "(combined from similar events): " : ""}Error creating: pods "${pod}" ${REFUSAL}`;
    expect(lines(events)).toEqual([
      `LAST SEEN   TYPE      REASON              ${"OBJECT".padEnd(32)}MESSAGE`,
      ...pods.slice(0, 8).map((p) => row("10m", p)),
      row("9m59s", pods[8] ?? ""),
      row("4m33s", pods[9] ?? "", true),
      `10m         Normal    ScalingReplicaSet   ${"deployment/http-go".padEnd(32)}Scaled up replica set ${rs} from 0 to 3`,
    ]);

    const described = lines(s.run(`kubectl describe rs ${rs}`).stdout);
    const from = described.indexOf("Conditions:");
    const ev = (age: string, pod: string, combined = false, ageWidth = 23) =>
      `  Warning  FailedCreate  ${age.padEnd(ageWidth)}replicaset-controller  ${combined ? "(combined from similar events): " : ""}Error creating: pods "${pod}" ${REFUSAL}`;
    expect(described.slice(from)).toEqual([
      "Conditions:",
      "  Type             Status  Reason",
      "  ----             ------  ------",
      "  ReplicaFailure   True    FailedCreate",
      "Events:",
      "  Type     Reason        Age                    From                   Message",
      "  ----     ------        ----                   ----                   -------",
      ...pods.slice(0, 8).map((p) => ev("10m", p)),
      ev("9m59s", pods[8] ?? ""),
      ev("4m33s (x8 over 9m58s)", pods[9] ?? "", true),
    ]);

    // the 18th try, at 655.345 s, bumps the combined event to 9
    s.sleep(60_000);
    const later = s.run("kubectl get events").stdout;
    const latest = refusedPods(later)[9] ?? "";
    expect(pods).not.toContain(latest);
    expect(lines(later)[10]).toBe(row("5s", latest, true));
    expect(lines(s.run(`kubectl describe rs ${rs}`).stdout).at(-1)).toBe(
      ev("5s (x9 over 10m)", latest, true, 18),
    );
  }, 30_000);

  it("shows the same timeline for the surge pod of a rollout that a full pods quota refuses", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", HTTP_GO_V1);
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    expect(s.run("kubectl rollout status deployment http-go").exit).toBe(0);
    const oldRs = s.run("kubectl get rs -o jsonpath={.items[0].metadata.name}").stdout;
    expect(s.run("kubectl create quota pods --hard=pods=3").exit).toBe(0);
    expect(s.run("kubectl set image deployment http-go http-go=gasbugs/http-go:v2").exit).toBe(0);
    expect(s.cluster.now % 1000).toBe(0);
    const sets = s.run("kubectl get rs -o jsonpath={.items[*].metadata.name}").stdout.split(" ");
    expect(sets).toHaveLength(2);
    const newRs = sets.find((n) => n !== oldRs) ?? "";
    s.sleep(600_000);
    const described = lines(s.run(`kubectl describe rs ${newRs}`).stdout);
    const events = described.slice(described.indexOf("Events:"));
    const pods = refusedPods(events.join("\n"));
    expect(new Set(pods).size).toBe(10);
    const quota = "is forbidden: exceeded quota: pods, requested: pods=1, used: pods=3, limited: pods=3";
    const ev = (age: string, pod: string, combined = false) =>
      `  Warning  FailedCreate  ${age.padEnd(23)}replicaset-controller  ${combined ? "(combined from similar events): " : ""}Error creating: pods "${pod}" ${quota}`;
    expect(events).toEqual([
      "Events:",
      "  Type     Reason        Age                    From                   Message",
      "  ----     ------        ----                   ----                   -------",
      ...pods.slice(0, 8).map((p) => ev("10m", p)),
      ev("9m59s", pods[8] ?? ""),
      ev("4m33s (x8 over 9m58s)", pods[9] ?? "", true),
    ]);
  }, 30_000);

  it("creates the pods once the template asks for what the quota needs, and drops ReplicaFailure", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", HTTP_GO_V1);
    expect(s.run("kubectl create quota compute --hard=requests.cpu=1,limits.cpu=2").exit).toBe(0);
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    s.sleep(60_000);
    const patch = `{"spec":{"template":{"spec":{"containers":[{"name":"http-go","resources":{"requests":{"cpu":"100m"},"limits":{"cpu":"200m"}}}]}}}}`;
    expect(s.run(`kubectl patch deployment http-go -p '${patch}'`).stdout).toBe(
      "deployment.apps/http-go patched\n",
    );
    expect(lines(s.run("kubectl rollout status deployment http-go").stdout).pop()).toBe(
      'deployment "http-go" successfully rolled out',
    );
    const age = `${Math.trunc(s.cluster.now / 1000)}s`;
    expect(lines(s.run("kubectl get quota").stdout)).toEqual([
      "NAME      AGE   REQUEST                LIMIT",
      `compute   ${age.padEnd(6)}requests.cpu: 300m/1   limits.cpu: 600m/2`,
    ]);
    expect(s.run("kubectl get deployment http-go -o jsonpath={.status.conditions[*].type}").stdout).toBe(
      "Available Progressing",
    );
  }, 30_000);
});
