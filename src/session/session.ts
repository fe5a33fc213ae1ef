/**
 * The Session: one cluster, its clock, N terminals, the learner's files and kubeconfig. A UI or the CLI
 * drives it (typed lines, Ctrl-C, editor answers, ticks of the clock). Every input is recorded, so the
 * whole session persists as its seed + options + inputs and is rebuilt by replaying them (same seed,
 * same inputs → the same bytes; consecutive ticks are kept as one). Cluster snapshots, taken whenever
 * something besides the clock changed (at most one per simulated second), allow time travel (immer shares
 * structure, so a snapshot costs only what changed).
 */
import { ADMIN_USER, type Cluster, createCluster, type ImageSpec } from "../engine";
import type { Kubeconfig } from "../kubectl/context";
import { VirtualFiles } from "../shell/files";
import { completeLine } from "./complete";
import { learnerShell, runGuarded } from "./learner-shell";
import { type Snapshot, SnapshotLog } from "./snapshots";
import { Terminal, type TerminalHost, type TranscriptEntry } from "./terminal";

/** How a session starts. */
export interface SessionOptions {
  seed?: number;
  /** Files put in the home folder (name relative to home, or absolute) → text. */
  files?: Record<string, string>;
  /** Extra images (a lesson's). */
  images?: ImageSpec[];
  /** Lines run before the learner starts (not in the transcript). */
  setup?: string[];
  /** The home folder (default /home/learner). */
  home?: string;
}

/** One recorded input. */
export interface SessionInput {
  terminal: number;
  kind: "line" | "interrupt" | "eof" | "tick" | "edit" | "open" | "close" | "travel";
  payload?: string | number | null;
}

export type { Snapshot } from "./snapshots";

/** A session as data: options and the inputs that rebuild it. */
export interface SessionRecord {
  version: 1;
  options: SessionOptions;
  inputs: SessionInput[];
}

/** Turns of tick() at one instant before it gives up on that instant (a program that never stops asking). */
const STALLED_TURNS = 10_000;

/** How long setup lines may take in simulated time (10 minutes). */
const SETUP_BUDGET_MS = 600_000;

/** The session: see the file comment. */
export class Session {
  readonly cluster: Cluster;
  readonly files: VirtualFiles;
  readonly kubeconfig: Kubeconfig = {
    contexts: [{ name: "minikube", cluster: "minikube", user: ADMIN_USER.name, namespace: "default" }],
    currentContext: "minikube",
  };
  private readonly terms: Terminal[] = [];
  private readonly entries: TranscriptEntry[] = [];
  private readonly inputs: SessionInput[] = [];
  private readonly snaps = new SnapshotLog();
  private readonly listeners = new Set<() => void>();
  private readonly options: SessionOptions;
  private nextId = 1;
  private recording = true;
  private pumping = false;
  readonly home: string;

  constructor(opts: SessionOptions = {}) {
    this.options = JSON.parse(JSON.stringify(opts));
    this.home = opts.home ?? "/home/learner";
    this.cluster = createCluster({ seed: opts.seed ?? 1, images: opts.images });
    this.files = new VirtualFiles(this.home, opts.files ?? {});
    this.cluster.subscribe(() => this.notify());
    this.runSetup(opts.setup ?? []);
    this.recording = false;
    this.openTerminal();
    this.recording = true;
    this.snaps.keep(this.cluster.state);
  }

  /** The open terminals. */
  get terminals(): readonly Terminal[] {
    return this.terms;
  }

  /** Every executed line of every terminal. */
  get transcript(): readonly TranscriptEntry[] {
    return this.entries;
  }

  /** Opens a new terminal. */
  openTerminal(): Terminal {
    const id = this.nextId++;
    this.record({ terminal: id, kind: "open" });
    const t = this.makeTerminal(id, true);
    this.terms.push(t);
    this.notify();
    return t;
  }

  /** Closes terminal `id` (its running command ends). */
  closeTerminal(id: number): void {
    const i = this.terms.findIndex((t) => t.id === id);
    if (i < 0) return;
    this.record({ terminal: id, kind: "close" });
    this.terms[i]?.kill();
    this.terms.splice(i, 1);
    this.notify();
  }

  /** Moves simulated time forward by `ms`, stopping at every instant something is due so waiting programs see each one. */
  tick(ms: number): void {
    if (!(ms >= 0)) return;
    this.record({ terminal: 0, kind: "tick", payload: ms });
    const target = this.cluster.now + ms;
    this.pump();
    // Every due instant up to the target is visited however long the tick (a merged tick replays as the
    // ticks it stands for); only turns that do not move the clock are capped, so nothing spins forever.
    for (let stalled = 0; stalled < STALLED_TURNS; ) {
      const wake = this.nextWake();
      if (wake === undefined || wake > target) break;
      const before = this.cluster.state;
      const at = this.cluster.now;
      if (wake > at) this.cluster.advance(wake - at);
      const resumed = this.pump();
      this.snaps.keepSecond(this.cluster.state);
      if (!resumed && this.cluster.state === before) break;
      stalled = this.cluster.now === at ? stalled + 1 : 0;
    }
    if (target > this.cluster.now) {
      this.cluster.advance(target - this.cluster.now);
      this.pump();
    }
    this.snaps.keep(this.cluster.state);
    this.notify();
  }

  /** The earliest instant the cluster or a waiting program needs, or undefined if all is quiet. */
  nextWake(): number | undefined {
    let wake = this.cluster.nextWake();
    for (const t of this.terms) {
      const until = t.waiting()?.until;
      if (until !== undefined && (wake === undefined || until < wake)) wake = until;
    }
    return wake;
  }

  /** Listens to any change (output, cluster, clock); returns the function that stops listening. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The kept cluster values, oldest first. */
  snapshots(): readonly Snapshot[] {
    return this.snaps.all;
  }

  /** Restores the cluster as it was at simulated ms `t` (the last snapshot at or before it); running commands end with ^C. */
  travelTo(t: number): void {
    const found = this.snaps.at(t);
    if (!found) return;
    this.record({ terminal: 0, kind: "travel", payload: t });
    for (const term of this.terms) term.kill();
    this.cluster.restore(found.state);
    this.snaps.truncateAfter(found);
    this.notify();
  }

  /** The session as data (seed, options, inputs). */
  toJSON(): SessionRecord {
    return { version: 1, options: this.options, inputs: this.inputs.map((i) => ({ ...i })) };
  }

  /** Rebuilds a session by replaying its inputs. */
  static fromJSON(r: SessionRecord): Session {
    const s = new Session(r.options);
    for (const input of r.inputs) s.replay(input);
    return s;
  }

  private replay(input: SessionInput): void {
    const term = (): Terminal | undefined => this.terms.find((t) => t.id === input.terminal);
    switch (input.kind) {
      case "line":
        term()?.submit(String(input.payload ?? ""));
        break;
      case "interrupt":
        term()?.interrupt();
        break;
      case "eof":
        term()?.eof();
        break;
      case "edit":
        term()?.pendingEdit?.answer(input.payload === null ? null : String(input.payload ?? ""));
        break;
      case "tick":
        this.tick(Number(input.payload ?? 0));
        break;
      case "open":
        // The first terminal is opened by the constructor with the same id; later ones replay here.
        if (!term()) this.openTerminal();
        break;
      case "close":
        this.closeTerminal(input.terminal);
        break;
      case "travel":
        this.travelTo(Number(input.payload ?? 0));
        break;
    }
  }

  /**
   * Keeps an input for replay. Consecutive ticks become one (tick(a); tick(b) replays as tick(a + b): time
   * stops at the same instants either way, and snapshots only keep changes), so a clock driven ten times a
   * second does not grow the record by ten entries a second. Integer payloads only, so the sum is exact.
   */
  private record(input: SessionInput): void {
    if (!this.recording) return;
    const last = this.inputs[this.inputs.length - 1];
    if (
      input.kind === "tick" &&
      last?.kind === "tick" &&
      isWholeMs(last.payload) &&
      isWholeMs(input.payload)
    ) {
      last.payload = last.payload + input.payload;
      return;
    }
    this.inputs.push(input);
  }

  /** Resumes every waiting program whose instant came or whose cluster changed, until none is left; true if any ran. */
  private pump(): boolean {
    if (this.pumping) return false;
    this.pumping = true;
    let any = false;
    try {
      for (let round = 0; round < 10_000; round++) {
        let resumed = false;
        for (const t of [...this.terms]) if (t.wake(this.cluster.now)) resumed = true;
        if (!resumed) break;
        any = true;
      }
    } finally {
      this.pumping = false;
    }
    return any;
  }

  private notify(): void {
    for (const l of this.listeners) l();
  }

  private runSetup(lines: string[]): void {
    if (lines.length === 0) return;
    const t = this.makeTerminal(0, false);
    for (const line of lines) {
      t.submit(line);
      const start = this.cluster.now;
      for (let i = 0; i < 10_000 && t.busy; i++) {
        const wake = this.nextWakeOf(t);
        if (wake === undefined || wake - start > SETUP_BUDGET_MS) {
          t.kill();
          break;
        }
        this.cluster.advance(Math.max(0, wake - this.cluster.now));
        t.wake(this.cluster.now);
      }
    }
    this.entries.length = 0;
  }

  private nextWakeOf(t: Terminal): number | undefined {
    const a = this.cluster.nextWake();
    const b = t.waiting()?.until;
    return a === undefined ? b : b === undefined ? a : Math.min(a, b);
  }

  private makeTerminal(id: number, visible: boolean): Terminal {
    const files = this.files.fork(this.home);
    const session = this;
    const shell = learnerShell({
      cluster: this.cluster,
      files,
      home: this.home,
      kubeconfig: this.kubeconfig,
    });
    const terminalHost: TerminalHost = {
      get state() {
        return session.cluster.state;
      },
      record: (e) => {
        if (visible) this.entries.push(e);
      },
      input: (terminal, kind, payload) => {
        if (visible) this.record({ terminal, kind, payload });
      },
      changed: () => {
        if (!visible) return;
        this.pump();
        this.snaps.keep(this.cluster.state);
        this.notify();
      },
      complete: (_t, line, cursor) => completeLine(this.cluster.state, files, line, cursor),
    };
    return new Terminal(id, shell, terminalHost, (line, io, atEof) => runGuarded(shell, line, io, atEof));
  }
}

/** A tick payload that sums exactly: a whole number of milliseconds. */
function isWholeMs(v: SessionInput["payload"]): v is number {
  return typeof v === "number" && Number.isInteger(v);
}
