/**
 * Parses a lesson file (format in lessons/README.md): front matter, then `## step-id` steps, each with
 * `### ko Title` / `### en Title` sections of Markdown, ```try and ```hint blocks inside them, and
 * step-wide ```check and ```solution blocks. Pure: text in, lesson (or every error with its line) out.
 */
import { parseCheck } from "./checks/parse";
import type { Check } from "./checks/types";
import { type FrontMatter, parseFrontMatter } from "./frontmatter";
import type { Lesson, LessonError, SolutionLine, Step, StepText } from "./types";

/** A parsed lesson, or the errors that prevented it. */
export type LessonParse = { ok: true; lesson: Lesson } | { ok: false; errors: LessonError[] };

/** One step while it is being read. */
interface Draft {
  id: string;
  line: number;
  text: Record<string, StepText>;
  checks: Check[];
  solution: SolutionLine[];
}

/** The parser's position: the step and language section that text goes to. */
interface Cursor {
  step: Draft | undefined;
  lang: string | undefined;
}

/** Parses the lesson at `path` (used in error messages) from its text. */
export function parseLesson(text: string, path: string): LessonParse {
  const errors: LessonError[] = [];
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  const fm = readFrontMatter(lines, path, errors);
  if (!fm) return { ok: false, errors };
  const steps = readSteps(lines, fm.end, fm.matter, path, errors);
  if (errors.length > 0) return { ok: false, errors };
  const m = fm.matter;
  return {
    ok: true,
    lesson: {
      id: m.id,
      path,
      title: m.title,
      languages: m.languages,
      files: [],
      fileNames: m.files,
      images: m.images,
      setup: m.setup,
      seed: m.seed,
      steps,
    },
  };
}

function readFrontMatter(
  lines: string[],
  path: string,
  errors: LessonError[],
): { matter: FrontMatter; end: number } | undefined {
  if (lines[0]?.trim() !== "---") {
    errors.push({
      path,
      line: 1,
      message: 'a lesson starts with front matter: a "---" line, id, title, languages, "---"',
    });
    return undefined;
  }
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  if (close < 0) {
    errors.push({ path, line: 1, message: 'front matter is not closed by a "---" line' });
    return undefined;
  }
  const matter = parseFrontMatter(lines.slice(1, close).join("\n"), 2, path, errors);
  return matter ? { matter, end: close + 1 } : undefined;
}

function readSteps(
  lines: string[],
  start: number,
  fm: FrontMatter,
  path: string,
  errors: LessonError[],
): Step[] {
  const steps: Draft[] = [];
  const cur: Cursor = { step: undefined, lang: undefined };
  const err = (i: number, message: string) => errors.push({ path, line: i + 1, message });
  let i = start;
  while (i < lines.length) {
    const line = lines[i] as string;
    const fence = line.match(/^(```+|~~~+)\s*([\w-]*)(.*)$/);
    if (fence) {
      const end = closingFence(lines, i, fence[1] as string);
      if (end < 0) {
        err(i, `code block opened here is never closed with ${fence[1]}`);
        break;
      }
      fencedBlock(fence[2] ?? "", lines.slice(i + 1, end), i, lines.slice(i, end + 1), cur, err);
      i = end + 1;
      continue;
    }
    heading(line, i, fm, cur, steps, err);
    i++;
  }
  if (steps.length === 0) err(start, 'a lesson needs at least one step ("## step-id")');
  for (const s of steps) {
    for (const lang of fm.languages)
      if (!s.text[lang]) err(s.line - 1, `step "${s.id}" has no "### ${lang}" section`);
  }
  return steps.map((s) => ({ ...s, text: trimBlocks(s.text) }));
}

/** Index of the line closing the fence opened at `open`, or -1. */
function closingFence(lines: string[], open: number, marker: string): number {
  for (let j = open + 1; j < lines.length; j++) if ((lines[j] as string).trim() === marker) return j;
  return -1;
}

type Err = (i: number, message: string) => void;

/** A heading or a line of prose. */
function heading(line: string, i: number, fm: FrontMatter, cur: Cursor, steps: Draft[], err: Err): void {
  const h2 = line.match(/^##\s+(.*?)\s*$/);
  if (h2) {
    const id = h2[1] ?? "";
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      err(i, `step id "${id}" must be lowercase letters, digits and dashes`);
    if (steps.some((s) => s.id === id)) err(i, `step id "${id}" is used twice`);
    cur.step = { id, line: i + 1, text: {}, checks: [], solution: [] };
    cur.lang = undefined;
    steps.push(cur.step);
    return;
  }
  const h3 = line.match(/^###\s+([A-Za-z-]+):?\s*(.*?)\s*$/);
  if (h3) {
    const lang = h3[1] as string;
    if (!cur.step) {
      err(i, 'a "### lang" section must be inside a step ("## step-id" first)');
      return;
    }
    if (!fm.languages.includes(lang)) {
      err(i, `"### ${lang}": not one of the lesson's languages (${fm.languages.join(", ")})`);
      return;
    }
    if (cur.step.text[lang]) {
      err(i, `step "${cur.step.id}" has two "### ${lang}" sections`);
      return;
    }
    cur.step.text[lang] = { title: h3[2] ?? "", blocks: [], hint: "" };
    cur.lang = lang;
    return;
  }
  if (/^#\s/.test(line) && !cur.step) return; // the lesson's own title line, for readers of the raw file
  const section = cur.step && cur.lang ? cur.step.text[cur.lang] : undefined;
  if (section) {
    appendText(section, line);
    return;
  }
  if (line.trim() !== "") err(i, 'text outside a language section: put it under "### ko …" or "### en …"');
}

function appendText(section: StepText, line: string): void {
  const last = section.blocks[section.blocks.length - 1];
  if (last?.kind === "text") last.markdown += `\n${line}`;
  else section.blocks.push({ kind: "text", markdown: line });
}

/** A fenced block: ```check and ```solution belong to the step; ```try and ```hint to the language section. */
function fencedBlock(kind: string, body: string[], open: number, raw: string[], cur: Cursor, err: Err): void {
  const step = cur.step;
  const section = step && cur.lang ? step.text[cur.lang] : undefined;
  if (kind === "check" || kind === "solution") {
    if (!step) {
      err(open, `a \`\`\`${kind} block must be inside a step`);
      return;
    }
    body.forEach((text, k) => {
      const lineNo = open + k + 2;
      if (text.trim() === "" || text.trim().startsWith("#")) return;
      if (kind === "solution") {
        step.solution.push(solutionLine(text, lineNo, (m) => err(lineNo - 1, m)));
        return;
      }
      const parsed = parseCheck(text, lineNo);
      if (parsed.ok) step.checks.push(parsed.check);
      else err(lineNo - 1, parsed.message);
    });
    return;
  }
  if (kind === "try" || kind === "hint") {
    if (!section) {
      err(open, `a \`\`\`${kind} block must be inside a "### lang" section of a step`);
      return;
    }
    if (kind === "hint") section.hint = [section.hint, body.join("\n").trim()].filter(Boolean).join("\n");
    else section.blocks.push({ kind: "try", commands: body.filter((l) => l.trim() !== "") });
    return;
  }
  if (section) {
    appendText(section, raw.join("\n"));
    return;
  }
  err(open, "a code block outside a language section");
}

/** A solution line with its trailing directives: `# terminal 2`, `# background`, `# edit "old" => "new"`. */
function solutionLine(text: string, sourceLine: number, err: (m: string) => void): SolutionLine {
  let line = text.trim();
  let terminal = 1;
  let background = false;
  let edit: SolutionLine["edit"];
  for (;;) {
    const m = line.match(
      /^(.*?)\s+#\s*(terminal\s+(\d+)|background|edit\s+"((?:[^"\\]|\\.)*)"\s*=>\s*"((?:[^"\\]|\\.)*)")\s*$/,
    );
    if (!m) break;
    if (m[3]) terminal = Number(m[3]);
    else if (m[2] === "background") background = true;
    else edit = { from: unescapeQuoted(m[4] ?? ""), to: unescapeQuoted(m[5] ?? "") };
    line = (m[1] as string).trim();
  }
  if (terminal < 1) err("terminal numbers start at 1");
  if (/#\s*(terminal|background|edit)\b/.test(line)) err(`unreadable solution directive in "${text.trim()}"`);
  return { line, terminal, background, edit, sourceLine };
}

/** `\"` and `\\` inside a quoted directive argument. */
function unescapeQuoted(s: string): string {
  return s.replace(/\\(["\\])/g, "$1");
}

function trimBlocks(text: Record<string, StepText>): Record<string, StepText> {
  const out: Record<string, StepText> = {};
  for (const [lang, t] of Object.entries(text)) {
    const blocks = t.blocks
      .map((b) =>
        b.kind === "text" ? { ...b, markdown: b.markdown.replace(/^\s*\n|\n\s*$/g, "").trim() } : b,
      )
      .filter((b) => b.kind !== "text" || b.markdown !== "");
    out[lang] = { ...t, blocks };
  }
  return out;
}
