/** `npm run bench`: the engine benchmark, then the browser budgets (bundle size, time to prompt, frame rate). */
import { runEngineBench } from "./engine";

const only = process.argv[2];
if (!only || only === "engine") runEngineBench();
if (!only || only === "browser") {
  const browser = await import("./browser").catch(() => undefined);
  if (browser && "runBrowserBench" in browser) await browser.runBrowserBench();
  else console.log("browser bench: bench/browser.ts not present");
}
