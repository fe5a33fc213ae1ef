/**
 * The `rollout-sandbox` command: no arguments opens the interactive terminal; `run FILE|-` prints a
 * transcript (`--json`, `--seed N`, `--interrupt-after S`); `lesson ID` starts a lesson in the terminal.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { lessonSessionOptions } from "../lessons";
import { Session } from "../session";
import { editInRealEditor } from "./editor";
import { repl } from "./repl";
import { jsonLine, runScript } from "./script";

/** Parsed command line. */
export interface CliArgs {
  mode: "repl" | "run" | "lesson";
  file?: string;
  json: boolean;
  seed: number;
  interruptAfter: number;
  rest: string[];
}

const USAGE = `Usage:
  rollout-sandbox                      interactive terminal on a fresh sandbox
  rollout-sandbox run FILE|-           run a script, print the transcript
      --json                           one JSON object per executed line
      --seed N                         random seed (default 1)
      --interrupt-after S              Ctrl-C a line still running after S simulated seconds (default 30)
  rollout-sandbox lesson ID [--lang ko|en]
`;

/** Parses argv (without node and the script); an error message instead when it is wrong. */
export function parseArgs(argv: readonly string[]): CliArgs | { error: string } {
  const args: CliArgs = { mode: "repl", json: false, seed: 1, interruptAfter: 30, rest: [] };
  const numberOf = (name: string, v: string | undefined): number | { error: string } => {
    const n = Number(v);
    return v !== undefined && v !== "" && Number.isFinite(n) && n >= 0
      ? n
      : { error: `${name} needs a number` };
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const [flag, inline] =
      a.startsWith("--") && a.includes("=")
        ? [a.slice(0, a.indexOf("=")), a.slice(a.indexOf("=") + 1)]
        : [a, undefined];
    if (args.mode === "lesson") args.rest.push(a);
    else if (flag === "--json") args.json = true;
    else if (flag === "--seed" || flag === "--interrupt-after") {
      const n = numberOf(flag, inline ?? argv[++i]);
      if (typeof n !== "number") return n;
      if (flag === "--seed") args.seed = Math.floor(n);
      else args.interruptAfter = n;
    } else if (flag === "-h" || flag === "--help") return { error: "" };
    else if (args.mode === "repl" && a === "run") args.mode = "run";
    else if (args.mode === "repl" && a === "lesson") args.mode = "lesson";
    else if (args.mode === "run" && args.file === undefined) args.file = a;
    else return { error: `unexpected argument: ${a}` };
  }
  if (args.mode === "run" && args.file === undefined)
    return { error: "run needs a FILE (or - for standard input)" };
  return args;
}

/** The small text files next to a script (not recursive), to put in the sandbox's home. */
export function folderFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    // 1 MiB keeps binaries and logs out; manifests are a few kB.
    if (!st.isFile() || st.size > 1_048_576) continue;
    const text = readFileSync(p, "utf8");
    if (!text.includes("\u0000")) files[name] = text;
  }
  return files;
}

/** Runs the command; resolves with the process exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if ("error" in args) {
    process.stderr.write(args.error ? `rollout-sandbox: ${args.error}\n${USAGE}` : USAGE);
    return args.error ? 2 : 0;
  }
  if (args.mode === "lesson") return lesson(args.rest);
  // The current folder's files are in the sandbox's home, so `kubectl apply -f x.yaml` finds x.yaml there.
  if (args.mode === "repl") return repl(new Session({ seed: args.seed, files: folderFiles(process.cwd()) }));
  const file = args.file as string;
  const text = file === "-" ? readFileSync(0, "utf8") : readFileSync(file, "utf8");
  const files = file === "-" ? folderFiles(process.cwd()) : folderFiles(dirname(resolve(file)));
  const session = new Session({ seed: args.seed, files });
  const entries = runScript(session, text.split(/\r?\n/), {
    interruptAfter: args.interruptAfter,
    edit: (f, c) => editInRealEditor(f, c),
    write: args.json ? () => {} : (t) => process.stdout.write(t),
  });
  if (args.json) for (const e of entries) process.stdout.write(`${jsonLine(e)}\n`);
  return 0;
}

async function lesson(rest: string[]): Promise<number> {
  const cli = await import("./lesson");
  const parsed = cli.parseLessonArgs(rest);
  if ("error" in parsed) {
    process.stderr.write(`rollout-sandbox: ${parsed.error}\n`);
    return 2;
  }
  const catalog = cli.loadLessonsFromDisk();
  const found = catalog.lessons.find((l) => l.id === parsed.id);
  if (!found) {
    process.stderr.write(
      `rollout-sandbox: no lesson "${parsed.id}"\n${cli.lessonList(catalog, parsed.lang ?? "en")}\n`,
    );
    return 1;
  }
  const session = new Session(lessonSessionOptions(found) as ConstructorParameters<typeof Session>[0]);
  const runner = cli.startLesson(catalog, parsed.id, session, parsed.lang);
  if (!runner) return 1;
  return repl(session, {
    banner: cli.renderStep(runner),
    intercept: (line) => cli.lessonCommand(runner, session, line),
  });
}
