/**
 * A minimal learner's terminal for scenario tests: one cluster (createCluster, seeded), an in-memory file
 * system, a kubeconfig, and `kubectl …` lines split as a shell would (quotes, no expansion). Commands that
 * wait (rollout status) move the simulated clock to the next thing that happens, as the script runner does.
 */
import { ADMIN_USER, type Cluster, createCluster } from "../../src/engine";
import type { Files, Kubeconfig, KubectlContext } from "../../src/kubectl/context";
import { kubectl } from "../../src/kubectl/index";
import { Interrupt, type Program } from "../../src/kubectl/program";

/** What one line printed. */
export interface Output {
  stdout: string;
  stderr: string;
  exit: number;
}

/** A cluster plus the context a learner's `kubectl` runs in. */
export class Sandbox {
  readonly cluster: Cluster;
  readonly files = new Map<string, string>();
  readonly kubeconfig: Kubeconfig = {
    contexts: [{ name: "minikube", cluster: "minikube", user: ADMIN_USER.name, namespace: "default" }],
    currentContext: "minikube",
  };

  constructor(seed = 1) {
    this.cluster = createCluster({ seed });
  }

  /** Writes a file in the learner's home directory. */
  write(name: string, text: string): void {
    this.files.set(this.path(name), text);
  }

  /** Runs one `kubectl …` line; a waiting command is given at most `maxMs` of simulated time, then Ctrl-C. */
  run(line: string, maxMs = 3_600_000): Output {
    const argv = split(line);
    if (argv[0] !== "kubectl") throw new Error(`not a kubectl line: ${line}`);
    const out: string[] = [];
    const err: string[] = [];
    let exit: number;
    try {
      exit = this.drive(kubectl(argv.slice(1), this.context(out, err, line)), maxMs);
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      exit = 130;
    }
    return { stdout: out.join(""), stderr: err.join(""), exit };
  }

  /** Lets `ms` of simulated time pass (`sleep`). */
  sleep(ms: number): void {
    this.cluster.advance(ms);
  }

  private path(name: string): string {
    return name.startsWith("/") ? name : `/home/learner/${name}`;
  }

  private context(out: string[], err: string[], line: string): KubectlContext {
    const files: Files = {
      cwd: "/home/learner",
      read: (p) => this.files.get(this.path(p)),
      write: (p, t) => {
        this.files.set(this.path(p), t);
      },
      isDir: (p) => [...this.files.keys()].some((k) => k.startsWith(`${this.path(p)}/`)),
      list: (p) => {
        const prefix = `${this.path(p)}/`;
        const names = [...this.files.keys()]
          .filter((k) => k.startsWith(prefix))
          .map((k) => k.slice(prefix.length));
        return names.length > 0 ? names.sort() : undefined;
      },
      resolve: (p) => this.path(p),
    };
    return {
      cluster: this.cluster,
      io: { out: (t) => out.push(t), err: (t) => err.push(t) },
      files,
      env: {},
      kubeconfig: this.kubeconfig,
      commandLine: line,
    };
  }

  /** Runs a program to its end; a wait moves the clock to the earliest of its deadline and the cluster's next event. */
  private drive(program: Program, maxMs: number): number {
    const start = this.cluster.now;
    let step = program.next();
    while (!step.done) {
      const effect = step.value;
      if (effect.type !== "wait") {
        step = program.next(null);
        continue;
      }
      const wake = this.cluster.nextWake();
      const targets = [effect.until, wake].filter(
        (t): t is number => t !== undefined && t > this.cluster.now,
      );
      const target = Math.min(...targets, start + maxMs);
      if (target <= this.cluster.now) {
        step = program.throw(new Interrupt());
        continue;
      }
      this.cluster.advance(target - this.cluster.now);
      step = program.next(undefined);
    }
    return step.value;
  }
}

/** Splits a command line into words: blanks separate, '…' and "…" quote. */
export function split(line: string): string[] {
  const words: string[] = [];
  let cur = "";
  let quote: string | undefined;
  let started = false;
  for (const ch of line) {
    if (quote) {
      if (ch === quote) quote = undefined;
      else cur += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      started = true;
    } else if (ch === " ") {
      if (started || cur) words.push(cur);
      cur = "";
      started = false;
    } else {
      cur += ch;
      started = true;
    }
  }
  if (started || cur) words.push(cur);
  return words;
}

/** The lines of a text (without the final empty one). */
export function lines(text: string): string[] {
  const l = text.split("\n");
  if (l[l.length - 1] === "") l.pop();
  return l;
}
