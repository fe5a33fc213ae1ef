/**
 * What the browser tests and the browser benchmark share: a tiny static server for dist/ on
 * 127.0.0.1 (random port, optional sub-path), and Debian's Chromium driven by playwright-core
 * (never a downloaded browser). Every request the page makes is recorded, so a test can prove that
 * nothing left for another host.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { openSandbox, setSpeed } from "./page";

/** Where Debian installs Chromium. */
export const CHROMIUM = "/usr/bin/chromium";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
};

/** A running static server. */
export interface StaticServer {
  /** Base URL including the sub-path, ending in `/`. */
  url: string;
  close(): Promise<void>;
}

/** Serves `root` under `/<subPath>/` on 127.0.0.1 at a random port. */
export async function serveDist(root = resolve("dist"), subPath = "sandbox"): Promise<StaticServer> {
  const prefix = `/${subPath}/`;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404).end("not under the sub-path");
      return;
    }
    const rel = normalize(decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html");
    const file = join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const path = statSync(file).isDirectory() ? join(file, "index.html") : file;
      res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
      res.end(readFileSync(path));
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}

/** A browser with its profile directory. */
export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches headless Debian Chromium with a fresh profile. */
export async function launch(viewport = { width: 1366, height: 768 }): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "rollout-sandbox-chromium-"));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Records every URL the page requests. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}

/**
 * Prints the page's uncaught errors and console errors on the test's stderr as they happen, so a
 * failure in CI (where no one can open the browser) shows what the page said.
 */
export function reportPageErrors(page: Page): void {
  page.on("pageerror", (e) => console.error(`[page error] ${e.stack ?? e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") console.error(`[page ${m.type()}] ${m.text()}`);
  });
}

/** A sandbox page ready for a test: its server, browser, page, and every URL the page requested. */
export interface SandboxPage {
  server: StaticServer;
  browser: Browser;
  page: Page;
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves dist/ under `subPath`, opens the sandbox in a fresh headless Chromium (confirm dialogs
 * accepted, as a learner who clicks OK), waits for the first prompt and pauses the clock.
 */
export async function startSandbox(subPath = "sandbox"): Promise<SandboxPage> {
  const server = await serveDist(undefined, subPath);
  const browser = await launch();
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  page.on("dialog", (d) => void d.accept());
  reportPageErrors(page);
  const requests = recordRequests(page);
  await openSandbox(page, server.url);
  await setSpeed(page, 0);
  return {
    server,
    browser,
    page,
    requests,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}
