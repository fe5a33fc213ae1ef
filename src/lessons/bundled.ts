/**
 * The lessons as the browser gets them: Vite bundles every file under /lessons as text at build time,
 * so the static site needs no request to show a lesson.
 */
import { type LessonCatalog, loadLessons } from "./catalog";

const files = import.meta.glob("/lessons/**/*", { query: "?raw", import: "default", eager: true }) as Record<
  string,
  string
>;

/** Every bundled lesson, parsed once when this module loads. */
export const bundledLessons: LessonCatalog = loadLessons(files);
