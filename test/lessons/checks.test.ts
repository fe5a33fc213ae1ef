/**
 * The check language on hand-built cluster states: each check kind passes on the state it describes and
 * fails naming the observed value. Expected values come from the state the test built, not from our code.
 */
import { describe, expect, it } from "vitest";
import { type Check, evaluate, parseCheck, type WorldCommand } from "../../src/lessons";
import { checkLine, describeObservation } from "../../src/lessons/checks/messages";
import { deployment, emptyCluster, event, pod, put, ran, rs } from "./fixtures";

function check(source: string): Check {
  const p = parseCheck(source, 7);
  if (!p.ok) throw new Error(p.message);
  return p.check;
}

/** The notes' state after undo: revisions 1, 3, 4 (4 = the old revision 2 re-used). */
function notesState() {
  const s = emptyCluster(90_000);
  put(s, "deployments", deployment("http-go", 4, "gasbugs/http-go:v2", { minReadySeconds: 10 }));
  put(
    s,
    "replicasets",
    rs(
      "http-go",
      "5f4d98f6d5",
      1,
      0,
      "gasbugs/http-go:v1",
      "kubectl apply --filename=http-go-v1.yaml --record=true",
    ),
  );
  put(s, "replicasets", rs("http-go", "5dbf76cb99", 3, 0, "gasbugs/http-go:v3"));
  put(s, "replicasets", rs("http-go", "7d7bd59cf4", 4, 3, "gasbugs/http-go:v2"));
  for (const n of ["a", "b", "c"])
    put(s, "pods", pod(`http-go-7d7bd59cf4-${n}`, "http-go", "gasbugs/http-go:v2", true));
  put(s, "pods", pod("http-go-7d7bd59cf4-d", "http-go", "gasbugs/http-go:v2", false, "CrashLoopBackOff"));
  put(
    s,
    "events",
    event(
      "FailedCreate",
      "ReplicaSet",
      "http-go-7d7bd59cf4",
      'Error creating: pods "http-go-7d7bd59cf4-x" is forbidden: exceeded quota: q',
    ),
  );
  return s;
}

function run(source: string, transcript: WorldCommand[] = [], busy: number[] = []) {
  const world = {
    state: notesState(),
    transcript,
    terminals: [1, 2].map((id) => ({ id, busy: busy.includes(id) })),
  };
  const o = evaluate(check(source), world, { transcriptIndex: 0, t: 0 });
  return { ok: o.ok, observed: describeObservation(o.observed, "en") };
}

describe("check language on a cluster state", () => {
  it.each([
    ["deployment http-go exists", true, "exists"],
    ["deployment nope exists", false, "not found"],
    ["deploy nope absent", true, "not found"],
    ["deployment http-go revision >= 2", true, "4"],
    ["deployment http-go revision == 5", false, "4"],
    ["deployment http-go not paused", true, "not paused"],
    ["deployment http-go paused", false, "not paused"],
    ["deployment http-go image gasbugs/http-go:v2", true, "gasbugs/http-go:v2"],
    ["deployment http-go spec.minReadySeconds == 10", true, "10"],
    ["deployment http-go spec.progressDeadlineSeconds == 600", false, "<none>"],
    ["deployment http-go annotation deployment.kubernetes.io/revision == 4", true, "4"],
    ["rollout history http-go lists 1,3,4", true, "1,3,4"],
    ["rollout history http-go lists 1,2,3", false, "1,3,4"],
    [
      'rollout history http-go revision 1 cause contains "--record=true"',
      true,
      "kubectl apply --filename=http-go-v1.yaml --record=true",
    ],
    ["rollout history http-go revision 3 cause == <none>", true, "<none>"],
    ["pods app=http-go image gasbugs/http-go:v2 ready 3", true, "3"],
    ["pods app=http-go ready >= 4", false, "3"],
    ["pods app=http-go count 4", true, "4"],
    ["pods app=http-go reason CrashLoopBackOff count >= 1", true, "1"],
    ["pods app=http-go restarts >= 3", true, "3"],
    ["replicasets app=http-go count 3", true, "3"],
    ["rs app=http-go image gasbugs/http-go:v1 replicas 0", true, "0"],
    [
      "event reason FailedCreate",
      true,
      'FailedCreate: Error creating: pods "http-go-7d7bd59cf4-x" is forbidden: exceeded quota: q',
    ],
    [
      'event reason FailedCreate on replicaset message contains "exceeded quota"',
      true,
      'FailedCreate: Error creating: pods "http-go-7d7bd59cf4-x" is forbidden: exceeded quota: q',
    ],
    ["event reason FailedCreate on deployment", false, "not found"],
    ["not event reason Unhealthy", true, "not found"],
    [
      "deployment http-go condition Progressing reason ProgressDeadlineExceeded",
      false,
      "Progressing: no condition",
    ],
    ["service http-go exists", false, "not found"],
  ])("%s → %s (%s)", (source, ok, observed) => {
    expect(run(source)).toEqual({ ok, observed });
  });

  it("reads a condition's reason and status", () => {
    const s = emptyCluster();
    put(
      s,
      "deployments",
      deployment("http-go", 2, "x", {
        conditions: [{ type: "Progressing", status: "False", reason: "ProgressDeadlineExceeded" }],
      }),
    );
    const world = { state: s, transcript: [], terminals: [] };
    const mark = { transcriptIndex: 0, t: 0 };
    expect(
      evaluate(check("deployment http-go condition Progressing reason ProgressDeadlineExceeded"), world, mark)
        .ok,
    ).toBe(true);
    expect(evaluate(check("deployment http-go condition Progressing status True"), world, mark)).toEqual({
      ok: false,
      observed: { value: "False" },
    });
  });
});

describe("check language on the transcript and terminals", () => {
  const transcript = [
    ran("kubectl apply -f http-go-v1.yaml", 0, "deployment.apps/http-go created\n"),
    ran("kubectl run monitor -it --rm --image busybox -- sh", null, "", "", 2),
    ran(
      "kubectl rollout undo deployment http-go",
      1,
      "",
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again\n",
    ),
  ];
  it.each([
    ["last command exit 1", true, "1"],
    ["last command exit 0", false, "1"],
    ['last command stderr contains "cannot rollback a paused deployment"', true, transcript[2]?.stderr],
    ['command "kubectl apply" exit 0', true, "0"],
    ['command "kubectl apply" stdout contains created', true, "deployment.apps/http-go created\n"],
    ['command "kubectl set image" ran', false, "no such command in this step"],
    ['terminal running "kubectl run monitor"', true, "kubectl run monitor -it --rm --image busybox -- sh"],
    ["terminals count 2", true, "2"],
  ])("%s → %s", (source, ok, observed) => {
    expect(run(source, transcript, [2])).toEqual({ ok, observed });
  });

  it("does not count a finished command as running", () => {
    expect(run('terminal running "kubectl apply"', transcript, [2]).ok).toBe(false);
  });
});

describe("check syntax errors", () => {
  it.each([
    ["deployment http-go revison >= 2", 'check "deployment http-go revison >= 2": unknown test "revison"'],
    ["deploymnt http-go exists", 'check "deploymnt http-go exists": unknown check subject "deploymnt"'],
    [
      "rollout history http-go lists 1,x",
      'check "rollout history http-go lists 1,x": a revision must be a whole number, not "x"',
    ],
    [
      "deployment http-go revision >=",
      'check "deployment http-go revision >=": expected a value after ">=" at the end of the check',
    ],
    [
      "always last command exit 0",
      'check "always last command exit 0": "always" applies to cluster checks only, not to commands or terminals',
    ],
    [
      'last command stdout contains "open',
      'check "last command stdout contains "open": unterminated quoted text',
    ],
    [
      "deployment http-go exists now",
      'check "deployment http-go exists now": unexpected "now" after a complete check',
    ],
  ])("%s", (source, message) => {
    expect(parseCheck(source, 3)).toEqual({ ok: false, message });
  });
});

describe("report lines", () => {
  it("show an observed command output as its first line", () => {
    expect(
      checkLine(
        'command "x" stderr contains "y"',
        false,
        'Error: unknown command "apply" for "kubectl"\n\nDid you mean this?\n',
        "en",
      ),
    ).toBe('✗ command "x" stderr contains "y" (observed: Error: unknown command "apply" for "kubectl" …)');
    expect(checkLine("last command stdout contains y", false, "a".repeat(130), "ko")).toBe(
      `✗ last command stdout contains y (현재: ${"a".repeat(120)}…)`,
    );
  });
});
