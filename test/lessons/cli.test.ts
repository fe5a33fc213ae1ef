/**
 * The terminal side of lessons: `lesson ID [--lang]` arguments, lessons read from disk (the same as the
 * bundle), steps as plain text, and the lesson commands check / next / hint / step / lang.
 */
import { describe, expect, it } from "vitest";
import {
  lessonCommand,
  loadLessonsFromDisk,
  parseLessonArgs,
  renderStep,
  startLesson,
} from "../../src/cli/lesson";
import type { DrivableSession } from "../../src/lessons";
import { bundledLessons } from "../../src/lessons/bundled";
import { deployment, emptyCluster, FakeSession, put } from "./fixtures";

/** A fake session the CLI can hold (it never types anything in these tests). */
function session(): DrivableSession & FakeSession {
  const s = new FakeSession(emptyCluster()) as FakeSession & DrivableSession;
  Object.assign(s, { openTerminal: () => undefined, tick: () => undefined, nextWake: () => undefined });
  return s;
}

describe("lesson arguments", () => {
  it.each([
    [["01-rolling-update"], { id: "01-rolling-update", lang: undefined }],
    [["01-rolling-update", "--lang", "ko"], { id: "01-rolling-update", lang: "ko" }],
    [["--lang=en", "02-quota"], { id: "02-quota", lang: "en" }],
    [[], { error: "usage: rollout-sandbox lesson ID [--lang ko|en]" }],
    [["x", "--lang", "fr"], { error: '--lang must be ko or en, not "fr"' }],
    [["x", "--speed"], { error: "unknown flag: --speed" }],
  ])("%j", (argv, expected) => {
    expect(parseLessonArgs(argv)).toEqual(expected);
  });
});

describe("lessons from disk", () => {
  it("are the bundled lessons", () => {
    const disk = loadLessonsFromDisk();
    expect(disk.errors).toEqual([]);
    expect(disk.lessons).toEqual(bundledLessons.lessons);
  });
});

describe("lesson commands in the terminal", () => {
  const catalog = loadLessonsFromDisk();

  it("shows the first step with its commands to try", () => {
    const runner = startLesson(catalog, "01-rolling-update", session(), "en");
    const text = runner ? renderStep(runner) : "";
    expect(text.split("\n")[0]).toBe("── Testing a rolling update · 1/13: What makes updates fail ──");
    expect(text).toContain("\n  $ kubectl apply -f http-go-typo.yaml\n");
    expect(text).toContain("\n  • insufficient quota\n");
  });

  it("check names the failed condition and gives the hint; hint, lang and step answer; shell lines pass through", () => {
    const s = session();
    const runner = startLesson(catalog, "01-rolling-update", s, "en");
    if (!runner) throw new Error("no lesson");
    expect(lessonCommand(runner, s, "check")).toBe(
      [
        '✗ command "http-go-typo.yaml" stderr contains "strict decoding error: unknown field \\"spec.processDeadlineSeconds\\"" (observed: no such command in this step)',
        "✓ deployment http-go absent",
        "Hint: Run `kubectl apply -f http-go-typo.yaml` and read the error. No deployment should be created.",
        "",
      ].join("\n"),
    );
    expect(lessonCommand(runner, s, "hint")).toBe(
      "Run `kubectl apply -f http-go-typo.yaml` and read the error. No deployment should be created.\n",
    );
    expect(lessonCommand(runner, s, "next")?.startsWith("✗ ")).toBe(true);
    expect(lessonCommand(runner, s, "lang ko")?.split("\n")[0]).toBe(
      "── 롤링 업데이트 테스트 · 1/13: 업데이트에 실패하는 케이스 ──",
    );
    expect(lessonCommand(runner, s, "kubectl get pods")).toBeUndefined();
    expect(lessonCommand(runner, s, "check deployment")).toBeUndefined();
  });

  it("next moves on once the step's checks hold", () => {
    const s = session();
    const runner = startLesson(catalog, "01-rolling-update", s, "en");
    if (!runner) throw new Error("no lesson");
    s.transcript.push({
      terminal: 1,
      line: "kubectl apply -f http-go-typo.yaml",
      stdout: "",
      stderr:
        'Error from server (BadRequest): error when creating "http-go-typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.processDeadlineSeconds"\n',
      exit: 1,
      t: 0,
    });
    put(s.cluster.state, "deployments", deployment("other", 1, "x"));
    expect(lessonCommand(runner, s, "next")?.split("\n")[0]).toBe(
      "── Testing a rolling update · 2/13: Recording the rollout history ──",
    );
  });
});
