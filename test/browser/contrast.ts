/**
 * A WCAG 2.1 contrast audit of what the page shows (issue 5 point 8, "readable contrast"): for every
 * visible element with text of its own (terminals excepted: their theme is checked in src/ui), the
 * ratio of its color to the background it sits on (ancestors' backgrounds blended, opacity applied)
 * must be at least 4.5:1, or 3:1 for large text (24 px, or 18.66 px bold; SC 1.4.3) and for symbols
 * hidden from assistive technology, which are graphics (SC 1.4.11).
 */
import type { Page } from "playwright-core";

/** Runs in the page; returns one line per element below its threshold. */
const AUDIT = `(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(Number);
    return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
  };
  const channel = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
  const luminance = (c) => 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  const over = (top, a, base) => ({ r: top.r * a + base.r * (1 - a), g: top.g * a + base.g * (1 - a), b: top.b * a + base.b * (1 - a) });
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a >= 1) break; }
    }
    let base = { r: 0, g: 0, b: 0 };
    for (const l of layers.reverse()) base = over(l, l.a, base);
    return base;
  };
  const failures = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".xterm") || el.closest("details:not([open]) > :not(summary)")) continue;
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.getClientRects().length === 0) continue;
    const st = getComputedStyle(el);
    if (st.visibility === "hidden") continue;
    const fg = parse(st.color);
    if (!fg) continue;
    let opacity = 1;
    for (let e = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const bg = background(el);
    const shown = over(fg, fg.a * opacity, bg);
    const [hi, lo] = [luminance(shown), luminance(bg)].sort((a, b) => b - a);
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = Number.parseFloat(st.fontSize);
    const large = size >= 24 || (Number(st.fontWeight) >= 700 && size >= 18.66);
    const graphic = el.closest('[aria-hidden="true"]') !== null;
    const need = large || graphic ? 3 : 4.5;
    if (ratio < need) failures.push(ratio.toFixed(2) + " < " + need + ": " + el.tagName.toLowerCase() + "." + el.className + " '" + el.textContent.trim().slice(0, 40) + "'");
  }
  return failures;
})()`;

/** Elements whose text is below WCAG AA contrast, one line each (empty when all pass). */
export function contrastFailures(page: Page): Promise<string[]> {
  return page.evaluate(AUDIT) as Promise<string[]>;
}
