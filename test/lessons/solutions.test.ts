/**
 * Every lesson's reference solution, typed step by step into a real Session (engine, kubectl, shell),
 * passes every check of every step, in both languages; a wrong step fails the named check with the
 * observed value Kubernetes would give.
 */
import { describe, expect, it } from "vitest";
import {
  type Lesson,
  LessonRunner,
  lessonSessionOptions,
  type Step,
  typeLine,
  typeSolution,
} from "../../src/lessons";
import { bundledLessons } from "../../src/lessons/bundled";
import { Session } from "../../src/session";

// A lesson is minutes of simulated time and hundreds of commands: give each walk time on a busy machine.
const WALK_MS = 120_000;

function lesson(id: string): Lesson {
  const l = bundledLessons.lessons.find((x) => x.id === id);
  if (!l) throw new Error(`no lesson ${id}`);
  return l;
}

/** A fresh session for `l` with its files, images and setup, and a started runner. */
function begin(l: Lesson, lang: string) {
  const session = new Session(lessonSessionOptions(l) as ConstructorParameters<typeof Session>[0]);
  const runner = new LessonRunner(l, session, { lang });
  runner.start();
  return { session, runner };
}

/** Types `line` in terminal 1 and waits for it. */
function type(session: Session, line: string): void {
  typeLine(session, { line, terminal: 1, background: false, edit: undefined, sourceLine: 0 });
}

/** Walks to step `id` with the reference solutions of the steps before it. */
function walkTo(l: Lesson, lang: string, id: string) {
  const { session, runner } = begin(l, lang);
  for (const step of l.steps) {
    if (step.id === id) return { session, runner, step };
    typeSolution(session, step);
    expect(runner.check().ok, `${l.path}:${step.line}`).toBe(true);
    runner.next();
  }
  throw new Error(`no step ${id}`);
}

const cases = bundledLessons.lessons.flatMap((l) => l.languages.map((lang) => [l.id, lang, l] as const));

describe("reference solutions", () => {
  it.each(cases)(
    "%s (%s) passes every step",
    (_id, lang, l) => {
      const { session, runner } = begin(l, lang);
      const failures: string[] = [];
      for (const step of l.steps as Step[]) {
        typeSolution(session, step);
        const report = runner.check();
        for (const line of report.lines)
          if (!line.startsWith("✓")) failures.push(`${l.path}:${step.line} ${step.id}: ${line}`);
        if (!report.ok) break;
        runner.next();
      }
      expect(failures).toEqual([]);
      expect(runner.state.phase).toBe("complete");
    },
    WALK_MS,
  );
});

describe("wrong steps fail the named check", () => {
  it(
    "set image without --record keeps the change-cause of revision 1 (it is copied from the deployment)",
    () => {
      const { session, runner } = walkTo(lesson("01-rolling-update"), "en", "set-image");
      type(session, "kubectl set image deployment http-go http-go=gasbugs/http-go:v2");
      type(session, "kubectl rollout status deployment http-go");
      const r = runner.check();
      expect(r.failed?.message).toBe(
        '✗ rollout history http-go revision 2 cause == "kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true" (observed: kubectl apply --filename=http-go-v1.yaml --record=true)',
      );
      expect(r.hint).toBe(
        "Run `kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true`, then `kubectl rollout status deployment http-go` until it finishes.",
      );
    },
    WALK_MS,
  );

  it(
    "resuming before the undo fails `deployment http-go paused` (in Korean)",
    () => {
      const { session, runner } = walkTo(lesson("01-rolling-update"), "ko", "undo-paused");
      type(session, "kubectl rollout resume deployment http-go");
      type(session, "kubectl rollout undo deployment http-go");
      const r = runner.check();
      expect(r.lines).toEqual([
        '✗ command "kubectl rollout undo" stderr contains "error: you cannot rollback a paused deployment; resume it first with \'kubectl rollout resume\' and try again" (현재: )',
        '✗ command "kubectl rollout undo" exit 1 (현재: 0)',
        "✗ deployment http-go paused (현재: 일시 중지되지 않음)",
      ]);
    },
    WALK_MS,
  );

  it(
    "a plain set image with maxUnavailable 1 drops to 2 ready pods",
    () => {
      const { session, runner } = begin(lesson("ex-no-downtime"), "en");
      type(session, "kubectl set image deployment http-go http-go=gasbugs/http-go:v2");
      type(session, "kubectl rollout status deployment http-go");
      const r = runner.check();
      expect(r.failed?.message).toMatch(
        /^✗ always pods app=http-go ready >= 3 \(at \d+:\d\d, observed: 2\)$/,
      );
    },
    WALK_MS,
  );

  it(
    "scaling before predicting still has to match 11 and 7; scaling to 12 does not",
    () => {
      const { session, runner } = begin(lesson("ex-scale-during-rollout"), "en");
      type(session, "kubectl scale deployment http-go --replicas=12");
      // 12 + 3 = 15 allowed, 2 to add: old round(8·15/13) = 9 (+1), new round(5·15/13) = 6 (+1).
      expect(runner.check().lines).toEqual([
        "✗ deployment http-go spec.replicas == 15 (observed: 12)",
        "✗ rs app=http-go image gasbugs/http-go:v1 replicas 11 (observed: 9)",
        "✗ rs app=http-go image gasbugs/http-go:v2 replicas 7 (observed: 6)",
      ]);
    },
    WALK_MS,
  );
  it(
    "deleting the quota instead of raising it fails `resourcequota pods exists`",
    () => {
      const { session, runner } = walkTo(lesson("02-quota"), "en", "fix-it");
      type(session, "kubectl delete quota pods");
      type(session, "kubectl rollout status deployment http-go");
      const r = runner.check();
      expect(r.failed?.message).toBe("✗ resourcequota pods exists (observed: not found)");
      expect(r.hint).toBe(
        'Run `kubectl patch quota pods -p \'{"spec":{"hard":{"pods":"4"}}}\'`, then wait with `kubectl rollout status deployment http-go`.',
      );
    },
    WALK_MS,
  );
});
