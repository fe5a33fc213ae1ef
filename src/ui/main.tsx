/**
 * The browser entry: restore the session (a share link first, then localStorage), build the app
 * controller and render. Saves when the page is hidden so a closed tab loses nothing.
 */
import { createRoot } from "react-dom/client";
import { App } from "./App";
import { AppController } from "./app-controller";
import { decodeShare, shareParam } from "./persist/share";
import { loadSaved, type SavedSession } from "./persist/storage";
import { terminalControllers } from "./terminal/TerminalView";
import "./styles.css";

/** The free-play session's working folder: the notes' manifests (lesson 1's files), so their commands work as written. */
function freePlayFiles(): Record<string, string> {
  const files = import.meta.glob("/lessons/01-rolling-update/*.yaml", {
    query: "?raw",
    import: "default",
    eager: true,
  }) as Record<string, string>;
  return Object.fromEntries(
    Object.entries(files).map(([path, text]) => [path.split("/").pop() ?? path, text]),
  );
}

async function savedFromLink(): Promise<SavedSession | undefined> {
  const param = shareParam(window.location.hash);
  if (!param) return undefined;
  try {
    return await decodeShare(param);
  } catch {
    return undefined;
  } finally {
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
}

async function start(): Promise<void> {
  performance.mark("sandbox:start");
  const fromLink = await savedFromLink();
  const app = new AppController({
    saved: fromLink ?? loadSaved(),
    loadLessons: () => import("./lesson/lessons-module"),
    freePlay: { files: freePlayFiles() },
    languages: navigator.languages ?? [navigator.language],
    later: afterFirstPrompt,
  });
  performance.mark("sandbox:session");
  if (fromLink) app.saveNow();
  window.addEventListener("pagehide", () => app.saveNow());
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") app.saveNow();
  });
  // For the browser tests and the benchmark: the app, and what each terminal shows.
  Object.assign(window, {
    __sandbox: app,
    __terminalText: (id: number) => terminalControllers.get(id)?.text() ?? "",
    __terminalFlushed: (id: number) => terminalControllers.get(id)?.flushed(),
  });
  const root = document.getElementById("root");
  if (root) createRoot(root).render(<App app={app} />);
  prefetchEditor();
}

/**
 * Runs `task` once the first prompt is drawn and the page is idle: what the first screen does not
 * need waits, so it never delays the prompt (issue 5 budget: navigation to a usable prompt < 1 s).
 */
function afterFirstPrompt(task: () => void): void {
  const whenIdle = () => {
    if ("requestIdleCallback" in window) requestIdleCallback(task, { timeout: 3000 });
    else setTimeout(task, 1000);
  };
  const observer = new PerformanceObserver((list, obs) => {
    if (list.getEntriesByName("sandbox:prompt").length === 0) return;
    obs.disconnect();
    whenIdle();
  });
  observer.observe({ type: "mark", buffered: true });
}

/**
 * Works offline once loaded (issue 5): the editor's chunk (about 109 kB gzip, kept out of the
 * first-load budget) is fetched after the first prompt, so a later `kubectl edit` needs no network.
 */
function prefetchEditor(): void {
  afterFirstPrompt(() => void import("./editor/yaml-editor"));
}

void start();
