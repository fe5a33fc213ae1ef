/** The terminal's line discipline: editing keys as xterm reports them, history, completion, paste. */
import { describe, expect, test } from "vitest";
import {
  applyCompletion,
  commonPrefix,
  edit,
  emptyLine,
  type LineState,
  pasteLines,
  remember,
} from "../../src/ui/terminal/line-editor";

/** Feeds keys one by one (each string is one onData chunk). */
function keys(state: LineState, ...data: string[]): LineState {
  return data.reduce((s, d) => edit(s, d).state, state);
}

const LEFT = "\x1b[D";
const RIGHT = "\x1b[C";
const UP = "\x1b[A";
const DOWN = "\x1b[B";
const HOME = "\x1b[H";
const END = "\x1b[F";
const DEL = "\x1b[3~";
const BACKSPACE = "\x7f";

describe("line editing", () => {
  test("typing, moving and deleting", () => {
    let s = keys(emptyLine(), "k", "g", "e", "t");
    expect(s).toMatchObject({ buffer: "kget", cursor: 4 });
    s = keys(s, HOME, RIGHT, "u", "b", "e", "c", "t", "l", " ");
    expect(s).toMatchObject({ buffer: "kubectl get", cursor: 8 });
    s = keys(s, END, BACKSPACE, LEFT, LEFT, DEL);
    expect(s).toMatchObject({ buffer: "kubectl e", cursor: 8 });
  });

  test("Ctrl-U kills to the start, Ctrl-K to the end, Ctrl-W the word before the cursor", () => {
    const s = keys(emptyLine(), ..."kubectl get pods", LEFT, LEFT, LEFT, LEFT);
    expect(keys(s, "\x15")).toMatchObject({ buffer: "pods", cursor: 0 });
    expect(keys(s, "\x0b")).toMatchObject({ buffer: "kubectl get ", cursor: 12 });
    expect(keys(s, "\x17")).toMatchObject({ buffer: "kubectl pods", cursor: 8 });
  });

  test("Enter submits the line and remembers it; Ctrl-C interrupts and forgets it", () => {
    const typed = keys(emptyLine(), ..."kubectl get rs");
    const r = edit(typed, "\r");
    expect(r.action).toEqual({ kind: "submit", line: "kubectl get rs" });
    expect(r.state).toMatchObject({ buffer: "", cursor: 0, history: ["kubectl get rs"] });
    const c = edit(keys(r.state, "x"), "\x03");
    expect(c.action).toEqual({ kind: "interrupt", line: "x" });
    expect(c.state.history).toEqual(["kubectl get rs"]);
  });

  test("↑/↓ walk the history and bring back the line being typed", () => {
    let s = emptyLine(["kubectl get pods", "kubectl get rs"]);
    s = keys(s, ..."kub", UP);
    expect(s.buffer).toBe("kubectl get rs");
    s = keys(s, UP, UP);
    expect(s.buffer).toBe("kubectl get pods");
    s = keys(s, DOWN, DOWN);
    expect(s).toMatchObject({ buffer: "kub", cursor: 3 });
  });

  test("history keeps neither blank lines nor a repeat of the last line", () => {
    expect(remember(["a"], "a")).toEqual(["a"]);
    expect(remember(["a"], "  ")).toEqual(["a"]);
    expect(remember(["a"], "b")).toEqual(["a", "b"]);
  });

  test("Tab and Ctrl-L are actions, not text", () => {
    expect(edit(emptyLine(), "\t").action).toEqual({ kind: "complete" });
    expect(edit(emptyLine(), "\x0c").action).toEqual({ kind: "clear" });
  });

  test("pasted text is split into whole lines and the unfinished rest", () => {
    expect(pasteLines("kubectl get pods\r\nkubectl get rs\nkubectl")).toEqual({
      lines: ["kubectl get pods", "kubectl get rs"],
      rest: "kubectl",
    });
  });
});

describe("completion (bash's rule)", () => {
  test("one candidate completes the word and adds a space", () => {
    const s = keys(emptyLine(), ..."kubectl roll");
    expect(applyCompletion(s, ["rollout"]).state).toMatchObject({ buffer: "kubectl rollout ", cursor: 16 });
  });

  test("a directory or flag ending in / or = gets no space", () => {
    const s = keys(emptyLine(), ..."kubectl get deploy/");
    expect(applyCompletion(s, ["deploy/http-go"]).state.buffer).toBe("kubectl get deploy/http-go ");
    const f = keys(emptyLine(), ..."cat les");
    expect(applyCompletion(f, ["lessons/"]).state.buffer).toBe("cat lessons/");
  });

  test("several candidates extend to their common prefix, or ask to be listed", () => {
    const s = keys(emptyLine(), ..."kubectl get r");
    expect(applyCompletion(s, ["replicasets", "replicationcontrollers"]).state.buffer).toBe(
      "kubectl get replica",
    );
    const t = keys(emptyLine(), ..."kubectl get replica");
    expect(applyCompletion(t, ["replicasets", "replicationcontrollers"]).list).toBe(true);
    expect(commonPrefix(["rollout", "rs"])).toBe("r");
  });
});
