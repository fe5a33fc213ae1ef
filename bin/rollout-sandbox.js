#!/usr/bin/env node
// The rollout-sandbox command. Node 20 cannot run TypeScript by itself, so tsx (a dependency) is
// registered as a module loader and the CLI's TypeScript sources run as they are.
import { register } from "tsx/esm/api";

// A closed pipe (`… | head`) ends the transcript quietly, as a Unix tool does.
process.stdout.on("error", (e) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});
register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
