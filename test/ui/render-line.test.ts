/** Redrawing the edited line: wide characters, wrapping at the terminal's width, and newlines. */
import { describe, expect, test } from "vitest";
import { displayWidth, leaveLine, redraw, toTerminalNewlines } from "../../src/ui/terminal/render-line";

describe("redraw", () => {
  test("a short line: back to column 0, clear, write, put the cursor after the prompt + 3", () => {
    const r = redraw("$ ", "kubectl", 3, 80, null);
    expect(r.text).toBe("\r\x1b[J$ kubectl\r\x1b[5C");
    expect(r.drawn).toEqual({ cursorRow: 0 });
  });

  test("a line wrapping onto a second row of 10 columns: the cursor goes back up to row 0", () => {
    const r = redraw("$ ", "kubectl get", 2, 10, null);
    // 13 columns: rows 0 and 1; the cursor at column 4 of row 0.
    expect(r.text).toBe("\r\x1b[J$ kubectl get\x1b[1A\r\x1b[4C");
    expect(r.drawn).toEqual({ cursorRow: 0 });
    const again = redraw("$ ", "kubectl get", 11, 10, r.drawn);
    expect(again.text).toBe("\r\x1b[J$ kubectl get\r\x1b[3C");
    expect(again.drawn).toEqual({ cursorRow: 1 });
    expect(redraw("$ ", "x", 1, 10, again.drawn).text.startsWith("\x1b[1A\r\x1b[J")).toBe(true);
  });

  test("exactly filling the row moves to the next row (xterm's pending wrap)", () => {
    const r = redraw("$ ", "12345678", 8, 10, null);
    expect(r.text).toBe("\r\x1b[J$ 12345678\r\n\r");
    expect(r.drawn).toEqual({ cursorRow: 1 });
    expect(leaveLine("$ ", "12345678", 10, r.drawn)).toBe("\r");
  });

  test("Hangul takes two columns", () => {
    expect(displayWidth("리비전 2")).toBe(8);
    // "$ " 2 + "echo " 5 + two Hangul syllables 4 = column 11.
    expect(redraw("$ ", "echo 안녕", 7, 80, null).text.endsWith("\r\x1b[11C")).toBe(true);
  });

  test("program output's LF becomes CR LF", () => {
    expect(toTerminalNewlines("a\nb\r\nc")).toBe("a\r\nb\r\nc");
  });
});
