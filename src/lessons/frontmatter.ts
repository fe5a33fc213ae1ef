/**
 * The YAML front matter of a lesson file (between the first two `---` lines): id, title per language,
 * languages, files, images, setup, seed. Unknown keys are errors, as strict decoding is on a real
 * API server, so a typo (`langauges`) is caught with its line instead of silently ignored.
 */
import { isMap, isScalar, LineCounter, parseDocument } from "yaml";
import type { Lang, LessonError } from "./types";

/** The front matter once checked. */
export interface FrontMatter {
  id: string;
  title: Record<Lang, string>;
  languages: Lang[];
  files: string[];
  images: unknown[];
  setup: string[];
  seed: number;
}

const KEYS = ["id", "title", "languages", "files", "images", "setup", "seed"];

/** Reads front matter text that starts at file line `firstLine`; problems go to `errors`. */
export function parseFrontMatter(
  text: string,
  firstLine: number,
  path: string,
  errors: LessonError[],
): FrontMatter | undefined {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const err = (line: number, message: string) => errors.push({ path, line: firstLine + line - 1, message });
  for (const e of doc.errors)
    err(
      e.linePos?.[0].line ?? 1,
      `front matter: ${(e.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "")}`,
    );
  if (doc.errors.length > 0) return undefined;
  if (!isMap(doc.contents)) {
    err(1, "front matter: expected key: value lines");
    return undefined;
  }
  const lineOf: Record<string, number> = {};
  for (const item of doc.contents.items) {
    const key = isScalar(item.key) ? String(item.key.value) : "";
    const line = counter.linePos(isScalar(item.key) ? (item.key.range?.[0] ?? 0) : 0).line;
    lineOf[key] = line;
    if (!KEYS.includes(key)) err(line, `front matter: unknown field "${key}" (known: ${KEYS.join(", ")})`);
  }
  const data = doc.toJS() as Record<string, unknown>;
  const before = errors.length;
  const at = (key: string) => lineOf[key] ?? 0; // 0: a missing key is reported at the opening "---"
  const id = data.id;
  if (typeof id !== "string" || !/^[a-z0-9][a-z0-9-]*$/.test(id))
    err(at("id"), 'front matter: "id" must be lowercase letters, digits and dashes (01-rolling-update)');
  const languages = stringList(data.languages);
  if (!languages || languages.length === 0)
    err(at("languages"), 'front matter: "languages" must list at least one language ([ko, en])');
  const title = titles(data.title, languages ?? []);
  if (!title)
    err(at("title"), 'front matter: "title" needs a text for every language (title: { ko: …, en: … })');
  const files = data.files === undefined ? [] : stringList(data.files);
  if (!files) err(at("files"), 'front matter: "files" must be a list of file names');
  const setup = data.setup === undefined ? [] : stringList(data.setup);
  if (!setup) err(at("setup"), 'front matter: "setup" must be a list of commands');
  const images = data.images ?? [];
  const isSpec = (i: unknown) =>
    typeof i === "object" && i !== null && typeof (i as { repository?: unknown }).repository === "string";
  if (!Array.isArray(images) || !images.every(isSpec))
    err(at("images"), 'front matter: "images" must be a list of image specs, each with a "repository"');
  const seed = data.seed ?? 1;
  if (typeof seed !== "number" || !Number.isInteger(seed))
    err(at("seed"), 'front matter: "seed" must be a number');
  if (errors.length > before) return undefined;
  return {
    id: id as string,
    title: title as Record<Lang, string>,
    languages: languages as Lang[],
    files: files as string[],
    images: images as unknown[],
    setup: setup as string[],
    seed: seed as number,
  };
}

function stringList(v: unknown): string[] | undefined {
  return Array.isArray(v) && v.every((x) => typeof x === "string") ? (v as string[]) : undefined;
}

/** A title map with every language, from `{ko: …, en: …}` or one string for all. */
function titles(v: unknown, languages: Lang[]): Record<Lang, string> | undefined {
  if (typeof v === "string") return Object.fromEntries(languages.map((l) => [l, v]));
  if (!v || typeof v !== "object") return undefined;
  const map = v as Record<string, unknown>;
  return languages.every((l) => typeof map[l] === "string") ? (map as Record<Lang, string>) : undefined;
}
