/**
 * A kubectl harness for the write verbs: a real engine cluster (createCluster, all controllers) with an
 * in-memory file system, a driver that answers waits by moving the clock and edits from a callback, and
 * the printed streams.
 */
import { type Cluster, createCluster } from "../../../src/engine";
import type { Files, KubectlContext, PodExec } from "../../../src/kubectl/context";
import { kubectl } from "../../../src/kubectl/index";
import { Interrupt } from "../../../src/kubectl/program";

/** What a command printed and returned. */
export interface Ran {
  stdout: string;
  stderr: string;
  exit: number;
}

/** An in-memory file system rooted at /home/learner. */
export function memoryFiles(initial: Record<string, string> = {}): Files & { data: Map<string, string> } {
  const data = new Map<string, string>();
  const resolve = (p: string) => (p.startsWith("/") ? p : `/home/learner/${p}`).replace(/\/+$/, "");
  for (const [k, v] of Object.entries(initial)) data.set(resolve(k), v);
  return {
    data,
    cwd: "/home/learner",
    read: (p) => data.get(resolve(p)),
    write: (p, t) => void data.set(resolve(p), t),
    isDir: (p) => [...data.keys()].some((k) => k.startsWith(`${resolve(p)}/`)),
    list: (p) => {
      const dir = `${resolve(p)}/`;
      const names = [...data.keys()]
        .filter((k) => k.startsWith(dir))
        .map((k) => k.slice(dir.length).split("/")[0] as string);
      return names.length > 0 ? [...new Set(names)].sort() : undefined;
    },
    resolve,
  };
}

/** A sandbox: one cluster, its files, and `k("apply -f x.yaml")` to run kubectl lines. */
export class Sandbox {
  readonly cluster: Cluster;
  readonly files: ReturnType<typeof memoryFiles>;
  /** Answers `kubectl edit`: given the file content, returns the saved text (or null to fail the editor). */
  editor: (content: string) => string | null = (c) => c;
  podExec?: PodExec;
  /** The text piped into kubectl (`-f -`), or undefined for a terminal. */
  stdin?: string;
  /** The lines typed at the terminal when kubectl reads it (a readLine effect); null (Ctrl-D) after the last. */
  terminal: string[] = [];

  constructor(files: Record<string, string> = {}, seed = 1) {
    this.cluster = createCluster({ seed });
    this.files = memoryFiles(files);
  }

  /** Runs kubectl with `argv` (no leading `kubectl`); waits move the clock up to `maxMs`. */
  run(argv: string[], maxMs = 600_000, commandLine = `kubectl ${argv.join(" ")}`): Ran {
    const out: string[] = [];
    const err: string[] = [];
    const ctx: KubectlContext = {
      cluster: this.cluster,
      io: { out: (t) => out.push(t), err: (t) => err.push(t) },
      files: this.files,
      env: {},
      kubeconfig: {
        contexts: [{ name: "minikube", cluster: "minikube", user: "kubernetes-admin" }],
        currentContext: "minikube",
      },
      commandLine,
      podExec: this.podExec,
      stdin: this.stdin,
    };
    const program = kubectl(argv, ctx);
    const start = this.cluster.now;
    let exit: number;
    try {
      let step = program.next();
      while (!step.done) {
        const effect = step.value;
        if (effect.type === "edit") step = program.next(this.editor(effect.content));
        else if (effect.type === "readLine") step = program.next(this.terminal.shift() ?? null);
        else {
          const wake = this.cluster.nextWake();
          const target = Math.min(
            ...[effect.until, wake, start + maxMs].filter(
              (t): t is number => t !== undefined && t > this.cluster.now,
            ),
          );
          if (!Number.isFinite(target) || target <= this.cluster.now) {
            step = program.throw(new Interrupt());
            continue;
          }
          this.cluster.advance(target - this.cluster.now);
          step = program.next(undefined);
        }
      }
      exit = step.value;
    } catch (e) {
      if (!(e instanceof Interrupt)) throw e;
      exit = 130;
    }
    return { stdout: out.join(""), stderr: err.join(""), exit };
  }

  /** Runs a kubectl line split on spaces (no quoting). */
  k(line: string, maxMs?: number): Ran {
    return this.run(
      line.split(" ").filter((w) => w !== ""),
      maxMs,
    );
  }
}

/** The http-go Deployment of the notes (3 replicas, port 8080), shared with the scenarios. */
export { HTTP_GO_V1 } from "../../scenarios/manifests";
