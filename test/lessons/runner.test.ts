/**
 * Lesson progress (the xstate machine through LessonRunner) on a fake session: not started → step →
 * checking → failed/passed → next → complete; a failed check names the condition, the observed value
 * and the hint in the learner's language; `always` follows every published state; progress persists.
 */
import { describe, expect, it } from "vitest";
import { type Lesson, LessonRunner, parseLesson } from "../../src/lessons";
import { deployment, emptyCluster, FakeSession, put, ran } from "./fixtures";

const TEXT = `---
id: mini
title: { ko: 미니, en: Mini }
languages: [ko, en]
---
## create
### ko 만들기
만드세요.
\`\`\`hint
kubectl apply -f http-go-v1.yaml 를 실행하세요.
\`\`\`
### en Create
Create it.
\`\`\`hint
Run kubectl apply -f http-go-v1.yaml.
\`\`\`
\`\`\`check
deployment http-go revision >= 2
last command exit 0
\`\`\`
## keep-serving
### ko 유지
### en Keep serving
\`\`\`check
always deployment http-go status.availableReplicas >= 3
\`\`\`
`;

function lesson(): Lesson {
  const r = parseLesson(TEXT, "lessons/mini/lesson.md");
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.lesson;
}

function at(revision: number, available: number, now = 0) {
  return put(
    emptyCluster(now),
    "deployments",
    deployment("http-go", revision, "gasbugs/http-go:v2", { available }),
  );
}

describe("LessonRunner", () => {
  it("walks not started → step → failed → passed → next → complete", () => {
    const session = new FakeSession(at(1, 3));
    const runner = new LessonRunner(lesson(), session, { lang: "en" });
    const phases: string[] = [];
    runner.subscribe((s) => phases.push(`${s.phase}:${s.stepIndex}`));
    expect(runner.state.phase).toBe("notStarted");
    expect(runner.step?.title).toBe("Create");
    runner.start();

    const failed = runner.check();
    expect(failed).toEqual({
      ok: false,
      lines: [
        "✗ deployment http-go revision >= 2 (observed: 1)",
        "✗ last command exit 0 (observed: no such command in this step)",
      ],
      failed: {
        source: "deployment http-go revision >= 2",
        line: 18,
        message: "✗ deployment http-go revision >= 2 (observed: 1)",
      },
      hint: "Run kubectl apply -f http-go-v1.yaml.",
    });
    expect(runner.next()).toBe(false);

    session.publish(at(2, 3));
    session.transcript.push(ran("kubectl set image deployment http-go http-go=gasbugs/http-go:v2", 0));
    expect(runner.check().lines).toEqual(["✓ deployment http-go revision >= 2", "✓ last command exit 0"]);
    expect(runner.next()).toBe(true);
    expect(runner.step?.id).toBe("keep-serving");
    expect(runner.check().ok).toBe(true);
    expect(runner.next()).toBe(true);
    expect(runner.state.phase).toBe("complete");
    expect(runner.step).toBeUndefined();
    expect(phases).toEqual([
      "step:0",
      "checking:0",
      "failed:0",
      "checking:0",
      "passed:0",
      "step:1",
      "step:1", // the `always` check's first observation, made as the step opens
      "checking:1",
      "passed:1",
      "complete:1",
    ]);
  });

  it("words reports and hints in Korean", () => {
    const runner = new LessonRunner(lesson(), new FakeSession(at(1, 3)), { lang: "ko" });
    const r = runner.check();
    expect(r.failed?.message).toBe("✗ deployment http-go revision >= 2 (현재: 1)");
    expect(r.hint).toBe("kubectl apply -f http-go-v1.yaml 를 실행하세요.");
    expect(runner.step?.title).toBe("만들기");
  });

  it("fails an `always` check on a moment in between, with when and what it saw", () => {
    const session = new FakeSession(at(2, 3));
    session.transcript.push(ran("kubectl apply -f x", 0));
    const runner = new LessonRunner(lesson(), session, { lang: "en" });
    runner.check();
    runner.next();
    session.publish(at(2, 3, 5_000));
    session.publish(at(2, 2, 65_000)); // one pod down for a moment
    session.publish(at(2, 3, 70_000));
    const r = runner.check();
    expect(r.lines).toEqual([
      "✗ always deployment http-go status.availableReplicas >= 3 (at 1:05, observed: 2)",
    ]);
    expect(runner.state.phase).toBe("failed");
  });

  it("persists its progress as JSON and continues from it", () => {
    const session = new FakeSession(at(2, 3));
    session.transcript.push(ran("kubectl apply -f x", 0));
    const first = new LessonRunner(lesson(), session, { lang: "ko" });
    first.check();
    first.next();
    const saved = JSON.parse(JSON.stringify(first.persist()));
    first.dispose();
    const again = new LessonRunner(lesson(), session, { persisted: saved });
    expect([again.state.phase, again.state.stepIndex, again.lang, again.step?.id]).toEqual([
      "step",
      1,
      "ko",
      "keep-serving",
    ]);
  });
});
