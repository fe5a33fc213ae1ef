/**
 * One terminal on screen: an xterm.js instance sized to its box (addon-fit), bound to a Session
 * terminal by TerminalController. The xterm lives as long as the component; font size follows the
 * large-text preference.
 */
import { FitAddon } from "@xterm/addon-fit";
import { Terminal as XTerm } from "@xterm/xterm";
import "@xterm/xterm/css/xterm.css";
import { useEffect, useRef } from "react";
import type { UiSession, UiTerminal } from "../session-api";
import { TerminalController } from "./controller";
import type { ScreenLogs } from "./screen-log";

/** Registry of live controllers by terminal id, so lesson buttons can paste into a terminal. */
export const terminalControllers = new Map<number, TerminalController>();

/** Props of TerminalView. */
export interface TerminalViewProps {
  session: UiSession;
  terminal: UiTerminal;
  /** The screen logs of the session (repainted on mount, appended to as the terminal prints). */
  screens: ScreenLogs;
  fontSize: number;
  label: string;
  /** How to leave the terminal with the keyboard (read by screen readers). */
  keysHelp: string;
  onFocus(): void;
}

/**
 * Keys the browser must keep rather than the shell. Tab belongs to the shell (completion), so a
 * keyboard user needs another way out, or the terminal is a keyboard trap (WCAG 2.1.2): Shift+Tab
 * always leaves backwards, and Tab right after Escape leaves forwards (CodeMirror's escape hatch).
 * Ctrl+C (or Ctrl+Shift+C) with text selected copies it, as in desktop terminals, instead of
 * interrupting. Returning false hands the key back to the browser (xterm copies on its copy event).
 */
function browserKeys(xterm: XTerm): (e: KeyboardEvent) => boolean {
  let afterEscape = false;
  return (e) => {
    if (e.type !== "keydown") return true;
    if (e.key === "Tab" && (e.shiftKey || afterEscape)) {
      afterEscape = false;
      return false;
    }
    afterEscape = e.key === "Escape";
    const copy = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "c";
    return !(copy && xterm.hasSelection());
  };
}

/** Colors with at least 4.5:1 contrast on the background (WCAG AA). */
const THEME = {
  background: "#10141a",
  foreground: "#e6e6e6",
  cursor: "#f5c542",
  selectionBackground: "#3a5580",
  red: "#ff7b72",
  green: "#7ee787",
  yellow: "#f2cc60",
  blue: "#79c0ff",
};

/** An xterm bound to `terminal`. */
export function TerminalView({
  session,
  terminal,
  screens,
  fontSize,
  label,
  keysHelp,
  onFocus,
}: TerminalViewProps) {
  const box = useRef<HTMLDivElement>(null);
  const xtermRef = useRef<XTerm | null>(null);
  const fitRef = useRef<FitAddon | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the xterm is made once per terminal; font size changes are applied below
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const xterm = new XTerm({
      fontFamily: 'ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK KR", Menlo, Consolas, monospace',
      fontSize,
      theme: THEME,
      scrollback: 5000,
      cursorBlink: true,
      allowProposedApi: false,
      screenReaderMode: false,
    });
    const fit = new FitAddon();
    xterm.loadAddon(fit);
    xterm.open(el);
    xterm.textarea?.setAttribute("aria-label", label);
    xterm.textarea?.setAttribute("aria-description", keysHelp);
    xterm.attachCustomKeyEventHandler(browserKeys(xterm));
    fit.fit();
    xtermRef.current = xterm;
    fitRef.current = fit;
    const controller = new TerminalController(xterm, session, terminal, screens);
    terminalControllers.set(terminal.id, controller);
    const observer = new ResizeObserver(() => {
      try {
        fit.fit();
      } catch {
        // the box is hidden (zero size): nothing to fit
      }
    });
    observer.observe(el);
    const focus = () => onFocus();
    xterm.textarea?.addEventListener("focus", focus);
    return () => {
      xterm.textarea?.removeEventListener("focus", focus);
      observer.disconnect();
      controller.dispose();
      if (terminalControllers.get(terminal.id) === controller) terminalControllers.delete(terminal.id);
      xterm.dispose();
    };
  }, [session, terminal, screens]);

  useEffect(() => {
    const xterm = xtermRef.current;
    if (!xterm || xterm.options.fontSize === fontSize) return;
    xterm.options.fontSize = fontSize;
    fitRef.current?.fit();
  }, [fontSize]);

  return <div className="xterm-box" ref={box} data-terminal={terminal.id} />;
}
