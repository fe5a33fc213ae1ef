/**
 * Failure modes of the running app (issue 4 point 5; the kubelet behaviour is the pods engineer's, this
 * checks what the learner sees): an image tag that does not exist, an app that exits for a missing
 * environment variable, and a memory limit below what the app uses. Expected text: kubectl-facts §6
 * (STATUS values, `RESTARTS` as `3 (42s ago)`, kubelet event messages `Failed to pull image "…": …`,
 * `Error: ErrImagePull`, `Back-off pulling image "…"`, `Error: ImagePullBackOff`, `Back-off restarting
 * failed container <c> in pod <pod>_<ns>(<uid>)`), §7.3 (`Last State: Terminated`, `Reason: OOMKilled`,
 * `Exit Code: 137`), §2.4 (the deadline error). The app's own log line comes from the image catalog.
 */
import { describe, expect, it } from "vitest";
import { httpGoWith } from "./manifests";
import { lines, Sandbox } from "./sandbox";

function podRows(s: Sandbox): string[] {
  return lines(s.run("kubectl get pods").stdout).slice(1);
}

function eventMessages(s: Sandbox): string[] {
  const list = JSON.parse(s.run("kubectl get events -o json").stdout) as {
    items: { reason: string; message: string }[];
  };
  return list.items.map((e) => `${e.reason}|${e.message}`);
}

describe("scenario: image pull failure", () => {
  it("shows ErrImagePull/ImagePullBackOff and exceeds the progress deadline", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", httpGoWith("gasbugs/http-go:v9"));
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    s.sleep(5_000);
    const [row] = podRows(s);
    expect(row).toMatch(/^http-go-\S+ +0\/1 +(ErrImagePull|ImagePullBackOff) +0 +5s$/);
    const messages = eventMessages(s);
    expect(messages).toContain(
      'Failed|Failed to pull image "gasbugs/http-go:v9": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/gasbugs/http-go:v9": failed to resolve reference "docker.io/gasbugs/http-go:v9": docker.io/gasbugs/http-go:v9: not found',
    );
    expect(messages).toContain("Failed|Error: ErrImagePull");
    expect(messages).toContain('BackOff|Back-off pulling image "gasbugs/http-go:v9"');
    expect(messages).toContain("Failed|Error: ImagePullBackOff");

    const status = s.run("kubectl rollout status deployment http-go");
    expect(status.stderr).toBe('error: deployment "http-go" exceeded its progress deadline\n');
    expect(status.exit).toBe(1);

    // fix it: a tag that exists
    expect(s.run("kubectl set image deployment http-go http-go=gasbugs/http-go:v1").stdout).toBe(
      "deployment.apps/http-go image updated\n",
    );
    const fixed = s.run("kubectl rollout status deployment http-go");
    expect(fixed.exit).toBe(0);
    expect(lines(fixed.stdout).pop()).toBe('deployment "http-go" successfully rolled out');
  }, 30_000);
});

describe("scenario: the app exits (misconfiguration)", () => {
  it("goes into CrashLoopBackOff and logs why", () => {
    const s = new Sandbox();
    s.write("http-go.yaml", httpGoWith("sandbox/needs-env:v1"));
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    s.sleep(45_000);
    const [row] = podRows(s);
    expect(row).toMatch(/^http-go-\S+ +0\/1 +CrashLoopBackOff +[1-9] \(\d+s ago\) +45s$/);
    const pod = s.cluster.read((api) => api.list("pods", "default"))[0];
    expect(eventMessages(s)).toContain(
      `BackOff|Back-off restarting failed container http-go in pod ${pod?.metadata.name}_default(${pod?.metadata.uid})`,
    );
    expect(s.run("kubectl logs deployment/http-go")).toEqual({
      stdout: "error: required environment variable APP_MODE is not set\n",
      stderr: "",
      exit: 0,
    });

    // fix it: give the app what it needs
    s.write(
      "http-go.yaml",
      httpGoWith(
        "sandbox/needs-env:v1",
        "        env:\n        - name: APP_MODE\n          value: production\n",
      ),
    );
    expect(s.run("kubectl apply -f http-go.yaml").stdout).toBe("deployment.apps/http-go configured\n");
    expect(lines(s.run("kubectl rollout status deployment http-go").stdout).pop()).toBe(
      'deployment "http-go" successfully rolled out',
    );
  }, 30_000);
});

describe("scenario: memory limit below what the app uses", () => {
  it("is OOMKilled (exit code 137) and restarted", () => {
    const s = new Sandbox();
    s.write(
      "http-go.yaml",
      httpGoWith(
        "sandbox/memory-hog:v1",
        "        resources:\n          limits:\n            memory: 128Mi\n",
      ),
    );
    expect(s.run("kubectl apply -f http-go.yaml").exit).toBe(0);
    s.sleep(30_000);
    const pod = s.cluster.read((api) => api.list("pods", "default"))[0];
    const described = lines(s.run(`kubectl describe pod ${pod?.metadata.name}`).stdout);
    const at = described.indexOf("    Last State:     Terminated");
    expect(at).toBeGreaterThan(0);
    expect(described.slice(at, at + 3)).toEqual([
      "    Last State:     Terminated",
      "      Reason:       OOMKilled",
      "      Exit Code:    137",
    ]);
    expect(podRows(s)[0]).toMatch(
      /^http-go-\S+ +0\/1 +(CrashLoopBackOff|OOMKilled) +[1-9] \(\d+s ago\) +30s$/,
    );

    // fix it: a limit above what the app uses
    s.write(
      "http-go.yaml",
      httpGoWith("sandbox/memory-hog:v1", "        resources:\n          limits:\n            memory: 1Gi\n"),
    );
    expect(s.run("kubectl apply -f http-go.yaml").stdout).toBe("deployment.apps/http-go configured\n");
    expect(lines(s.run("kubectl rollout status deployment http-go").stdout).pop()).toBe(
      'deployment "http-go" successfully rolled out',
    );
  }, 30_000);
});
