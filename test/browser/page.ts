/**
 * Driving the sandbox page the way a learner does: type into a terminal, press the clock's buttons,
 * read what the terminal shows (xterm's buffer, wrapped rows joined) and what the live view draws.
 * Everything is read from the page; the app's controller (window.__sandbox) is only read to know when
 * a terminal is idle.
 */
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";

/** Where screenshots go (gitignored). */
export const ARTIFACTS = "test-artifacts";

/** Loads the page and waits for the first prompt. */
export async function openSandbox(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitPrompt(page);
}

/** Waits until the page has drawn its first prompt; on a timeout, says what the page was doing. */
export async function waitPrompt(page: Page): Promise<void> {
  try {
    await page.waitForFunction(`performance.getEntriesByName("sandbox:prompt").length > 0`, undefined, {
      timeout: 30_000,
    });
  } catch (e) {
    const state = await page
      .evaluate(PAGE_STATE)
      .catch((err: unknown) => `page state unreadable: ${String(err)}`);
    throw new Error(`no prompt within 30 s; the page: ${state}`, { cause: e });
  }
}

/** What the page is doing, for a failure message: marks, the app's notice, each terminal's state. */
const PAGE_STATE = `JSON.stringify({
  marks: performance.getEntriesByType("mark").map((m) => m.name),
  notice: window.__sandbox?.notice,
  terminals: window.__sandbox?.session.terminals.map((t) => ({ id: t.id, busy: t.busy, prompt: t.prompt })),
  root: document.getElementById("root")?.innerHTML.length,
  saved: localStorage.getItem("rollout-sandbox.session.v1")?.length,
})`;

/**
 * Where the session record, replayed in the page, differs from the live session (transcript, each
 * terminal's prompt and state, the clock), or "" when it rebuilds it exactly: what a reload restores.
 */
export function replayDifference(page: Page): Promise<string> {
  return page.evaluate(() => {
    type Seen = { cluster: { now: number }; terminals: Array<{ id: number; prompt: string; busy: boolean }> };
    const live = (window as unknown as { __sandbox: { session: Seen & { toJSON(): unknown } } }).__sandbox
      .session;
    const replay = (live.constructor as unknown as { fromJSON(r: unknown): Seen }).fromJSON(
      JSON.parse(JSON.stringify(live.toJSON())),
    );
    const seen = (s: Seen & { transcript?: unknown }) =>
      JSON.stringify({
        now: s.cluster.now,
        terminals: s.terminals.map((t) => [t.id, t.prompt, t.busy]),
        transcript: s.transcript,
      });
    const a = seen(live);
    const b = seen(replay);
    if (a === b) return "";
    let i = 0;
    while (a[i] === b[i]) i++;
    const around = (text: string) => text.slice(Math.max(0, i - 200), i + 200);
    return `live: ${around(a)}\nreplay: ${around(b)}`;
  });
}

/** The revisions the history panel lists, top row first. */
export async function historyRevisions(page: Page): Promise<Array<string | null>> {
  await rendered(page);
  return page.$$eval(".history-table tbody tr", (els) => els.map((e) => e.getAttribute("data-revision")));
}

/** Waits until terminal `id` has drawn everything written to it (xterm draws writes in a later task). */
export async function terminalFlushed(page: Page, id = 1): Promise<void> {
  await page.evaluate(`window.__terminalFlushed(${id})`);
}

/** Everything terminal `id` shows, scrollback included, once it has drawn what was written to it. */
export async function terminalText(page: Page, id = 1): Promise<string> {
  await terminalFlushed(page, id);
  return page.evaluate(`window.__terminalText(${id})`) as Promise<string>;
}

/** Clicks into terminal `id` and types `line` followed by Enter, as a learner would. */
export async function typeLine(page: Page, line: string, id = 1): Promise<void> {
  await page.click(`[data-terminal="${id}"]`);
  await page.keyboard.type(line);
  await page.keyboard.press("Enter");
}

/** True while terminal `id` runs a command. */
export function isBusy(page: Page, id = 1): Promise<boolean> {
  return page.evaluate(
    `window.__sandbox.session.terminals.find((t) => t.id === ${id})?.busy ?? false`,
  ) as Promise<boolean>;
}

/** Waits until terminal `id` is idle, pressing "Next event" while it waits on the clock. */
export async function stepUntilIdle(page: Page, id = 1, maxSteps = 200): Promise<void> {
  for (let i = 0; i < maxSteps && (await isBusy(page, id)); i++) await page.click('[data-action="step"]');
  if (await isBusy(page, id)) throw new Error(`terminal ${id} still busy after ${maxSteps} steps`);
}

/** Sets the clock's speed (0 pauses). */
export async function setSpeed(page: Page, speed: 0 | 1 | 5 | 20): Promise<void> {
  await page.click(`[data-speed="${speed}"]`);
}

/**
 * Waits until the page has drawn every change made so far. The app announces changes to React at most
 * once per animation frame, and React renders a store change before the frame after: two frames.
 */
export async function rendered(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}

/** The simulated ms the clock shows. */
export async function simNow(page: Page): Promise<number> {
  await rendered(page);
  return Number(await page.getAttribute(".sim-time", "data-now"));
}

/** Pod states drawn for ReplicaSet `rs` (or for every pod of the live view without `rs`). */
export async function podStates(page: Page, rs?: string): Promise<string[]> {
  const scope = rs ? `[data-rs="${rs}"] ` : "";
  await rendered(page);
  return page.$$eval(`${scope}.pods [data-state]`, (els) =>
    els.map((e) => e.getAttribute("data-state") ?? ""),
  );
}

/** Names of the ReplicaSets the live view draws, newest revision first. */
export async function replicaSetNames(page: Page): Promise<string[]> {
  await rendered(page);
  return page.$$eval("[data-rs]", (els) => els.map((e) => e.getAttribute("data-rs") ?? ""));
}

/** Saves a screenshot as test-artifacts/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png` });
}

/** The lines of `text` (for whole-line comparisons). */
export function lines(text: string): string[] {
  return text.split("\n");
}

/** What terminal `id` printed after the last line `$ ${line}` (up to the next prompt line). */
export async function outputOf(page: Page, line: string, id = 1): Promise<string[]> {
  const all = lines(await terminalText(page, id));
  const start = all.lastIndexOf(`$ ${line}`);
  if (start < 0) throw new Error(`"$ ${line}" is not on terminal ${id}`);
  const rest = all.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith("$ "));
  return end < 0 ? rest : rest.slice(0, end);
}

/** Waits until terminal `id` shows the next prompt after the line `$ ${line}`. */
export async function waitNextPrompt(page: Page, line: string, id = 1): Promise<void> {
  // Drawn first, so an earlier run of the same line (followed by its prompt) is not taken for this one.
  await terminalFlushed(page, id);
  await page.waitForFunction(
    `(() => { const all = window.__terminalText(${id}).split("\\n"); const i = all.lastIndexOf(${JSON.stringify(`$ ${line}`)}); return i >= 0 && all.slice(i + 1).some((l) => l.startsWith("$ ")); })()`,
  );
}

/** Types `line` in terminal `id`, steps the clock until it finishes, and returns what it printed. */
export async function runLine(page: Page, line: string, id = 1): Promise<string[]> {
  await typeLine(page, line, id);
  await stepUntilIdle(page, id);
  await waitNextPrompt(page, line, id);
  return outputOf(page, line, id);
}

/** The lines of the open in-page editor's document (CodeMirror draws one `.cm-line` per line). */
export function editorLines(page: Page): Promise<string[]> {
  return page.$$eval(".edit-body .cm-line", (els) => els.map((e) => e.textContent ?? ""));
}

/** The full text the open editor was given (kubectl's file), read from the terminal waiting on it. */
export function editRequest(page: Page): Promise<string> {
  return page.evaluate(
    "window.__sandbox.session.terminals.find((t) => t.pendingEdit)?.pendingEdit.content ?? ''",
  ) as Promise<string>;
}

/** Replaces the open editor's whole text with `text` (as a learner selecting all and typing). */
export async function replaceEditorText(page: Page, text: string): Promise<void> {
  await page.click(".edit-body .cm-content");
  await page.keyboard.press("Control+a");
  await page.keyboard.insertText(text);
}
