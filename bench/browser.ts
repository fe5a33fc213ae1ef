/**
 * Browser budgets, measured (never asserted) in Debian's headless Chromium on the built site:
 *  1. first-load JavaScript: gzip size of the entry script and the modules it preloads (≤ 350 kB);
 *  2. navigation → usable prompt: the page's `sandbox:prompt` mark, median of 5 fresh loads (< 1 s);
 *  3. a 100-replica rolling update at 20×: frames per second counted with requestAnimationFrame (≥ 30).
 * `npm run bench` calls runBrowserBench(); `npx tsx bench/browser.ts` runs it alone.
 * The machine's load average is printed too: the timings mean little on a machine busy with other work.
 */
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import type { Page } from "playwright-core";
import { build } from "vite";
import { launch, serveDist } from "../test/browser/harness";

/** What the browser benchmark measured. */
export interface BrowserBench {
  firstLoadFiles: Array<{ file: string; bytes: number; gzip: number }>;
  firstLoadGzipKB: number;
  promptMs: number[];
  promptMedianMs: number;
  fps: number;
  worstFrameMs: number;
  frames: number;
  loadAverage: number;
}

const DIST = resolve("dist");

/** The JavaScript index.html loads before anything runs: its module script and modulepreload links. */
export function firstLoadScripts(html: string): string[] {
  const files = new Set<string>();
  for (const m of html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g)) files.add(m[1] as string);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g))
    files.add(m[1] as string);
  return [...files].map((f) => f.replace(/^\.\//, ""));
}

function measureBundle(): Pick<BrowserBench, "firstLoadFiles" | "firstLoadGzipKB"> {
  const html = readFileSync(join(DIST, "index.html"), "utf8");
  const firstLoadFiles = firstLoadScripts(html).map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = firstLoadFiles.reduce((n, f) => n + f.gzip, 0);
  return { firstLoadFiles, firstLoadGzipKB: total / 1000 };
}

async function promptTime(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction(`performance.getEntriesByName("sandbox:prompt").length > 0`, undefined, {
    timeout: 60_000,
  });
  return (await page.evaluate(`performance.getEntriesByName("sandbox:prompt")[0].startTime`)) as number;
}

/** Runs `line` in terminal 1 through the page's own session and lets the simulated clock run until it is done. */
async function runInPage(page: Page, line: string): Promise<void> {
  await page.evaluate(`(() => {
    const s = window.__sandbox.session;
    const t = s.terminals[0];
    t.submit(${JSON.stringify(line)});
    for (let i = 0; i < 10000 && t.busy; i++) {
      const wake = s.nextWake();
      if (wake === undefined) break;
      s.tick(Math.max(0, wake - s.cluster.now));
    }
  })()`);
}

/** Counts animation frames for `ms` of wall time while a 100-replica rollout runs at 20×. */
async function measureFps(
  page: Page,
  ms: number,
): Promise<Pick<BrowserBench, "fps" | "worstFrameMs" | "frames">> {
  await runInPage(page, "kubectl apply -f http-go-v1.yaml");
  await runInPage(page, "kubectl scale deployment http-go --replicas=100");
  await runInPage(page, "kubectl rollout status deployment http-go");
  await runInPage(page, "kubectl set image deployment http-go http-go=gasbugs/http-go:v2");
  await page.click('[data-speed="20"]');
  const result = (await page.evaluate(`new Promise((done) => {
    const times = [];
    const start = performance.now();
    const frame = (now) => {
      times.push(now);
      if (now - start < ${ms}) requestAnimationFrame(frame);
      else done(times);
    };
    requestAnimationFrame(frame);
  })`)) as number[];
  await page.click('[data-speed="0"]');
  let worst = 0;
  for (let i = 1; i < result.length; i++)
    worst = Math.max(worst, (result[i] as number) - (result[i - 1] as number));
  const span = ((result[result.length - 1] as number) - (result[0] as number)) / 1000;
  return { fps: (result.length - 1) / span, worstFrameMs: worst, frames: result.length };
}

/** Builds the site, measures the three budgets and prints them. */
export async function runBrowserBench(): Promise<BrowserBench> {
  await build({ logLevel: "warn" });
  const bundle = measureBundle();
  const server = await serveDist(DIST);
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    const promptMs: number[] = [];
    for (let i = 0; i < 5; i++) {
      await page.goto(`${server.url}?clear`);
      await page.evaluate("localStorage.clear()");
      promptMs.push(await promptTime(page, `${server.url}?run=${i}`));
    }
    await page.evaluate("localStorage.clear()");
    await page.goto(`${server.url}?fps`);
    await page.waitForFunction(`performance.getEntriesByName("sandbox:prompt").length > 0`);
    await page.click('[data-speed="0"]');
    const fps = await measureFps(page, 5000);
    const sorted = [...promptMs].sort((a, b) => a - b);
    const result: BrowserBench = {
      ...bundle,
      promptMs,
      promptMedianMs: sorted[Math.floor(sorted.length / 2)] as number,
      ...fps,
      loadAverage: loadavg()[0] ?? 0,
    };
    print(result);
    return result;
  } finally {
    await browser.close();
    await server.close();
  }
}

function print(r: BrowserBench): void {
  console.log("browser budgets (headless Chromium, dist/ served from 127.0.0.1)");
  for (const f of r.firstLoadFiles)
    console.log(`  ${f.file}: ${(f.bytes / 1000).toFixed(1)} kB, ${(f.gzip / 1000).toFixed(1)} kB gzip`);
  console.log(`first-load JS: ${r.firstLoadGzipKB.toFixed(1)} kB gzip (budget ≤ 350)`);
  console.log(
    `navigation → prompt: median ${r.promptMedianMs.toFixed(0)} ms (budget < 1000); runs ${r.promptMs.map((m) => m.toFixed(0)).join(", ")}`,
  );
  console.log(
    `100-replica rollout at 20×: ${r.fps.toFixed(1)} fps over ${r.frames} frames, worst frame ${r.worstFrameMs.toFixed(0)} ms (budget ≥ 30 fps)`,
  );
  console.log(`load average during the run: ${r.loadAverage.toFixed(1)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await runBrowserBench();
