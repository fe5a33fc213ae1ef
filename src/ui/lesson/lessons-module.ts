/**
 * Everything the app needs of the lessons, behind one dynamic import: the bundled lessons (their
 * Markdown and files), the runner and its xstate machine. Loaded after the prompt is usable, so
 * none of it counts against the first-load JavaScript.
 */
export { LessonRunner, lessonSessionOptions } from "../../lessons";
export { bundledLessons } from "../../lessons/bundled";
