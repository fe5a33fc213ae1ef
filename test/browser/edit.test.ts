/**
 * `kubectl edit` in the page (issue 5 point 6): the in-page CodeMirror editor opens with kubectl's
 * header; closing it unchanged prints `Edit cancelled, no changes made.`; an invalid edit saved makes
 * kubectl print `error: deployments.apps "http-go" is invalid` and reopen the file with the server's
 * reasons as `#` lines under the header; a valid edit prints `deployment.apps/http-go edited`.
 *
 * Expected text comes from kubectl v1.32 (staging/src/k8s.io/kubectl/pkg/cmd/util/editor/editoptions.go:
 * editHeader.writeTo writes "# <head>:" then "# * <field>: <message>" per cause, then "#"; addError
 * prints `error: <resource>.<group> "<name>" is invalid`) and from the API server's messages
 * (apimachinery field.Error: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`
 * from ValidateNonnegativeField; the strategic-merge patch handler's
 * `patch: Invalid value: "<%+v of the patch>": strict decoding error: unknown field "…"`).
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type SandboxPage, startSandbox } from "./harness";
import {
  editorLines,
  editRequest,
  outputOf,
  replaceEditorText,
  runLine,
  screenshot,
  stepUntilIdle,
  typeLine,
  waitNextPrompt,
} from "./page";

/** kubectl's header above the object (editoptions.go, EditBeforeCreateMode/NormalEditMode). */
const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  "# and an empty file will abort the edit. If an error occurs while saving this file will be",
  "# reopened with the relevant failures.",
  "#",
];

let sandbox: SandboxPage;
let page: Page;

beforeAll(async () => {
  sandbox = await startSandbox();
  ({ page } = sandbox);
  await runLine(page, "kubectl apply -f http-go-v1.yaml");
  await runLine(page, "kubectl rollout status deploy http-go");
});

afterAll(async () => {
  await sandbox?.close();
});

/** Waits for the editor to open (again) on a new request and to have drawn its text. */
async function editorOpen(): Promise<void> {
  await page.waitForSelector('.edit-dialog .edit-body[data-loaded="true"] .cm-line');
}

/** Waits for the editor to close. */
async function editorClosed(): Promise<void> {
  await page.waitForSelector(".edit-dialog", { state: "detached" });
}

describe("kubectl edit in the in-page editor", () => {
  test("opens the live object under kubectl's header; Cancel prints 'Edit cancelled, no changes made.'", async () => {
    await typeLine(page, "kubectl edit deploy http-go");
    await editorOpen();
    const shown = await editorLines(page);
    expect(shown.slice(0, 6)).toEqual([...HEADER, "apiVersion: apps/v1", "kind: Deployment"]);
    expect(await page.getAttribute(".edit-dialog", "aria-label")).toMatch(/\/tmp\/kubectl-edit-\d+\.yaml$/);
    await screenshot(page, "edit-01-open");
    await page.click('[data-action="cancel"]');
    await editorClosed();
    await stepUntilIdle(page);
    await waitNextPrompt(page, "kubectl edit deploy http-go");
    expect(await outputOf(page, "kubectl edit deploy http-go")).toEqual(["Edit cancelled, no changes made."]);
  });

  test("keyboard: Escape then Tab leaves the text for the buttons, Tab stays in the dialog, Escape twice cancels", async () => {
    const line = "kubectl edit deployment/http-go";
    await typeLine(page, line);
    await editorOpen();
    expect(await page.evaluate("document.activeElement?.classList.contains('cm-content')")).toBe(true);
    // Tab alone indents (two spaces) and keeps the focus in the text.
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.classList.contains('cm-content')")).toBe(true);
    await page.keyboard.press("Control+z");
    await page.keyboard.press("Escape");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.getAttribute('data-action')")).toBe("cancel");
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.getAttribute('data-action')")).toBe("save");
    // The dialog is modal: Tab from its last button comes back to the text, not to the page behind.
    await page.keyboard.press("Tab");
    expect(await page.evaluate("document.activeElement?.classList.contains('cm-content')")).toBe(true);
    await page.keyboard.press("Escape");
    await page.keyboard.press("Escape");
    await editorClosed();
    await waitNextPrompt(page, line);
    expect(await outputOf(page, line)).toEqual(["Edit cancelled, no changes made."]);
    // Closing the editor gives the keyboard back to the terminal that asked for it.
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe("Terminal 1");
  });

  test("an invalid edit reopens the editor with the server's reasons; a valid one is applied", async () => {
    const line = "kubectl edit deploy http-go";
    await typeLine(page, line);
    await editorOpen();
    const original = await editRequest(page);
    expect(original).toContain("\n  replicas: 3\n");

    // A negative replica count: refused by validation, the file comes back with the reason on top.
    await replaceEditorText(page, original.replace("\n  replicas: 3\n", "\n  replicas: -1\n"));
    await page.click('[data-action="save"]');
    await page.waitForFunction(
      `(window.__sandbox.session.terminals[0].pendingEdit?.content ?? "").includes("was not valid")`,
    );
    await editorOpen();
    expect((await editorLines(page)).slice(0, 8)).toEqual([
      ...HEADER,
      '# deployments.apps "http-go" was not valid:',
      "# * spec.replicas: Invalid value: -1: must be greater than or equal to 0",
      "#",
      "apiVersion: apps/v1",
    ]);
    // The learner's edit is kept below the reasons, so it can be corrected in place.
    expect(await editRequest(page)).toContain("\n  replicas: -1\n");
    await screenshot(page, "edit-02-invalid-reopened");

    // An unknown field (the notes' typo): the strategic-merge patch is decoded strictly.
    const again = await editRequest(page);
    await replaceEditorText(
      page,
      again.replace("\n  replicas: -1\n", "\n  replicas: 3\n  processDeadlineSeconds: 600\n"),
    );
    await page.click('[data-action="save"]');
    await page.waitForFunction(
      `(window.__sandbox.session.terminals[0].pendingEdit?.content ?? "").includes("strict decoding error")`,
    );
    await editorOpen();
    expect((await editorLines(page)).slice(4, 7)).toEqual([
      '# deployments.apps "http-go" was not valid:',
      '# * patch: Invalid value: "map[spec:map[processDeadlineSeconds:600]]": strict decoding error: unknown field "spec.processDeadlineSeconds"',
      "#",
    ]);

    // A valid edit: four replicas.
    const third = await editRequest(page);
    await replaceEditorText(
      page,
      third
        .replace("\n  processDeadlineSeconds: 600\n", "\n")
        .replace("\n  replicas: 3\n", "\n  replicas: 4\n"),
    );
    await page.click('[data-action="save"]');
    await editorClosed();
    await waitNextPrompt(page, line);
    expect(await outputOf(page, line)).toEqual([
      'error: deployments.apps "http-go" is invalid',
      'error: deployments.apps "http-go" is invalid',
      "deployment.apps/http-go edited",
    ]);
    expect(await runLine(page, `kubectl get deploy http-go -o jsonpath='{.spec.replicas}{"\\n"}'`)).toEqual([
      "4",
    ]);
  });

  test("Ctrl-S saves from the keyboard", async () => {
    const line = "kubectl edit deploy/http-go";
    await typeLine(page, line);
    await editorOpen();
    const text = await editRequest(page);
    await replaceEditorText(page, text.replace("\n  replicas: 4\n", "\n  replicas: 3\n"));
    await page.keyboard.press("Control+s");
    await editorClosed();
    await waitNextPrompt(page, line);
    expect(await outputOf(page, line)).toEqual(["deployment.apps/http-go edited"]);
  });
});
