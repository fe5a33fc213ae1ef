/**
 * The lessons shipped in lessons/: all parse (through the same Vite glob the browser uses), each
 * has Korean and English, every step of a lesson (not a free exercise) has checks and a solution,
 * and the failure-mode lessons and at least five exercises are there.
 */
import { describe, expect, it } from "vitest";
import { formatLessonError } from "../../src/lessons";
import { bundledLessons } from "../../src/lessons/bundled";

describe("the bundled lessons", () => {
  it("parse without errors", () => {
    expect(bundledLessons.errors.map(formatLessonError)).toEqual([]);
  });

  it("are the notes, one lesson per failure mode, and at least five exercises", () => {
    const ids = bundledLessons.lessons.map((l) => l.id);
    expect(ids.filter((id) => !id.startsWith("ex-"))).toEqual([
      "01-rolling-update",
      "02-quota",
      "03-readiness-probe",
      "04-permissions",
      "05-limit-range",
      "06-misconfiguration",
      "07-image-pull",
      "08-progress-deadline",
    ]);
    expect(ids.filter((id) => id.startsWith("ex-")).length).toBeGreaterThanOrEqual(5);
  });

  it.each(bundledLessons.lessons.map((l) => [l.id, l] as const))(
    "%s has ko and en, checks and a solution in every step",
    (_id, lesson) => {
      expect(lesson.languages).toEqual(["ko", "en"]);
      for (const step of lesson.steps) {
        expect(Object.keys(step.text).sort(), step.id).toEqual(["en", "ko"]);
        expect(step.text.ko?.title, step.id).not.toBe("");
        expect(step.text.en?.title, step.id).not.toBe("");
        expect(step.checks.length, step.id).toBeGreaterThan(0);
        expect(step.solution.length, step.id).toBeGreaterThan(0);
      }
      expect(lesson.files.map((f) => f.name)).toEqual(lesson.fileNames);
    },
  );

  it("give lesson 1 the notes' manifest as a file of the learner's folder", () => {
    const l1 = bundledLessons.lessons.find((l) => l.id === "01-rolling-update");
    const file = l1?.files.find((f) => f.name === "http-go-v1.yaml");
    expect(file?.content).toContain("image: gasbugs/http-go:v1");
    expect(file?.content).toContain("replicas: 3");
  });
});
