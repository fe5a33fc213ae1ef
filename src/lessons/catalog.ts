/**
 * Builds the lesson catalog from a map of file path → text: every `…/lesson.md` is a lesson, and the
 * files its front matter lists are read from the same folder. The browser passes Vite's bundled files
 * (bundled.ts), the CLI the files it read from disk; both get the same lessons.
 */
import { parseLesson } from "./parse";
import type { Lesson, LessonError } from "./types";

/** All lessons found, and every problem in their files. */
export interface LessonCatalog {
  lessons: Lesson[];
  errors: LessonError[];
}

/** Reads every lesson in `files` (keys like `/lessons/01-rolling-update/lesson.md` or without the slash). */
export function loadLessons(files: Record<string, string>): LessonCatalog {
  const byPath = new Map(Object.entries(files).map(([k, v]) => [k.replace(/^\/+/, ""), v]));
  const lessons: Lesson[] = [];
  const errors: LessonError[] = [];
  const paths = [...byPath.keys()].filter((p) => p.endsWith("/lesson.md")).sort();
  for (const path of paths) {
    const text = byPath.get(path) as string;
    const parsed = parseLesson(text, path);
    if (!parsed.ok) {
      errors.push(...parsed.errors);
      continue;
    }
    const folder = path.slice(0, -"/lesson.md".length);
    const lesson = parsed.lesson;
    for (const name of lesson.fileNames) {
      const content = byPath.get(`${folder}/${name}`);
      if (content === undefined) {
        errors.push({
          path,
          line: lineMentioning(text, name),
          message: `file "${name}" is listed but ${folder}/${name} does not exist`,
        });
      } else lesson.files.push({ name, content });
    }
    const twin = lessons.find((l) => l.id === lesson.id);
    if (twin)
      errors.push({
        path,
        line: lineMentioning(text, "id:"),
        message: `lesson id "${lesson.id}" is also used by ${twin.path}`,
      });
    else lessons.push(lesson);
  }
  return { lessons, errors };
}

/** The 1-based number of the first line containing `needle` (1 if none). */
function lineMentioning(text: string, needle: string): number {
  const i = text.split("\n").findIndex((l) => l.includes(needle));
  return i < 0 ? 1 : i + 1;
}

/** The lesson with this id (or whose folder name is this id), if any. */
export function findLesson(catalog: LessonCatalog, id: string): Lesson | undefined {
  return catalog.lessons.find((l) => l.id === id || l.path.split("/").slice(-2, -1)[0] === id);
}
