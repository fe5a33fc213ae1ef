/**
 * What a parsed lesson is: its front matter (id, titles, languages, the learner's files, extra images,
 * setup commands) and its steps, each with text per language, commands to try, checks, hints and a
 * reference solution. Plain data: the parser builds it from text, the runner and the UI read it.
 */
import type { Check } from "./checks/types";

/** A language code a lesson is written in (`ko`, `en`). */
export type Lang = string;

/** A piece of a step's text in one language, in reading order. */
export type Block =
  | { kind: "text"; markdown: string }
  /** Commands the learner can paste into the terminal with one click (one command per line). */
  | { kind: "try"; commands: string[] };

/** One step's content in one language. */
export interface StepText {
  title: string;
  blocks: Block[];
  /** Shown when a check fails (or on `hint`); may be empty. */
  hint: string;
}

/** One line of a reference solution: what to type, where, and whether to wait for it to finish. */
export interface SolutionLine {
  /** The text typed (directive comments removed). */
  line: string;
  /** Terminal number, 1-based (`# terminal 2`). */
  terminal: number;
  /** `# background`: submit and move on (the monitor loop never ends). */
  background: boolean;
  /** `# edit "old" => "new"`: when the command opens an editor, save its text with `old` replaced by `new`. */
  edit: { from: string; to: string } | undefined;
  /** Line number in the lesson file. */
  sourceLine: number;
}

/** One step of a lesson. */
export interface Step {
  /** Short identifier from the `## id` heading (`record-history`). */
  id: string;
  /** Line of the `## id` heading. */
  line: number;
  /** Text per language. */
  text: Record<Lang, StepText>;
  /** All conditions that must hold for the step to pass (none: the step passes on `check`). */
  checks: Check[];
  /** The reference solution (typed in order from the state the previous step left). */
  solution: SolutionLine[];
}

/** An extra file the learner's working folder holds. */
export interface LessonFile {
  /** Name relative to the working folder (`http-go-v1.yaml`). */
  name: string;
  content: string;
}

/** A whole lesson. */
export interface Lesson {
  id: string;
  /** Source path (`lessons/01-rolling-update/lesson.md`), used in error messages. */
  path: string;
  title: Record<Lang, string>;
  languages: Lang[];
  /** Files copied into the learner's working folder before the lesson starts. */
  files: LessonFile[];
  /** Names of the files listed in the front matter (contents attached by the catalog). */
  fileNames: string[];
  /** Extra image catalog entries (ImageSpec objects, passed to the Session as they are). */
  images: unknown[];
  /** Commands run (in terminal 1, waited for) before the learner starts. */
  setup: string[];
  /** Seed of the cluster's random generator (pod names), default 1. */
  seed: number;
  steps: Step[];
}

/** A problem in a lesson file, with where it is. */
export interface LessonError {
  path: string;
  line: number;
  message: string;
}

/** `path:line: message`, the form editors and terminals make clickable. */
export function formatLessonError(e: LessonError): string {
  return `${e.path}:${e.line}: ${e.message}`;
}
