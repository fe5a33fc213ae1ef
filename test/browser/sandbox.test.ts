/**
 * The built site (dist/, served under a sub-path) in Debian's headless Chromium: the notes' commands
 * typed into the terminal print what kubectl v1.32 prints; the live view goes from 3 old pods to 3 new
 * ones; a paused clock moves nothing; keys typed during a command wait for the next prompt; the timeline
 * shows the past; a reload keeps the session; the editor edits; the interface speaks Korean. Screenshots go to test-artifacts/.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type Browser, type SandboxPage, type StaticServer, startSandbox } from "./harness";
import {
  historyRevisions,
  isBusy,
  outputOf,
  podStates,
  replicaSetNames,
  runLine,
  screenshot,
  setSpeed,
  simNow,
  stepUntilIdle,
  terminalText,
  typeLine,
  waitNextPrompt,
  waitPrompt,
} from "./page";

let sandbox: SandboxPage;
let server: StaticServer;
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ server, browser, page, requests } = sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

/** Types `line` in terminal 1, steps the clock until it finishes, and returns what it printed. */
function run(line: string): Promise<string[]> {
  return runLine(page, line);
}

describe("the notes in the browser", () => {
  test("the page loads from a sub-path with a prompt and asks nothing of any other host", async () => {
    await screenshot(page, "01-first-load");
    expect(await terminalText(page)).toBe("$ ");
    const foreign = requests.filter((u) => !u.startsWith(server.url) && !u.startsWith("data:"));
    expect(foreign).toEqual([]);
  });

  test("apply --record, rollout status and rollout history print what kubectl prints", async () => {
    expect(await run("kubectl apply -f http-go-v1.yaml --record=true")).toEqual([
      "Flag --record has been deprecated, --record will be removed in the future",
      "deployment.apps/http-go created",
    ]);
    const status = await run("kubectl rollout status deploy http-go");
    expect(status[status.length - 1]).toBe('deployment "http-go" successfully rolled out');
    // Real kubectl v1.32.4 ends the first line with a space (test/kubectl/real-kubectl.test.ts keeps its output).
    expect(await run("kubectl rollout history deploy http-go")).toEqual([
      "deployment.apps/http-go ",
      "REVISION  CHANGE-CAUSE",
      "1         kubectl apply --filename=http-go-v1.yaml --record=true",
      "",
    ]);
    expect(await podStates(page)).toEqual(["Available", "Available", "Available"]);
    await screenshot(page, "02-v1-rolled-out");
  });

  test("set image: the live view goes from 3 old pods to 3 new ones within the rollout's bounds", async () => {
    expect(await run(`kubectl patch deployment http-go -p '{"spec": {"minReadySeconds": 10}}'`)).toEqual([
      "deployment.apps/http-go patched",
    ]);
    const [oldRs] = await replicaSetNames(page);
    expect(
      await run("kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true"),
    ).toEqual([
      "Flag --record has been deprecated, --record will be removed in the future",
      "deployment.apps/http-go image updated",
    ]);
    const names = await replicaSetNames(page);
    expect(names).toHaveLength(2);
    const newRs = names.find((n) => n !== oldRs) as string;
    // Step through the rollout, looking at every moment: never more than 4 pods (3 + maxSurge 1).
    let sawBounds = false;
    let sawMixed = false;
    for (let i = 0; i < 60; i++) {
      const oldPods = await podStates(page, oldRs);
      const newPods = await podStates(page, newRs);
      expect(oldPods.filter((s) => s !== "Terminating").length + newPods.length).toBeLessThanOrEqual(4);
      if (oldPods.length > 0 && newPods.length > 0 && !sawMixed) {
        sawMixed = true;
        await screenshot(page, "03-rollout-midway");
      }
      const bounds = await page.$$eval(".bound", (els) => els.map((e) => e.textContent ?? ""));
      if (bounds.some((b) => b.endsWith("of at most 4 (3 + maxSurge 1)"))) sawBounds = true;
      if (newPods.join() === "Available,Available,Available" && oldPods.length === 0) break;
      await page.click('[data-action="step"]');
    }
    expect(sawMixed).toBe(true);
    expect(sawBounds).toBe(true);
    expect(await podStates(page, newRs)).toEqual(["Available", "Available", "Available"]);
    expect(await podStates(page, oldRs)).toEqual([]);
    expect(await page.textContent(`[data-rs="${newRs}"] .rs-image`)).toBe("gasbugs/http-go:v2");
    await screenshot(page, "04-v2-rolled-out");
  });

  test("rollout history lists both revisions, and the history panel diffs their templates", async () => {
    expect(await run("kubectl rollout history deployment http-go")).toEqual([
      "deployment.apps/http-go ",
      "REVISION  CHANGE-CAUSE",
      "1         kubectl apply --filename=http-go-v1.yaml --record=true",
      "2         kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true",
      "",
    ]);
    expect(await historyRevisions(page)).toEqual(["2", "1"]);
    const diff = await page.$$eval(".diff-body > div", (els) => els.map((e) => e.textContent ?? ""));
    expect(diff.filter((l) => l.startsWith("- ") || l.startsWith("+ ")).map((l) => l.trim())).toEqual([
      "-       image: gasbugs/http-go:v1",
      "+       image: gasbugs/http-go:v2",
    ]);
  });

  test("a paused clock moves nothing", async () => {
    await setSpeed(page, 0);
    await typeLine(page, "kubectl scale deployment http-go --replicas=5");
    const t0 = await simNow(page);
    const before = await podStates(page);
    await page.waitForTimeout(2500);
    expect(await simNow(page)).toBe(t0);
    expect(await podStates(page)).toEqual(before);
    await screenshot(page, "05-paused");
    await setSpeed(page, 20);
    await page.waitForFunction(
      `document.querySelectorAll('.pods [data-state="Available"]').length === 5`,
      undefined,
      {
        timeout: 30_000,
      },
    );
    await setSpeed(page, 0);
    expect(await simNow(page)).toBeGreaterThan(t0);
  });

  test("keys typed while a command runs are kept for the next prompt, as a terminal's type-ahead", async () => {
    await setSpeed(page, 0);
    await typeLine(page, "sleep 5");
    expect(await isBusy(page)).toBe(true);
    // The next command (half pasted, half typed, a typo taken back) and the start of the one after,
    // all while `sleep` waits.
    await page.evaluate(`(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "kubectl get");
      document.activeElement.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    })()`);
    await page.keyboard.type(" deploymentx");
    await page.keyboard.press("Backspace");
    await page.keyboard.press("Enter");
    await page.keyboard.type("kubectl get r");
    await stepUntilIdle(page);
    await waitNextPrompt(page, "kubectl get deployment");
    expect(await outputOf(page, "kubectl get deployment")).toEqual([
      "NAME      READY   UP-TO-DATE   AVAILABLE   AGE",
      expect.stringMatching(/^http-go {3}5\/5 {5}5 {12}5 {11}\S+$/),
    ]);
    // The unfinished line is on the new prompt, to be edited on (back in the terminal, Ctrl-U clears it).
    expect((await terminalText(page)).split("\n").at(-1)).toBe("$ kubectl get r");
    await page.click('[data-terminal="1"]');
    await page.keyboard.press("Control+u");
    expect((await terminalText(page)).split("\n").at(-1)).toBe("$ ");
    // Ctrl-C flushes what was typed ahead, as a tty's interrupt does: the typed line never runs.
    await typeLine(page, "sleep 5");
    await page.keyboard.type("kubectl get pods");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Control+c");
    await waitNextPrompt(page, "sleep 5");
    expect((await terminalText(page)).split("\n").slice(-3)).toEqual(["$ sleep 5", "^C", "$ "]);
  });

  test("dragging the timeline back shows the cluster as it was, read-only", async () => {
    // Drag the slider's thumb to its left end, then right a few pixels at a time.
    const box = await page.getByRole("slider").boundingBox();
    if (!box) throw new Error("no timeline slider");
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width - 4, y);
    await page.mouse.down();
    await page.mouse.move(box.x + 1, y, { steps: 8 });
    await page.waitForSelector(".past-bar");
    // At the start only the v1 ReplicaSet exists and none of its pods is available yet.
    expect((await replicaSetNames(page)).length).toBeLessThanOrEqual(1);
    expect(await podStates(page)).not.toContain("Available");
    await screenshot(page, "06-timeline-start");
    let x = box.x + 1;
    while (x < box.x + box.width && !(await podStates(page)).includes("Available")) {
      x += 3;
      await page.mouse.move(x, y);
    }
    await page.mouse.up();
    expect(await podStates(page)).toContain("Available");
    expect(await page.textContent(".past-bar")).toContain("Viewing the past (read-only)");
    await screenshot(page, "06-timeline-past");
    await page.getByRole("button", { name: "Back to now" }).click();
    // React re-renders after the click; wait for the bar to go (a loaded CI machine is slower than a click).
    await page.waitForSelector(".past-bar", { state: "detached", timeout: 10_000 });
    expect(await page.$(".past-bar")).toBeNull();
    expect(await podStates(page)).toHaveLength(5);
  });

  test("a reload finds the session intact", async () => {
    const before = await terminalText(page);
    const now = await simNow(page);
    await page.reload();
    await waitPrompt(page);
    await setSpeed(page, 0);
    expect(await terminalText(page)).toBe(before);
    expect(await simNow(page)).toBe(now);
    expect(await podStates(page)).toHaveLength(5);
    await screenshot(page, "07-after-reload");
  });

  test("the editor opens on an edit request; Cancel changes nothing, Save writes the text", async () => {
    await typeLine(page, "vi http-go-v1.yaml");
    await page.waitForSelector('.edit-body[data-loaded="true"]');
    expect(await page.textContent(".edit-head code")).toBe("/home/learner/http-go-v1.yaml");
    await screenshot(page, "08-editor");
    await page.click('[data-action="cancel"]');
    await page.waitForSelector(".edit-dialog", { state: "detached" });
    expect(await run("grep image: http-go-v1.yaml")).toEqual(["        image: gasbugs/http-go:v1"]);

    await typeLine(page, "vi http-go-v1.yaml");
    await page.waitForSelector('.edit-body[data-loaded="true"]');
    const text = (await page.evaluate("window.__sandbox.session.terminals[0].pendingEdit.content")) as string;
    await page.click(".cm-content");
    await page.keyboard.press("Control+a");
    await page.keyboard.insertText(text.replace("gasbugs/http-go:v1", "gasbugs/http-go:v3"));
    await page.click('[data-action="save"]');
    await page.waitForSelector(".edit-dialog", { state: "detached" });
    expect(await run("grep image: http-go-v1.yaml")).toEqual(["        image: gasbugs/http-go:v3"]);
  });

  test("large text makes the terminal and the panels bigger", async () => {
    const size = () => page.$eval(".live h2", (e) => Number.parseFloat(getComputedStyle(e).fontSize));
    const before = await size();
    await page.check(".toggle input");
    expect(await size()).toBeGreaterThan(before);
    await screenshot(page, "10-large-text");
    await page.uncheck(".toggle input");
  });

  test("a lesson runs beside the terminal: a command pasted with one click, then checked", async () => {
    await page.click(".lesson-chooser button");
    await page.waitForSelector('[data-action="check"]');
    expect(await page.textContent(".lesson h3")).toBe("What makes updates fail");
    await page.click('.try button[aria-label$="kubectl apply -f http-go-typo.yaml"]');
    await page.keyboard.press("Enter");
    await page.waitForFunction(`window.__terminalText(1).includes("strict decoding error")`);
    await page.click('[data-action="check"]');
    await page.waitForSelector(".lesson-report");
    await screenshot(page, "11-lesson");
    expect(await page.getAttribute(".lesson", "data-phase")).toBe("passed");
    await page.click('[data-action="next"]');
    await page.waitForFunction(`document.querySelector(".lesson .muted")?.textContent === "Step 2 of 13"`);
  });

  test("the interface switches to Korean", async () => {
    await page.selectOption('[data-control="lang"]', "ko");
    await page.waitForSelector('html[lang="ko"]');
    expect(await page.textContent('[data-action="reset"]')).toBe("초기화");
    expect(await page.textContent('[data-action="step"]')).toBe("다음 이벤트 ▸");
    await screenshot(page, "09-korean");
    await page.selectOption('[data-control="lang"]', "en");
  });

  test("a share link recreates the session in a fresh page", async () => {
    await page.click('[data-action="share"]');
    const link = (await (await page.waitForSelector('[data-control="share-link"]')).inputValue()) as string;
    expect(link.startsWith(`${server.url}#session=`)).toBe(true);
    const other = await browser.context.newPage();
    await other.goto(link);
    await waitPrompt(other);
    const text = (await other.evaluate("window.__terminalText(1)")) as string;
    expect(text.split("\n")[0]).toBe("$ kubectl apply -f http-go-typo.yaml");
    // The lesson comes along at the step it had reached (step 2).
    await other.waitForSelector(".lesson h3");
    expect(await other.textContent(".lesson h3")).toBe("Recording the rollout history");
    await other.close();
  });
});
