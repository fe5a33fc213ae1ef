/**
 * rollout history / undo / pause / resume / restart / status on hand-built objects. Expected text: the
 * reference sheet's exact samples (kubectl-facts.md §1–§3) and real kubectl v1.32.4's client-side errors.
 */
import { describe, expect, it } from "vitest";
import { deployment, replicaSet } from "./fixtures";
import { fixture, run } from "./support";

const V2 = "kubectl set image deployment/http-go http-go=example/http-go:v2 --record=true";
const V3 = "kubectl set image deployment/http-go http-go=example/http-go:v3 --record=true";
const done3 = {
  replicas: 3,
  updatedReplicas: 3,
  readyReplicas: 3,
  availableReplicas: 3,
  observedGeneration: 1,
};

describe("rollout history (§1)", () => {
  const c = fixture(
    [
      deployment(done3, { image: "example/http-go:v2" }),
      replicaSet("5d4f7c9b6", 1, "example/http-go:v1", { desired: 0, current: 0, ready: 0 }, 0),
      replicaSet("6f9c8d7b5c", 3, "example/http-go:v3", { desired: 0, current: 0, ready: 0 }, 100, V3),
      replicaSet("7c5f9d8b6d", 4, "example/http-go:v2", { desired: 3, current: 3, ready: 3 }, 50, V2),
    ],
    300,
  );

  it("the table: trailing space after the name, padding 2, blank last line", () => {
    expect(run(c, ["rollout", "history", "deployment/http-go"])).toEqual({
      stdout: [
        "deployment.apps/http-go ",
        "REVISION  CHANGE-CAUSE",
        "1         <none>",
        `3         ${V3}`,
        `4         ${V2}`,
        "",
        "",
      ].join("\n"),
      stderr: "",
      exit: 0,
    });
  });

  it("--revision: the pod template with literal TABs", () => {
    expect(run(c, ["rollout", "history", "deployment", "http-go", "--revision=4"]).stdout).toBe(
      [
        "deployment.apps/http-go with revision #4",
        "Pod Template:",
        "  Labels:\tapp=http-go",
        "\tpod-template-hash=7c5f9d8b6d",
        `  Annotations:\tkubernetes.io/change-cause: ${V2}`,
        "  Containers:",
        "   http-go:",
        "    Image:\texample/http-go:v2",
        "    Port:\t8080/TCP",
        "    Host Port:\t0/TCP",
        "    Environment:\t<none>",
        "    Mounts:\t<none>",
        "  Volumes:\t<none>",
        "  Node-Selectors:\t<none>",
        "  Tolerations:\t<none>",
        "",
        "",
      ].join("\n"),
    );
  });

  it("errors", () => {
    expect(run(c, ["rollout", "history", "deploy/http-go", "--revision=2"])).toEqual({
      stdout: "",
      stderr: "error: unable to find the specified revision\n",
      exit: 1,
    });
    expect(run(c, ["rollout", "history", "deploy/http-go", "--revision=-1"]).stderr).toBe(
      "error: revision must be a positive integer: -1\n",
    );
    expect(run(c, ["rollout", "history"]).stderr).toBe("error: required resource not specified\n");
    expect(run(c, ["rollout", "history", "deploy/x"]).stderr).toBe(
      'Error from server (NotFound): deployments.apps "x" not found\n',
    );
    expect(run(c, ["rollout", "history", "--foo"]).stderr).toBe(
      "Error: unknown flag: --foo\nSee 'kubectl rollout history --help' for usage.\n",
    );
    expect(run(c, ["rollout", "history", "--revision"]).stderr).toBe(
      "Error: flag needs an argument: --revision\nSee 'kubectl rollout history --help' for usage.\n",
    );
    expect(run(c, ["rollout", "history", "--revision=abc"]).stderr).toBe(
      'Error: invalid argument "abc" for "--revision" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee \'kubectl rollout history --help\' for usage.\n',
    );
    expect(run(c, ["rollout", "history", "-r"]).stderr).toBe(
      "Error: unknown shorthand flag: 'r' in -r\nSee 'kubectl rollout history --help' for usage.\n",
    );
  });
});

describe("rollout undo (§3.1)", () => {
  const objs = () => [
    deployment(done3, {
      image: "example/http-go:v2",
      annotations: { "deployment.kubernetes.io/revision": "2" },
    }),
    replicaSet("5d4f7c9b6", 1, "example/http-go:v1", { desired: 0, current: 0, ready: 0 }, 0),
    replicaSet("7c5f9d8b6d", 2, "example/http-go:v2", { desired: 3, current: 3, ready: 3 }, 50, V2),
  ];

  it("rolls back to the previous revision: template without the hash, the RS's annotations", () => {
    const c = fixture(objs(), 300);
    expect(run(c, ["rollout", "undo", "deployment/http-go"])).toEqual({
      stdout: "deployment.apps/http-go rolled back\n",
      stderr: "",
      exit: 0,
    });
    const d = c.state.objects.deployments?.get("default/http-go");
    expect(d?.spec.template.spec.containers[0].image).toBe("example/http-go:v1");
    expect(d?.spec.template.metadata.labels).toEqual({ app: "http-go" });
    expect(d?.metadata.annotations).toEqual({ "deployment.kubernetes.io/revision": "2" });
  });

  it("skips when the template already matches; unknown revision; paused", () => {
    const c = fixture(objs(), 300);
    expect(run(c, ["rollout", "undo", "deployment/http-go", "--to-revision=2"]).stdout).toBe(
      "deployment.apps/http-go skipped rollback (current template already matches revision 2)\n",
    );
    expect(run(c, ["rollout", "undo", "deployment/http-go", "--to-revision=7"]).stderr).toBe(
      "error: unable to find specified revision 7 in history\n",
    );
    expect(run(c, ["rollout", "undo", "deployment/http-go", "--record"]).stderr).toBe(
      "Error: unknown flag: --record\nSee 'kubectl rollout undo --help' for usage.\n",
    );
    expect(run(c, ["rollout", "pause", "deployment/http-go"]).stdout).toBe(
      "deployment.apps/http-go paused\n",
    );
    expect(run(c, ["rollout", "undo", "deployment/http-go"]).stderr).toBe(
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    );
  });

  it("only one revision", () => {
    const c = fixture([deployment(done3, { image: "example/http-go:v1" }), objs()[1] as never], 300);
    expect(run(c, ["rollout", "undo", "deploy/http-go"]).stderr).toBe(
      'error: no rollout history found for deployment "http-go"\n',
    );
  });
});

describe("rollout pause / resume / restart (§3.2–3.4)", () => {
  it("pause twice, resume twice", () => {
    const c = fixture([deployment(done3)], 10);
    expect(run(c, ["rollout", "pause", "deploy/http-go"]).stdout).toBe("deployment.apps/http-go paused\n");
    expect(run(c, ["rollout", "pause", "deploy/http-go"])).toEqual({
      stdout: "",
      stderr: 'error: deployments.apps "http-go" is already paused\n',
      exit: 1,
    });
    expect(run(c, ["rollout", "restart", "deploy/http-go"]).stderr).toBe(
      `error: deployments.apps "http-go" can't restart paused deployment (run rollout resume first)\n`,
    );
    expect(run(c, ["rollout", "resume", "deploy/http-go"]).stdout).toBe("deployment.apps/http-go resumed\n");
    expect(run(c, ["rollout", "resume", "deploy/http-go"]).stderr).toBe(
      'error: deployments.apps "http-go" is not paused\n',
    );
  });

  it("restart stamps the simulated time, and refuses twice in one second", () => {
    const c = fixture([deployment(done3)], 10);
    expect(run(c, ["rollout", "restart", "deploy/http-go"]).stdout).toBe(
      "deployment.apps/http-go restarted\n",
    );
    const d = c.state.objects.deployments?.get("default/http-go");
    expect(d?.spec.template.metadata.annotations).toEqual({
      "kubectl.kubernetes.io/restartedAt": "2026-01-01T00:00:10Z",
    });
    expect(run(c, ["rollout", "restart", "deploy/http-go"]).stderr).toBe(
      "error: failed to create patch for http-go: if restart has already been triggered within the past second, please wait before attempting to trigger another\n",
    );
  });
});

describe("rollout status command (§2)", () => {
  it("already complete: only the final line", () => {
    const c = fixture([deployment(done3)], 10);
    expect(run(c, ["rollout", "status", "deployment/http-go"])).toEqual({
      stdout: 'deployment "http-go" successfully rolled out\n',
      stderr: "",
      exit: 0,
    });
  });

  it("--watch=false prints the current line and exits 0", () => {
    const c = fixture([deployment({ ...done3, updatedReplicas: 1 })], 10);
    expect(run(c, ["rollout", "status", "deployment/http-go", "--watch=false"])).toEqual({
      stdout:
        'Waiting for deployment "http-go" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: "",
      exit: 0,
    });
  });

  it("--timeout ends with `timed out waiting for the condition`", () => {
    const c = fixture([deployment({ ...done3, updatedReplicas: 1 })], 10);
    expect(run(c, ["rollout", "status", "deployment/http-go", "--timeout=30s"])).toEqual({
      stdout:
        'Waiting for deployment "http-go" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: "error: timed out waiting for the condition\n",
      exit: 1,
    });
    expect(c.now).toBe(40_000);
  });

  it("Ctrl-C while waiting ends with exit 1 and no message", () => {
    const c = fixture([deployment({ ...done3, updatedReplicas: 1 })], 10);
    expect(run(c, ["rollout", "status", "deployment/http-go"], 5_000)).toEqual({
      stdout:
        'Waiting for deployment "http-go" rollout to finish: 1 out of 3 new replicas have been updated...\n',
      stderr: "",
      exit: 1,
    });
  });

  it("deadline exceeded", () => {
    const c = fixture(
      [
        deployment({
          ...done3,
          updatedReplicas: 1,
          conditions: [{ type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded" }],
        }),
      ],
      10,
    );
    expect(run(c, ["rollout", "status", "deploy/http-go"])).toEqual({
      stdout: "",
      stderr: 'error: deployment "http-go" exceeded its progress deadline\n',
      exit: 1,
    });
  });

  it("errors", () => {
    const c = fixture([deployment(done3)], 10);
    expect(run(c, ["rollout", "status"]).stderr).toBe("error: required resource not specified\n");
    expect(run(c, ["rollout", "status", "deploy/x"]).stderr).toBe(
      'Error from server (NotFound): deployments.apps "x" not found\n',
    );
    expect(run(c, ["rollout", "status", "deploy/http-go", "--timeout=abc"]).stderr).toBe(
      'Error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee \'kubectl rollout status --help\' for usage.\n',
    );
  });
});
