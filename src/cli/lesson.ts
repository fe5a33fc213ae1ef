/**
 * `npx rollout-sandbox lesson ID [--lang ko|en]`: the lesson parts of the terminal front end. Lessons
 * are read from disk (the same files the browser bundles), steps are rendered as plain text, and the
 * lesson's own commands (`check`, `next`, `hint`, `step`, `lang ko|en`, `solve`) are answered here;
 * every other line goes to the shell as usual.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  type CheckReport,
  type DrivableSession,
  findLesson,
  type LessonCatalog,
  LessonRunner,
  loadLessons,
  typeSolution,
  wordsFor,
} from "../lessons";

/** Every lesson under `root` (default: the package's `lessons/` folder), read from disk. */
export function loadLessonsFromDisk(
  root = resolve(import.meta.dirname ?? ".", "../../lessons"),
): LessonCatalog {
  const files: Record<string, string> = {};
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else files[`lessons/${relative(root, p).split("\\").join("/")}`] = readFileSync(p, "utf8");
    }
  };
  walk(root);
  return loadLessons(files);
}

/** The arguments of `lesson ID [--lang ko|en]`, or the error to print (exit 1). */
export function parseLessonArgs(
  argv: readonly string[],
): { id: string; lang: string | undefined } | { error: string } {
  let id: string | undefined;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--lang") lang = argv[++i];
    else if (a.startsWith("--lang=")) lang = a.slice("--lang=".length);
    else if (a.startsWith("-")) return { error: `unknown flag: ${a}` };
    else if (id === undefined) id = a;
    else return { error: `unexpected argument: ${a}` };
  }
  if (!id) return { error: "usage: rollout-sandbox lesson ID [--lang ko|en]" };
  if (lang !== undefined && lang !== "ko" && lang !== "en")
    return { error: `--lang must be ko or en, not "${lang}"` };
  return { id, lang };
}

/** The list printed when the id is unknown: `ID  title`, one per line. */
export function lessonList(catalog: LessonCatalog, lang: string): string {
  return catalog.lessons.map((l) => `  ${l.id.padEnd(26)} ${l.title[lang] ?? l.title.en ?? ""}`).join("\n");
}

/** Makes the runner for `id`, or undefined if there is no such lesson. */
export function startLesson(
  catalog: LessonCatalog,
  id: string,
  session: DrivableSession,
  lang: string | undefined,
): LessonRunner | undefined {
  const lesson = findLesson(catalog, id);
  if (!lesson) return undefined;
  const runner = new LessonRunner(lesson, session, lang ? { lang } : {});
  runner.start();
  return runner;
}

/** Markdown as plain terminal text: emphasis marks dropped, code blocks indented. */
function plain(markdown: string): string {
  return markdown
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/^```\w*\n([\s\S]*?)^```$/gm, (_m, code: string) => code.replace(/^/gm, "    ").trimEnd())
    .replace(/^- /gm, "  • ");
}

/** The current step as terminal text: a header, the text, and the commands to try (`  $ …`). */
export function renderStep(runner: LessonRunner): string {
  const step = runner.step;
  const words = wordsFor(runner.lang);
  if (!step) return `${words.complete}\n`;
  const head = `── ${runner.title} · ${step.index + 1}/${runner.state.stepCount}: ${step.title} ──`;
  const body = step.blocks.map((b) =>
    b.kind === "text" ? plain(b.markdown) : b.commands.map((c) => `  $ ${c}`).join("\n"),
  );
  const footer =
    runner.lang === "ko"
      ? "(check · next · hint · step · lang en · solve)"
      : "(check · next · hint · step · lang ko · solve)";
  return `${[head, ...body, footer].join("\n\n")}\n`;
}

/** A check report as terminal text: ✓/✗ lines, then the hint when a check failed. */
export function renderReport(report: CheckReport, lang: string): string {
  const words = wordsFor(lang);
  const lines = [...report.lines];
  lines.push(report.ok ? words.passed : "");
  if (!report.ok && report.hint) lines.push(`${words.hint}: ${report.hint}`);
  return `${lines.filter((l) => l !== "").join("\n")}\n`;
}

/**
 * Answers a lesson command typed at the prompt. Returns the text to print, or undefined when the line
 * is not a lesson command (the caller passes it to the shell).
 */
export function lessonCommand(
  runner: LessonRunner,
  session: DrivableSession,
  line: string,
): string | undefined {
  const [word, arg, extra] = line.trim().split(/\s+/);
  if (extra !== undefined) return undefined;
  switch (word) {
    case "check":
      return arg === undefined ? renderReport(runner.check(), runner.lang) : undefined;
    case "next": {
      if (arg !== undefined) return undefined;
      if (runner.next()) return renderStep(runner);
      const report = runner.check();
      return report.ok && runner.next() ? renderStep(runner) : renderReport(report, runner.lang);
    }
    case "hint":
      return arg === undefined ? `${runner.hint() || "—"}\n` : undefined;
    case "step":
      return arg === undefined ? renderStep(runner) : undefined;
    case "lang":
      if (arg !== "ko" && arg !== "en") return undefined;
      runner.setLang(arg);
      return renderStep(runner);
    case "solve": {
      if (arg !== undefined) return undefined;
      const step = runner.lesson.steps[runner.state.stepIndex];
      if (step && runner.state.phase !== "complete") typeSolution(session, step);
      return renderReport(runner.check(), runner.lang);
    }
  }
  return undefined;
}
