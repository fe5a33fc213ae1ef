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

/** Waits until the page has drawn its first prompt. */
export async function waitPrompt(page: Page): Promise<void> {
  await page.waitForFunction(`performance.getEntriesByName("sandbox:prompt").length > 0`, undefined, {
    timeout: 30_000,
  });
}

/** Everything terminal `id` shows, scrollback included. */
export function terminalText(page: Page, id = 1): Promise<string> {
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

/** The simulated ms the clock shows. */
export async function simNow(page: Page): Promise<number> {
  return Number(await page.getAttribute(".sim-time", "data-now"));
}

/** Pod states drawn for ReplicaSet `rs` (or for every pod of the live view without `rs`). */
export function podStates(page: Page, rs?: string): Promise<string[]> {
  const scope = rs ? `[data-rs="${rs}"] ` : "";
  return page.$$eval(`${scope}.pods [data-state]`, (els) =>
    els.map((e) => e.getAttribute("data-state") ?? ""),
  );
}

/** Names of the ReplicaSets the live view draws, newest revision first. */
export function replicaSetNames(page: Page): Promise<string[]> {
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
