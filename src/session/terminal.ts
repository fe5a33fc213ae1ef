/**
 * One terminal of a session: a shell running one line (one Program) at a time, driven by its effects.
 * A wait is resumed by the session (clock or cluster change), a readLine by the next submitted line
 * (that is how `kubectl run -it … -- sh` keeps reading), an edit by `pendingEdit.answer`. Lines typed
 * while a command runs are kept and run after it, as a terminal's type-ahead does.
 */
import type { ClusterState } from "../engine";
import type { Effect, EffectAnswer, Io, Program } from "../kubectl/program";
import { Interrupt } from "../kubectl/program";
import { Shell } from "../shell/interpreter";

/** One executed line and what it printed. */
export interface TranscriptEntry {
  terminal: number;
  line: string;
  stdout: string;
  stderr: string;
  /** null while running. */
  exit: number | null;
  /** Simulated seconds when it started. */
  t: number;
}

/** What a terminal needs from its session. */
export interface TerminalHost {
  readonly state: ClusterState;
  /** Appends an entry to the session's transcript. */
  record(entry: TranscriptEntry): void;
  /** Records an input for persistence (a typed line, Ctrl-C, an editor answer). */
  input(terminal: number, kind: "line" | "interrupt" | "edit" | "eof", payload?: string | null): void;
  /** Something changed (output, busy state): the session tells its listeners and resumes waiters. */
  changed(): void;
  /** Tab completion candidates. */
  complete(terminal: Terminal, line: string, cursor: number): string[];
}

/** The effect a job is parked on. */
interface Job {
  program: Program;
  effect: Effect | undefined;
  /** The cluster value when the job started waiting (a different value means the cluster changed). */
  seen: ClusterState | undefined;
  /** The entry of the line that started the job. */
  entry: TranscriptEntry;
}

/** What the prompt shows when the shell is idle. */
export const SHELL_PROMPT = "$ ";
/** What the prompt shows when a line is incomplete (an open quote or loop): sh's PS2. */
export const CONTINUATION_PROMPT = "> ";

/** A terminal: see the file comment. */
export class Terminal {
  private job: Job | undefined;
  /** The entry output goes to (the line last given to the job). */
  private current: TranscriptEntry | undefined;
  private readonly typeahead: string[] = [];
  private partial: string[] = [];
  private readonly outputListeners = new Set<(text: string, stream: "stdout" | "stderr") => void>();
  /** The `exit` code once the terminal's shell has exited (the terminal is then finished). */
  exited: number | undefined;
  /** No more lines will come (endInput): the last command runs as sh runs one at end of file. */
  private atEof = false;

  constructor(
    readonly id: number,
    readonly shell: Shell,
    private readonly host: TerminalHost,
    private readonly startLine: (line: string, io: Io, atEof: boolean) => Program,
  ) {}

  /** The prompt to show now: the shell's `$ `, `> ` mid-line, an in-pod shell's `/ # `, or "" while a command runs. */
  get prompt(): string {
    if (this.job) return this.job.effect?.type === "readLine" ? this.job.effect.prompt : "";
    return this.partial.length > 0 ? CONTINUATION_PROMPT : SHELL_PROMPT;
  }

  /** True while a command runs (and is not waiting for a typed line). */
  get busy(): boolean {
    return this.job !== undefined && this.job.effect?.type !== "readLine";
  }

  /** True while a program (an in-pod shell) waits for a typed line. */
  get readingInput(): boolean {
    return this.job?.effect?.type === "readLine";
  }

  /** The editor a program asked for (`kubectl edit`, `vi`), to be answered with the saved text or null. */
  get pendingEdit(): { file: string; content: string; answer(text: string | null): void } | undefined {
    const effect = this.job?.effect;
    if (effect?.type !== "edit") return undefined;
    return {
      file: effect.file,
      content: effect.content,
      answer: (text) => {
        if (this.job?.effect !== effect) return;
        this.host.input(this.id, "edit", text);
        this.resume(text);
      },
    };
  }

  /** A typed line: to the program reading input, else to the shell (kept for later while a command runs). */
  submit(line: string): void {
    this.host.input(this.id, "line", line);
    if (this.exited !== undefined) return;
    if (this.job) {
      if (this.job.effect?.type === "readLine") this.feed(line);
      else this.typeahead.push(line);
      return;
    }
    this.startOrContinue(line);
  }

  /**
   * Ctrl-D: ends the input of the program reading lines (`kubectl apply -f -` typed at the terminal, an
   * in-pod shell, which then exits); at the shell's own prompt it does nothing (the terminal stays open).
   */
  eof(): void {
    if (!this.readingInput) return;
    this.host.input(this.id, "eof");
    this.resume(null);
  }

  /** Ctrl-C: interrupts the running command (an in-pod shell only loses its current line), or drops a half-typed line. */
  interrupt(): void {
    this.host.input(this.id, "interrupt");
    this.emit("^C\n", "stdout");
    this.typeahead.length = 0;
    if (!this.job) {
      this.partial = [];
      this.host.changed();
      return;
    }
    this.step(() => (this.job as Job).program.throw(new Interrupt()));
  }

  /** Ends the running command at once (time travel, closing): it prints `^C` and exits 130. */
  kill(): void {
    if (!this.job) return;
    this.emit("^C\n", "stdout");
    const job = this.job;
    this.job = undefined;
    try {
      job.program.return(130);
    } catch {
      // A program that throws while being ended is ended all the same.
    }
    this.finish(job, 130);
  }

  /** Listens to everything the terminal prints (the prompt is not printed: read `prompt`). */
  onOutput(cb: (text: string, stream: "stdout" | "stderr") => void): () => void {
    this.outputListeners.add(cb);
    return () => this.outputListeners.delete(cb);
  }

  /** Tab completion candidates for `line` with the cursor at `cursor`. */
  complete(line: string, cursor: number): string[] {
    return this.host.complete(this, line, cursor);
  }

  /** Whether the job waits for the clock or the cluster, and until when. */
  waiting(): { until: number | undefined; seen: ClusterState | undefined } | undefined {
    const e = this.job?.effect;
    return e?.type === "wait" ? { until: e.until, seen: this.job?.seen } : undefined;
  }

  /** Resumes a waiting job when its instant came or the cluster changed; true if it was resumed. */
  wake(now: number): boolean {
    const w = this.waiting();
    if (!w) return false;
    const due = w.until !== undefined && now >= w.until;
    if (!due && w.seen === this.host.state) return false;
    this.resume(undefined);
    return true;
  }

  /**
   * The input ended (the end of a script, Ctrl-D in the CLI): a half-typed command runs as it is, as sh
   * runs it at end of file (an open here-document ends there; an open quote or loop is a syntax error).
   * Type-ahead still waiting for a running command gets the same treatment when its turn comes.
   */
  endInput(): void {
    this.atEof = true;
    if (this.readingInput) this.resume(null);
    if (this.job || this.partial.length === 0) return;
    this.start(this.partial.join("\n"));
  }

  private startOrContinue(line: string): void {
    this.partial.push(line);
    const text = this.partial.join("\n");
    const last = this.atEof && this.typeahead.length === 0;
    if (!last && !Shell.isComplete(text)) {
      this.host.changed();
      return;
    }
    this.start(text);
  }

  private start(text: string): void {
    this.partial = [];
    if (text.trim() === "") {
      this.host.changed();
      return;
    }
    const entry = this.newEntry(text);
    const io = this.io();
    const program = this.startLine(text, io, this.atEof && this.typeahead.length === 0);
    this.job = { program, effect: undefined, seen: undefined, entry };
    this.step(() => program.next());
  }

  private feed(line: string): void {
    const effect = this.job?.effect;
    const reader = this.current ?? this.job?.entry;
    if (effect?.type === "readLine" && effect.status === undefined && reader) {
      // Data a command reads (`kubectl apply -f -` at the terminal), not a command: it joins that command's
      // entry, as a here-document's body does.
      reader.line += `\n${line}`;
      this.resume(line);
      return;
    }
    const entry = line.trim() === "" ? undefined : this.newEntry(line);
    if (!entry) this.current = undefined;
    this.resume(line);
  }

  private newEntry(line: string): TranscriptEntry {
    const entry: TranscriptEntry = {
      terminal: this.id,
      line,
      stdout: "",
      stderr: "",
      exit: null,
      t: Math.floor(this.host.state.now / 1000),
    };
    this.current = entry;
    this.host.record(entry);
    return entry;
  }

  private io(): Io {
    return {
      out: (text) => this.write(text, "stdout"),
      err: (text) => this.write(text, "stderr"),
    };
  }

  private write(text: string, stream: "stdout" | "stderr"): void {
    if (text === "") return;
    if (this.current) this.current[stream] += text;
    this.emit(text, stream);
  }

  private emit(text: string, stream: "stdout" | "stderr"): void {
    for (const l of this.outputListeners) l(text, stream);
  }

  private resume(answer: EffectAnswer): void {
    const job = this.job;
    if (!job) return;
    this.step(() => job.program.next(answer));
  }

  /** Runs the job one step (until its next effect or its end) and handles what it yields. */
  private step(run: () => IteratorResult<Effect, number>): void {
    const job = this.job;
    if (!job) return;
    let result: IteratorResult<Effect, number>;
    try {
      result = run();
    } catch (e) {
      if (!(e instanceof Interrupt)) this.write(`sh: internal error: ${(e as Error).message}\n`, "stderr");
      result = { done: true, value: e instanceof Interrupt ? 130 : 1 };
    }
    if (result.done) {
      this.job = undefined;
      this.finish(job, result.value);
      return;
    }
    const effect = result.value;
    job.effect = effect;
    job.seen = this.host.state;
    if (effect.type === "readLine") {
      // A shell's prompt carries the status of the line before; a reader of data (no status) ends nothing.
      if (
        effect.status !== undefined &&
        this.current &&
        this.current !== job.entry &&
        this.current.exit === null
      )
        this.current.exit = effect.status;
      const next = this.typeahead.shift();
      if (next !== undefined) {
        this.feed(next);
        return;
      }
    }
    this.host.changed();
  }

  private finish(job: Job, code: number): void {
    if (job.entry.exit === null) job.entry.exit = code;
    if (this.current && this.current.exit === null) this.current.exit = code;
    this.current = undefined;
    this.shell.status = code;
    if (this.shell.exited !== undefined) {
      this.exited = this.shell.exited;
      this.typeahead.length = 0;
    }
    this.host.changed();
    if (this.exited !== undefined) return;
    const next = this.typeahead.shift();
    if (next !== undefined) this.startOrContinue(next);
    else if (this.atEof && this.partial.length > 0) this.start(this.partial.join("\n"));
  }
}
