/**
 * The lessons runtime's public entry: the format's types, the pure parser and catalog, the check
 * language, the progress machine and the LessonRunner that a UI or the CLI drives.
 */
export { findLesson, type LessonCatalog, loadLessons } from "./catalog";
export { compare, evaluate, evaluateOnState, type Observation, type Outcome } from "./checks/evaluate";
export { checkLine, describeObservation, WORDS, type Words, wordsFor } from "./checks/messages";
export { isClusterQuery, parseCheck } from "./checks/parse";
export type { Check, Comparison, Op, Query } from "./checks/types";
export type { LessonWorld, StepMark, WorldCommand, WorldTerminal } from "./checks/world";
export {
  type LessonContext,
  type LessonEvent,
  type LessonPhase,
  lessonMachine,
  type StepResult,
} from "./machine";
export { type LessonParse, parseLesson } from "./parse";
export {
  type CheckReport,
  LessonRunner,
  type LessonRunnerOptions,
  type LessonSession,
  type LessonState,
  type PersistedLesson,
  type StepView,
} from "./runner";
export {
  type DrivableSession,
  type DrivableTerminal,
  LINE_BUDGET_MS,
  lessonSessionOptions,
  terminalNumber,
  typeLine,
  typeSolution,
  waitFor,
} from "./solution";
export * from "./types";
