/**
 * Issue 5, point by point, in headless Chromium: every control reachable with Tab and visibly focused
 * (and the terminal, where Tab completes, left with Shift+Tab or Escape then Tab); a deeper sub-path;
 * offline once loaded (the editor included); reset; export then import of a session file; continuing
 * from a moment in the past.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { contrastFailures } from "./contrast";
import { type Browser, type SandboxPage, startSandbox } from "./harness";
import {
  lines,
  outputOf,
  runLine,
  screenshot,
  setSpeed,
  simNow,
  terminalText,
  typeLine,
  waitNextPrompt,
  waitPrompt,
} from "./page";

let sandbox: SandboxPage;
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  sandbox = await startSandbox("courses/k8s/sandbox");
  ({ browser, page, requests } = sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

/** What has keyboard focus: a name for it, whether it is a terminal, and whether a focus mark is drawn. */
interface Focused {
  name: string;
  terminal: boolean;
  visible: boolean;
}

function focused(): Promise<Focused> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return { name: "body", terminal: false, visible: false };
    const terminal = e.classList.contains("xterm-helper-textarea");
    const style = getComputedStyle(e);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) >= 2;
    // A terminal shows focus by its card's accent border and the blinking cursor.
    const card = e.closest(".terminal-card");
    const visible = terminal ? Boolean(card?.classList.contains("active")) : outline;
    const name =
      e.getAttribute("aria-label") ??
      e.getAttribute("data-action") ??
      e.getAttribute("data-speed") ??
      (e.textContent ?? "").trim();
    return { name: `${e.tagName.toLowerCase()}:${name}`, terminal, visible };
  });
}

/** Every control a learner can operate now (visible, enabled, not taken out of the Tab order). */
function controls(): Promise<string[]> {
  return page.$$eval(
    'a[href], button:not([disabled]), select, input:not([type="file"]):not([hidden]), [tabindex="0"]',
    (els) =>
      els
        .filter((e) => (e as HTMLElement).tabIndex >= 0 && (e as HTMLElement).getClientRects().length > 0)
        .map((e) => {
          const name =
            e.getAttribute("aria-label") ??
            e.getAttribute("data-action") ??
            e.getAttribute("data-speed") ??
            (e.textContent ?? "").trim();
          return `${e.tagName.toLowerCase()}:${name}`;
        }),
  );
}

/** Presses Tab from the top of the page until focus leaves it; what was focused, in order. */
async function tabCycle(prefix: string): Promise<Focused[]> {
  const seen: Focused[] = [];
  for (let i = 0; i < 120; i++) {
    // In a terminal Tab completes; Escape first hands the next Tab back to the page.
    if (seen[seen.length - 1]?.terminal) await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    const now = await focused();
    // Past the last control focus leaves the document (the browser's own UI), then starts over.
    if (now.name === "body" || now.name === seen[0]?.name) break;
    seen.push(now);
    if (now.name === "input:Time travel") await screenshot(page, `${prefix}-focus-timeline`);
    if (now.name.startsWith("button:Paste")) await screenshot(page, `${prefix}-focus-lesson`);
  }
  return seen;
}

/** Expects every control on the page to be in `seen`, each with a visible focus mark. */
async function expectAllReachedAndVisible(seen: Focused[]): Promise<void> {
  const names = seen.map((s) => s.name);
  expect(names).toContain("textarea:Terminal 1");
  expect(seen.filter((s) => !s.visible).map((s) => s.name)).toEqual([]);
  const missing = (await controls()).filter((c) => !names.includes(c));
  expect(missing).toEqual([]);
}

describe("keyboard", () => {
  test("Tab reaches every control, each visibly focused; the terminal lets Tab go after Escape", async () => {
    // Start from the top of the document, as after loading the page.
    await page.reload();
    await waitPrompt(page);
    // The lessons load once the prompt is up; the chooser is part of the page to reach.
    await page.waitForSelector(".lesson-chooser button");
    await expectAllReachedAndVisible(await tabCycle("keyboard"));
  });

  test("a lesson started from the keyboard: its buttons are in the Tab order too", async () => {
    await page.focus(".lesson-chooser button");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-action="check"]');
    await page.reload();
    await waitPrompt(page);
    await page.waitForSelector('[data-action="check"]');
    const seen = await tabCycle("keyboard-lesson");
    expect(seen.map((s) => s.name)).toContain(
      "button:Paste into the terminal: kubectl apply -f http-go-typo.yaml",
    );
    await expectAllReachedAndVisible(seen);
  });

  test("Shift+Tab leaves the terminal backwards; Tab alone completes", async () => {
    await page.click('[data-terminal="1"]');
    await page.keyboard.type("kubectl rollout hist");
    await page.keyboard.press("Tab");
    await page.waitForFunction(`window.__terminalText(1).endsWith("$ kubectl rollout history ")`);
    expect((await focused()).terminal).toBe(true);
    await page.keyboard.press("Shift+Tab");
    expect((await focused()).terminal).toBe(false);
    await page.click('[data-terminal="1"]');
    await page.keyboard.press("Control+c");
    await page.waitForFunction(`window.__terminalText(1).endsWith("\\n$ ")`);
  });
});

describe("copy and paste", () => {
  test("Ctrl+C with text selected copies it (no interrupt); a paste types the text into the line", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"]);
    expect(await runLine(page, "echo copy-me")).toEqual(["copy-me"]);
    // Select the printed word by double-clicking it on the terminal's screen.
    const row = lines(await terminalText(page)).lastIndexOf("copy-me");
    const box = await page.$eval('[data-terminal="1"] .xterm-screen', (e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    });
    const rowHeight = await page.$eval(
      '[data-terminal="1"] .xterm-rows > div',
      (e) => e.getBoundingClientRect().height,
    );
    const viewportTop: number = await page.evaluate(
      "(() => { const t = document.querySelector('[data-terminal=\"1\"] .xterm-viewport'); return Math.round(t.scrollTop); })()",
    );
    const y = box.y + (row + 0.5) * rowHeight - viewportTop;
    await page.mouse.dblclick(box.x + 20, y);
    const before = await terminalText(page);
    await page.keyboard.press("Control+c");
    expect(await page.evaluate("navigator.clipboard.readText()")).toBe("copy-me");
    // No interrupt reached the shell: no ^C, no new prompt.
    expect(await terminalText(page)).toBe(before);
    // What Ctrl+V or the browser's Paste delivers to the focused terminal: a paste event.
    await page.click('[data-terminal="1"]');
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "echo pasted");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await page.waitForFunction(`window.__terminalText(1).endsWith("$ echo pasted")`);
    await page.keyboard.press("Enter");
    await waitNextPrompt(page, "echo pasted");
    expect(await outputOf(page, "echo pasted")).toEqual(["pasted"]);
  });
});

describe("offline once loaded", () => {
  test("with the network gone, commands and the editor still work", async () => {
    // The editor's chunk is fetched when the page is first idle.
    await page.waitForFunction(
      `performance.getEntriesByType("resource").some((r) => r.name.includes("yaml-editor"))`,
      undefined,
      { timeout: 10_000 },
    );
    const loaded = requests.length;
    await browser.context.setOffline(true);
    try {
      expect(await runLine(page, "kubectl create deployment web --image=nginx")).toEqual([
        "deployment.apps/web created",
      ]);
      await typeLine(page, "kubectl edit deployment web");
      await page.waitForSelector('.edit-body[data-loaded="true"] .cm-line');
      await page.click('[data-action="cancel"]');
      await waitNextPrompt(page, "kubectl edit deployment web");
      expect(await outputOf(page, "kubectl edit deployment web")).toEqual([
        "Edit cancelled, no changes made.",
      ]);
      expect(requests.slice(loaded)).toEqual([]);
    } finally {
      await browser.context.setOffline(false);
    }
  });
});

describe("the session", () => {
  test("export then import a session file brings back terminal, clock and cluster", async () => {
    await setSpeed(page, 20);
    await page.waitForFunction(`Number(document.querySelector(".sim-time").dataset.now) > 5000`);
    await setSpeed(page, 0);
    const text = await terminalText(page);
    const now = await simNow(page);
    const download = page.waitForEvent("download");
    await page.click('[data-action="export"]');
    const file = await (await download).path();
    const saved = JSON.parse(readFileSync(file, "utf8")) as { version: number };
    expect(saved.version).toBe(1);

    await page.click('[data-action="reset"]');
    await page.waitForFunction(`window.__terminalText(1) === "$ "`);
    expect(await simNow(page)).toBe(0);
    expect(await page.$$("[data-rs]")).toHaveLength(0);

    await page.setInputFiles('[data-control="import-file"]', file);
    await page.waitForFunction(`window.__terminalText(1).length > 2`);
    expect(await terminalText(page)).toBe(text);
    expect(await simNow(page)).toBe(now);
    expect(await page.$$("[data-rs]")).toHaveLength(1);
  });

  test("a file that is not a session is refused with a notice and changes nothing", async () => {
    const text = await terminalText(page);
    await page.setInputFiles('[data-control="import-file"]', {
      name: "notes.json",
      mimeType: "application/json",
      buffer: Buffer.from('{"hello": 1}'),
    });
    await page.waitForFunction(
      `document.querySelector(".notice").textContent.startsWith("This file is not a session file:")`,
    );
    expect(await terminalText(page)).toBe(text);
  });

  test("continue from a moment in the past: the cluster and the clock go back, the terminal goes on", async () => {
    // Something made after the first moment the timeline keeps.
    const first = await simNow(page);
    await setSpeed(page, 5);
    await page.waitForFunction(`Number(document.querySelector(".sim-time").dataset.now) > ${first + 3000}`);
    await setSpeed(page, 0);
    expect(await runLine(page, "kubectl create deployment late --image=nginx")).toEqual([
      "deployment.apps/late created",
    ]);
    const slider = page.getByRole("slider", { name: "Time travel" });
    await slider.focus();
    await page.keyboard.press("Home");
    await page.waitForSelector(".past-bar");
    await page.getByRole("button", { name: "Continue from here" }).click();
    await page.waitForSelector(".past-bar", { state: "detached" });
    expect(await simNow(page)).toBeLessThan(first + 3000);
    expect(await runLine(page, "kubectl get deployment late")).toEqual([
      'Error from server (NotFound): deployments.apps "late" not found',
    ]);
    await screenshot(page, "continue-from-the-past");
  });

  test("a reload after all that still finds the session", async () => {
    const text = await terminalText(page);
    await page.reload();
    await waitPrompt(page);
    expect(await terminalText(page)).toBe(text);
  });
});

describe("layout", () => {
  test("on a 1280×720 laptop and a 1024×768 projector: the lesson, the terminals and the toolbar all fit", async () => {
    await page.click('[data-terminal="1"]');
    if ((await page.$$(".terminal-card")).length < 2) await page.click(".add-terminal");
    await page.waitForSelector('[data-terminal="2"]');
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1024, height: 768 },
    ]) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      // Nothing sticks out of the window to the right (the page never scrolls sideways).
      expect(await page.evaluate("document.documentElement.scrollWidth")).toBeLessThanOrEqual(size.width);
      // The lesson panel is shown at every size.
      const lesson = await page.$eval(".lesson", (e) => e.getBoundingClientRect().width);
      expect(lesson).toBeGreaterThan(200);
      // Two terminals stack rather than squeeze: each keeps at least 600 px (about 70 columns).
      const cards = await page.$$eval(".terminal-card", (els) =>
        els.map((e) => {
          const r = e.getBoundingClientRect();
          return { width: r.width, top: r.top, bottom: r.bottom };
        }),
      );
      expect(cards).toHaveLength(2);
      for (const c of cards) expect(c.width).toBeGreaterThanOrEqual(600);
      expect(cards[1]?.top ?? 0).toBeGreaterThanOrEqual(cards[0]?.bottom ?? Number.POSITIVE_INFINITY);
      // The clock bar stays in view.
      const clock = await page.$eval(".clock", (e) => e.getBoundingClientRect().bottom);
      expect(clock).toBeLessThanOrEqual(size.height);
      await screenshot(page, `layout-${size.width}x${size.height}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
  });

  test("every text on screen meets WCAG AA contrast, mid-rollout, with a check report and the legend open", async () => {
    expect(await runLine(page, "kubectl apply -f http-go-v1.yaml")).toEqual([
      "deployment.apps/http-go created",
    ]);
    await page.click('[data-action="step"]');
    await page.click('[data-action="check"]');
    await page.waitForSelector(".lesson-report");
    await page.click(".legend summary");
    // Tiles fade in (0.4 s from opacity 0): measure the colors they settle on.
    await page.waitForTimeout(600);
    expect(await contrastFailures(page)).toEqual([]);
    await page.selectOption('[data-control="lang"]', "ko");
    await page.waitForSelector('html[lang="ko"]');
    await page.waitForTimeout(600);
    expect(await contrastFailures(page)).toEqual([]);
    await page.selectOption('[data-control="lang"]', "en");
  });
});
