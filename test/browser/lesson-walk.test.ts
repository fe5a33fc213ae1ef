/**
 * Lesson 1 (lessons/01-rolling-update, the seed notes) walked to the end in the browser, as a learner
 * does it (issue 6 point 6): each step's commands pasted with their one-click buttons and run with
 * Enter, the monitor loop typed into a second terminal and left running, the editor used for
 * `kubectl edit`, the clock played at 20× while a command waits on it, then "Check" must pass every
 * step and the lesson ends complete. Then one step in Korean. Screenshots of the key moments go to
 * test-artifacts/ (a laptop 1280×720 and a projector 1920×1080 among them).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type SandboxPage, startSandbox } from "./harness";
import {
  editRequest,
  historyRevisions,
  isBusy,
  outputOf,
  rendered,
  replaceEditorText,
  replayDifference,
  screenshot,
  setSpeed,
  simNow,
  terminalText,
  waitNextPrompt,
  waitPrompt,
} from "./page";

let sandbox: SandboxPage;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ page } = sandbox);
});

afterAll(async () => {
  await sandbox?.close();
});

/** Clicks the step's one-click button for `command` (its accessible name is "<label>: <command>"). */
async function paste(command: string, label = "Paste into the terminal"): Promise<void> {
  await page
    .getByRole("button", { name: `${label}: ${command}`, exact: true })
    .first()
    .click();
}

/** Plays the clock at 20× until terminal `id` is idle, then pauses it again. */
async function playUntilIdle(id: number): Promise<void> {
  if (!(await isBusy(page, id))) return;
  await setSpeed(page, 20);
  await page.waitForFunction(
    `!(window.__sandbox.session.terminals.find((t) => t.id === ${id})?.busy ?? false)`,
    undefined,
    { timeout: 45_000 },
  );
  await setSpeed(page, 0);
}

/** Pastes `command` with its button, presses Enter in terminal `id`, and waits for it to finish. */
async function pasteAndRun(command: string, id = 1): Promise<string[]> {
  await paste(command);
  await page.keyboard.press("Enter");
  await playUntilIdle(id);
  await waitNextPrompt(page, command, id);
  return outputOf(page, command, id);
}

/** The step counter ("Step 3 of 13"). */
function stepLabel(): Promise<string | null> {
  return page.textContent(".lesson .muted");
}

/** Presses Check and expects every condition of the step to hold (the report's lines otherwise). */
async function checkPasses(): Promise<void> {
  await page.click('[data-action="check"]');
  await page.waitForSelector(".lesson-report");
  const report = await page.$$eval(".lesson-report li", (els) => els.map((e) => e.textContent ?? ""));
  expect(
    report.filter((l) => !l.startsWith("✓")),
    `failed checks of ${await stepLabel()}`,
  ).toEqual([]);
  expect(report.length).toBeGreaterThan(0);
  expect(await page.getAttribute(".lesson", "data-phase")).toBe("passed");
}

/** Checks the step, then goes to step `n` (or to the end with undefined). */
async function passAndNext(n: number | undefined): Promise<void> {
  await checkPasses();
  await page.click('[data-action="next"]');
  if (n === undefined) await page.waitForSelector(".lesson-complete");
  else
    await page.waitForFunction(`document.querySelector(".lesson .muted")?.textContent === "Step ${n} of 13"`);
}

/** Focuses terminal `id` (the one-click buttons paste into the terminal used last). */
async function useTerminal(id: number): Promise<void> {
  await page.click(`[data-terminal="${id}"]`);
}

describe("lesson 1 in the browser, to the end", () => {
  test("start: the lesson opens at step 1 beside the terminal", async () => {
    await page.click(".lesson-chooser button");
    await page.waitForSelector('[data-action="check"]');
    expect(await stepLabel()).toBe("Step 1 of 13");
    expect(await page.textContent(".lesson h3")).toBe("What makes updates fail");
  });

  test("1 what makes updates fail: the typo is refused by strict decoding", async () => {
    expect(await pasteAndRun("kubectl apply -f http-go-typo.yaml")).toEqual([
      'Error from server (BadRequest): error when creating "http-go-typo.yaml": Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.processDeadlineSeconds"',
    ]);
    await passAndNext(2);
    expect(await page.textContent(".lesson h3")).toBe("Recording the rollout history");
  });

  test("2 record the history: apply --record, rollout status, rollout history", async () => {
    expect(await pasteAndRun("kubectl apply -f http-go-v1.yaml --record=true")).toEqual([
      "Flag --record has been deprecated, --record will be removed in the future",
      "deployment.apps/http-go created",
    ]);
    const status = await pasteAndRun("kubectl rollout status deploy http-go");
    expect(status[status.length - 1]).toBe('deployment "http-go" successfully rolled out');
    expect(await pasteAndRun("kubectl rollout history deploy http-go")).toEqual([
      "deployment.apps/http-go ",
      "REVISION  CHANGE-CAUSE",
      "1         kubectl apply --filename=http-go-v1.yaml --record=true",
      "",
    ]);
    await screenshot(page, "lesson-02-history-recorded");
    await passAndNext(3);
  });

  test("3 slow down: minReadySeconds 10 makes no new revision", async () => {
    expect(
      await pasteAndRun(`kubectl patch deployment http-go -p '{"spec": {"minReadySeconds": 10}}'`),
    ).toEqual(["deployment.apps/http-go patched"]);
    await passAndNext(4);
  });

  test("4 expose: a Service with three endpoints", async () => {
    expect(await pasteAndRun("kubectl expose deploy http-go")).toEqual(["service/http-go exposed"]);
    const svc = await pasteAndRun("kubectl get svc");
    expect(svc[0]).toBe("NAME         TYPE        CLUSTER-IP      EXTERNAL-IP   PORT(S)    AGE");
    expect(svc).toContainEqual(
      expect.stringMatching(/^http-go +ClusterIP +10\.\d+\.\d+\.\d+ +<none> +8080\/TCP +\d+s$/),
    );
    await passAndNext(5);
  });

  test("5 the monitor loop keeps running in a second terminal", async () => {
    await page.click(".add-terminal");
    await page.waitForSelector('[data-terminal="2"]');
    await paste("kubectl run monitor -it --rm --image busybox -- sh");
    await page.keyboard.press("Enter");
    // The pod must be scheduled, pulled and started before its shell answers: play the clock.
    await setSpeed(page, 20);
    await page.waitForFunction(`window.__terminalText(2).endsWith("/ # ")`, undefined, { timeout: 30_000 });
    await setSpeed(page, 0);
    expect((await terminalText(page, 2)).split("\n").slice(0, 2)).toEqual([
      "$ kubectl run monitor -it --rm --image busybox -- sh",
      "If you don't see a command prompt, try pressing enter.",
    ]);
    await paste("wget -O- -q http-go:8080");
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      `window.__terminalText(2).split("\\n").filter((l) => l.startsWith("/ # ")).length >= 2`,
    );
    await paste("while true; do wget -O- -q http-go:8080; sleep 1; done");
    await page.keyboard.press("Enter");
    await passAndNext(6);
  });

  test("6 set image: the monitor answers v1 then v2 while the rollout runs", async () => {
    await useTerminal(1);
    expect(
      await pasteAndRun("kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true"),
    ).toEqual([
      "Flag --record has been deprecated, --record will be removed in the future",
      "deployment.apps/http-go image updated",
    ]);
    // Look at the live view once while old and new pods are both there.
    await setSpeed(page, 5);
    await page.waitForFunction(
      `document.querySelectorAll("[data-rs]").length === 2 && [...document.querySelectorAll("[data-rs]")].every((rs) => rs.querySelector(".pods [data-state]"))`,
      undefined,
      { timeout: 30_000 },
    );
    await setSpeed(page, 0);
    await screenshot(page, "lesson-06-live-view-mid-rollout");
    const status = await pasteAndRun("kubectl rollout status deployment http-go");
    expect(status[status.length - 1]).toBe('deployment "http-go" successfully rolled out');
    expect(await pasteAndRun("kubectl rollout history deployment http-go")).toEqual([
      "deployment.apps/http-go ",
      "REVISION  CHANGE-CAUSE",
      "1         kubectl apply --filename=http-go-v1.yaml --record=true",
      "2         kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true",
      "",
    ]);
    // The monitor loop kept printing in terminal 2, and was answered by both versions (the image
    // catalog's http-go:v1 answers "Welcome! <pod>", v2 "Welcome! v2 <pod>").
    const monitor = (await terminalText(page, 2)).split("\n");
    expect(monitor).toContainEqual(expect.stringMatching(/^Welcome! http-go-[a-z0-9]+-[a-z0-9]{5}$/));
    expect(monitor).toContainEqual(expect.stringMatching(/^Welcome! v2 http-go-[a-z0-9]+-[a-z0-9]{5}$/));
    await screenshot(page, "lesson-06-terminals-with-the-notes-commands");
    for (const [name, size] of [
      ["laptop-1280x720", { width: 1280, height: 720 }],
      ["projector-1920x1080", { width: 1920, height: 1080 }],
    ] as const) {
      await page.setViewportSize(size);
      await page.waitForTimeout(300);
      await screenshot(page, `lesson-06-${name}`);
    }
    await page.setViewportSize({ width: 1366, height: 768 });
    await passAndNext(7);
  });

  test("7 the old ReplicaSet is kept at 0", async () => {
    const rs = await pasteAndRun("kubectl get rs");
    expect(rs[0]).toBe("NAME                 DESIRED   CURRENT   READY   AGE");
    expect(rs.filter((l) => /^http-go-[a-z0-9]+ +0 +0 +0 +\d+m?\d*s?$/.test(l))).toHaveLength(1);
    await passAndNext(8);
  });

  test("8 edit in the in-page editor, then annotate the change cause", async () => {
    await paste("kubectl edit deploy http-go");
    await page.keyboard.press("Enter");
    await page.waitForSelector('.edit-body[data-loaded="true"] .cm-line');
    const text = await editRequest(page);
    await replaceEditorText(page, text.replace("image: gasbugs/http-go:v2", "image: gasbugs/http-go:v3"));
    await page.click('[data-action="save"]');
    await page.waitForSelector(".edit-dialog", { state: "detached" });
    await waitNextPrompt(page, "kubectl edit deploy http-go");
    expect(await outputOf(page, "kubectl edit deploy http-go")).toEqual(["deployment.apps/http-go edited"]);
    expect(
      await pasteAndRun(
        `kubectl annotate deployment http-go kubernetes.io/change-cause="image updated to v3 with kubectl edit"`,
      ),
    ).toEqual(["deployment.apps/http-go annotated"]);
    const status = await pasteAndRun("kubectl rollout status deploy http-go");
    expect(status[status.length - 1]).toBe('deployment "http-go" successfully rolled out');
    await passAndNext(9);
  });

  test("9 undo: revision 2 comes back as revision 4, and the history panel says so", async () => {
    expect(await pasteAndRun("kubectl rollout undo deployment http-go")).toEqual([
      "deployment.apps/http-go rolled back",
    ]);
    await pasteAndRun("kubectl rollout status deployment http-go");
    expect(await pasteAndRun("kubectl rollout history deploy http-go")).toEqual([
      "deployment.apps/http-go ",
      "REVISION  CHANGE-CAUSE",
      "1         kubectl apply --filename=http-go-v1.yaml --record=true",
      "3         image updated to v3 with kubectl edit",
      "4         kubectl set image deployment http-go http-go=gasbugs/http-go:v2 --record=true",
      "",
    ]);
    expect(await historyRevisions(page)).toEqual(["4", "3", "1"]);
    await screenshot(page, "lesson-09-history-renumbered");
    await passAndNext(10);
  });

  test("10 undo --to-revision=1: revision 1 becomes 5", async () => {
    expect(await pasteAndRun("kubectl rollout undo deploy http-go --to-revision=1")).toEqual([
      "deployment.apps/http-go rolled back",
    ]);
    await pasteAndRun("kubectl rollout status deploy http-go");
    await passAndNext(11);
  });

  test("11 pause in the middle of an update: old and new pods stay mixed", async () => {
    expect(await pasteAndRun("kubectl set image deployment http-go http-go=gasbugs/http-go:v2")).toEqual([
      "deployment.apps/http-go image updated",
    ]);
    expect(await pasteAndRun("kubectl rollout pause deployment http-go")).toEqual([
      "deployment.apps/http-go paused",
    ]);
    await pasteAndRun("kubectl get rs");
    // Two ReplicaSets with pods: the v1 one still serving, the reused v2 one started.
    await rendered(page);
    const withPods = await page.$$eval("[data-rs]", (els) =>
      els
        .filter((rs) => rs.querySelector(".pods [data-state]"))
        .map((rs) => rs.querySelector(".rs-image")?.textContent),
    );
    expect(withPods.sort()).toEqual(["gasbugs/http-go:v1", "gasbugs/http-go:v2"]);
    await screenshot(page, "lesson-11-paused-mid-rollout");
    await passAndNext(12);
  });

  test("12 undo refuses a paused deployment", async () => {
    expect(await pasteAndRun("kubectl rollout undo deployment http-go")).toEqual([
      "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again",
    ]);
    await passAndNext(13);
  });

  test("13 resume, then undo: the lesson is complete", async () => {
    expect(await pasteAndRun("kubectl rollout resume deployment http-go")).toEqual([
      "deployment.apps/http-go resumed",
    ]);
    expect(await pasteAndRun("kubectl rollout undo deployment http-go")).toEqual([
      "deployment.apps/http-go rolled back",
    ]);
    await pasteAndRun("kubectl rollout status deployment http-go");
    await passAndNext(undefined);
    expect(await page.textContent(".lesson-complete")).toBe("Lesson complete. Well done!");
    // The monitor loop is still running in terminal 2.
    expect(await isBusy(page, 2)).toBe(true);
    await screenshot(page, "lesson-13-complete");
  });

  test("a reload keeps both terminals (the monitor loop still running), the clock and the finished lesson", async () => {
    const one = await terminalText(page, 1);
    const two = await terminalText(page, 2);
    const now = await simNow(page);
    expect(await replayDifference(page)).toBe("");
    await page.reload();
    await waitPrompt(page);
    await page.waitForSelector(".lesson-complete");
    expect(await terminalText(page, 1)).toBe(one);
    expect(await terminalText(page, 2)).toBe(two);
    expect(await simNow(page)).toBe(now);
    expect(await isBusy(page, 2)).toBe(true);
    // The loop goes on printing once the clock plays.
    await setSpeed(page, 5);
    await page.waitForFunction(`window.__terminalText(2).length > ${two.length}`, undefined, {
      timeout: 20_000,
    });
    await setSpeed(page, 0);
    expect((await terminalText(page, 2)).slice(two.length)).toMatch(
      /^\nWelcome! http-go-[a-z0-9]+-[a-z0-9]{5}/,
    );
  });

  test("one step in Korean: the interface and the lesson switch language", async () => {
    await page.selectOption('[data-control="lang"]', "ko");
    await page.waitForSelector('html[lang="ko"]');
    await page.getByRole("button", { name: "자유 실습 (레슨 없음)" }).click();
    await page.waitForSelector(".lesson-chooser button");
    await page.click(".lesson-chooser button");
    await page.waitForSelector('[data-action="check"]');
    expect(await stepLabel()).toBe("13단계 중 1단계");
    expect(await page.textContent(".lesson h3")).toBe("업데이트에 실패하는 케이스");
    await paste("kubectl apply -f http-go-typo.yaml", "터미널에 붙여넣기");
    await page.keyboard.press("Enter");
    await waitNextPrompt(page, "kubectl apply -f http-go-typo.yaml");
    await page.click('[data-action="check"]');
    await page.waitForSelector(".lesson-report");
    expect(await page.getAttribute(".lesson", "data-phase")).toBe("passed");
    expect(await page.textContent('[data-action="check"]')).toBe("확인");
    await screenshot(page, "lesson-ko-step-1");
    await page.click('[data-action="next"]');
    await page.waitForFunction(`document.querySelector(".lesson .muted")?.textContent === "13단계 중 2단계"`);
    expect(await page.textContent(".lesson h3")).toBe("Rollout 히스토리 기록");
  });
});
