/**
 * `kubectl logs` of a container that has not run yet, and `--previous` of one that never restarted
 * (brief point 3). The messages are the kubelet's validateContainerLogStatus (pkg/kubelet/kubelet_pods.go):
 * ErrImagePull → `container "c" in pod "p" is waiting to start: image can't be pulled`, ImagePullBackOff →
 * `… is waiting to start: trying and failing to pull image`, any other waiting reason →
 * `… is waiting to start: <reason>`, `--previous` without a terminated run → `previous terminated container
 * "c" in pod "p" not found`; the API server returns them as BadRequest, which kubectl prints as
 * `Error from server (BadRequest): …` with exit code 1. Timing (kubelet README): a failed pull reports
 * ErrImagePull 1 s after Pulling and ImagePullBackOff 1 s later; a first pull takes 2 s.
 */
import { describe, expect, it } from "vitest";
import { lines, Sandbox } from "./sandbox";

function pod(name: string, image: string, extra = ""): string {
  return `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
spec:
  containers:
  - name: http-go
    image: ${image}
${extra}`;
}

const bad = (pod: string, why: string) => ({
  stdout: "",
  stderr: `Error from server (BadRequest): container "http-go" in pod "${pod}" is waiting to start: ${why}\n`,
  exit: 1,
});

describe("scenario: logs of a container that waits to start", () => {
  it("names ContainerCreating, then the failed pull, then the pull back-off", () => {
    const s = new Sandbox();
    s.write("bad.yaml", pod("bad", "gasbugs/http-go:v9"));
    expect(s.run("kubectl create -f bad.yaml").stdout).toBe("pod/bad created\n");
    expect(s.run("kubectl logs bad")).toEqual(bad("bad", "ContainerCreating"));
    s.sleep(1_000);
    expect(lines(s.run("kubectl get pod bad").stdout)[1]).toBe("bad    0/1     ErrImagePull   0          1s");
    expect(s.run("kubectl logs bad")).toEqual(bad("bad", "image can't be pulled"));
    s.sleep(1_000);
    expect(lines(s.run("kubectl get pod bad").stdout)[1]).toBe(
      "bad    0/1     ImagePullBackOff   0          2s",
    );
    expect(s.run("kubectl logs bad")).toEqual(bad("bad", "trying and failing to pull image"));
    expect(s.run("kubectl logs bad -p")).toEqual({
      stdout: "",
      stderr:
        'Error from server (BadRequest): previous terminated container "http-go" in pod "bad" not found\n',
      exit: 1,
    });
  }, 30_000);

  it("names CreateContainerConfigError when the ConfigMap the env needs is missing", () => {
    const s = new Sandbox();
    const env =
      "    env:\n    - name: APP_MODE\n      valueFrom:\n        configMapKeyRef:\n          name: app-config\n          key: mode\n";
    s.write("cfg.yaml", pod("cfg", "gasbugs/http-go:v1", env));
    expect(s.run("kubectl create -f cfg.yaml").stdout).toBe("pod/cfg created\n");
    s.sleep(5_000);
    expect(lines(s.run("kubectl get pod cfg").stdout)[1]).toBe(
      "cfg    0/1     CreateContainerConfigError   0          5s",
    );
    expect(s.run("kubectl logs cfg")).toEqual(bad("cfg", "CreateContainerConfigError"));
  }, 30_000);

  it("shows the running app's output, and refuses --previous until it has restarted", () => {
    const s = new Sandbox();
    s.write("web.yaml", pod("web", "gasbugs/http-go:v1"));
    expect(s.run("kubectl create -f web.yaml").stdout).toBe("pod/web created\n");
    s.sleep(5_000);
    expect(s.run("kubectl logs web").exit).toBe(0);
    expect(s.run("kubectl logs web --previous")).toEqual({
      stdout: "",
      stderr:
        'Error from server (BadRequest): previous terminated container "http-go" in pod "web" not found\n',
      exit: 1,
    });
  }, 30_000);

  it("shows the last run's output while the container waits in CrashLoopBackOff, and the same run with -p (lastState names it either way)", () => {
    const s = new Sandbox();
    s.write("crash.yaml", pod("crash", "sandbox/needs-env:v1"));
    expect(s.run("kubectl create -f crash.yaml").stdout).toBe("pod/crash created\n");
    s.sleep(45_000);
    expect(lines(s.run("kubectl get pod crash").stdout)[1]).toMatch(
      /^crash +0\/1 +CrashLoopBackOff +[1-9] \(\d+s ago\) +45s$/,
    );
    const out = { stdout: "error: required environment variable APP_MODE is not set\n", stderr: "", exit: 0 };
    expect(s.run("kubectl logs crash")).toEqual(out);
    expect(s.run("kubectl logs crash --previous")).toEqual(out);
  }, 30_000);
});
