/**
 * The words of check results in each language: a failed check reads
 * `✗ deployment http-go revision >= 2 (observed: 1)` / `✗ deployment http-go revision >= 2 (현재: 1)`.
 * The condition itself is shown as written in the lesson, so learner and instructor talk about the same line.
 */
import type { Observation } from "./evaluate";

const EN = {
  observed: "observed",
  at: "at",
  hint: "Hint",
  passed: "Step passed.",
  failed: "Not yet:",
  complete: "Lesson complete.",
  notFound: "not found",
  exists: "exists",
  paused: "paused",
  notPaused: "not paused",
  noCondition: "no condition",
  noCommand: "no such command in this step",
  notRunning: "no terminal is running it",
};

/** The fixed words of the lesson runtime in one language. */
export type Words = Record<keyof typeof EN, string>;

/** The fixed words of the lesson runtime, per language (English is the fallback). */
export const WORDS: Record<"en" | "ko", Words> = {
  en: EN,
  ko: {
    observed: "현재",
    at: "시점",
    hint: "힌트",
    passed: "단계 통과.",
    failed: "아직입니다:",
    complete: "레슨 완료.",
    notFound: "찾을 수 없음",
    exists: "존재함",
    paused: "일시 중지됨",
    notPaused: "일시 중지되지 않음",
    noCondition: "조건 없음",
    noCommand: "이 단계에서 실행한 해당 명령 없음",
    notRunning: "실행 중인 터미널 없음",
  },
};

/** The table of words for `lang` (English when the language has none). */
export function wordsFor(lang: string): Words {
  return lang === "ko" ? WORDS.ko : WORDS.en;
}

/** An observation in words: `1`, `not found`, `revision 2: not found`. */
export function describeObservation(o: Observation, lang: string): string {
  if ("value" in o) return o.value;
  const w = wordsFor(lang)[o.phrase];
  return o.arg ? `${o.arg}: ${w}` : w;
}

/** Simulated milliseconds as `m:ss` (`1:05`), the clock the learner sees. */
export function clock(ms: number): string {
  const s = Math.floor(ms / 1000);
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** One check's line in a report: `✓ source` or `✗ source (observed: …)`, with the moment for `always`/`ever`. */
export function checkLine(
  source: string,
  ok: boolean,
  observed: string,
  lang: string,
  atMs?: number,
): string {
  if (ok) return `✓ ${source}`;
  const w = wordsFor(lang);
  const when = atMs === undefined ? "" : `${w.at} ${clock(atMs)}, `;
  return `✗ ${source} (${when}${w.observed}: ${oneLine(observed)})`;
}

/** At most this many characters of an observed value are shown (a whole command output would drown the line). */
const OBSERVED_WIDTH = 120;

/** An observed value on one line: its first non-empty line, cut at OBSERVED_WIDTH, `…` when anything was left out. */
export function oneLine(observed: string): string {
  const lines = observed.split("\n").filter((l) => l.trim() !== "");
  const first = lines[0] ?? "";
  if (first.length > OBSERVED_WIDTH) return `${first.slice(0, OBSERVED_WIDTH)}…`;
  return lines.length > 1 ? `${first} …` : first;
}
