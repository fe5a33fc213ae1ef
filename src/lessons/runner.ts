/**
 * LessonRunner: one lesson running against one Session. It owns the progress machine, evaluates the
 * current step's checks against the Session when asked, follows `always`/`ever` checks on every cluster
 * change, and gives a UI or the CLI what to draw: `state`, `step`, `check()`, `next()`, `hint()`,
 * `subscribe()`, and `persist()` for saving with the session.
 */
import { type Actor, createActor } from "xstate";
import type { ClusterState } from "../engine";
import { evaluate, evaluateOnState } from "./checks/evaluate";
import { checkLine, describeObservation, wordsFor } from "./checks/messages";
import type { LessonWorld, WorldCommand, WorldTerminal } from "./checks/world";
import { type CheckOutcome, type LessonPhase, lessonMachine, type StepResult } from "./machine";
import type { Block, Lang, Lesson } from "./types";

/** What the runner needs of a Session (src/session's Session has this shape). */
export interface LessonSession {
  readonly cluster: {
    readonly state: ClusterState;
    subscribe(listener: (state: ClusterState) => void): () => void;
  };
  readonly transcript: readonly WorldCommand[];
  readonly terminals: readonly WorldTerminal[];
}

/** The current step as the learner sees it, in the runner's language. */
export interface StepView {
  index: number;
  id: string;
  title: string;
  /** Text and one-click command blocks, in reading order. */
  blocks: Block[];
  hint: string;
  /** The step's conditions as written in the lesson. */
  checks: string[];
}

/** The outcome of `check()`, worded for the learner. */
export interface CheckReport {
  ok: boolean;
  /** One line per check: `✓ deployment http-go revision >= 2` or `✗ … (observed: 1)`. */
  lines: string[];
  /** The first failed check: its line in the lesson file and its report line. */
  failed: { source: string; line: number; message: string } | undefined;
  /** The step's hint when a check failed. */
  hint: string | undefined;
}

/** Where the learner is in the lesson. */
export interface LessonState {
  phase: LessonPhase;
  stepIndex: number;
  stepCount: number;
  /** The report of the last `check()` of this step, if any. */
  report: CheckReport | undefined;
  attempts: number;
}

/** The runner's saved form (JSON-safe), stored with the session. */
export interface PersistedLesson {
  lessonId: string;
  lang: Lang;
  machine: unknown;
}

/** How to start a runner. */
export interface LessonRunnerOptions {
  lang?: Lang;
  /** A saved runner (from `persist()`) to continue. */
  persisted?: PersistedLesson;
}

/** Runs one lesson against one Session. */
export class LessonRunner {
  readonly lesson: Lesson;
  private readonly session: LessonSession;
  private readonly actor: Actor<typeof lessonMachine>;
  private readonly listeners = new Set<(state: LessonState) => void>();
  private readonly unsubscribe: () => void;
  private language: Lang;

  constructor(lesson: Lesson, session: LessonSession, opts: LessonRunnerOptions = {}) {
    this.lesson = lesson;
    this.session = session;
    this.language = opts.persisted?.lang ?? opts.lang ?? lesson.languages[0] ?? "en";
    const snapshot = opts.persisted?.lessonId === lesson.id ? opts.persisted.machine : undefined;
    this.actor = createActor(lessonMachine, {
      input: { stepCount: lesson.steps.length },
      // biome-ignore lint/suspicious/noExplicitAny: a persisted snapshot is opaque JSON produced by persist()
      ...(snapshot ? { snapshot: snapshot as any } : {}),
    });
    this.actor.subscribe(() => this.emit());
    this.actor.start();
    this.unsubscribe = session.cluster.subscribe((state) => this.observe(state));
  }

  /** The language the step text and reports are in. */
  get lang(): Lang {
    return this.language;
  }

  /** Switches the language (a lesson language, else unchanged). */
  setLang(lang: Lang): void {
    if (!this.lesson.languages.includes(lang) || lang === this.language) return;
    this.language = lang;
    this.emit();
  }

  /** Where the learner is. */
  get state(): LessonState {
    const snap = this.actor.getSnapshot();
    const c = snap.context;
    return {
      phase: snap.value as LessonPhase,
      stepIndex: c.stepIndex,
      stepCount: c.stepCount,
      report: c.result ? this.report(c.stepIndex, c.result) : undefined,
      attempts: c.attempts,
    };
  }

  /** The current step (the first one before `start()`), or undefined once the lesson is complete. */
  get step(): StepView | undefined {
    const snap = this.actor.getSnapshot();
    if (snap.value === "complete") return undefined;
    return this.stepView(snap.context.stepIndex);
  }

  /** The lesson's title in the current language. */
  get title(): string {
    return this.lesson.title[this.language] ?? this.lesson.id;
  }

  /** Opens the first step (does nothing once started). */
  start(): void {
    if (this.actor.getSnapshot().value !== "notStarted") return;
    this.actor.send({ type: "START", mark: this.mark() });
    this.observe(this.session.cluster.state);
  }

  /** Evaluates every check of the current step now and records the result. */
  check(): CheckReport {
    this.start();
    const snap = this.actor.getSnapshot();
    if (snap.value === "complete")
      return { ok: true, lines: [wordsFor(this.language).complete], failed: undefined, hint: undefined };
    this.observe(this.session.cluster.state);
    this.actor.send({ type: "CHECK" });
    const result = this.evaluateStep();
    this.actor.send({ type: "RESULT", result });
    return this.report(this.actor.getSnapshot().context.stepIndex, result);
  }

  /** Moves to the next step once the current one passed; returns false if it has not passed. */
  next(): boolean {
    if (this.actor.getSnapshot().value !== "passed") return false;
    this.actor.send({ type: "NEXT", mark: this.mark() });
    this.observe(this.session.cluster.state);
    return true;
  }

  /** Starts the current step over: its commands and observations count from now. */
  restartStep(): void {
    this.actor.send({ type: "RESTART_STEP", mark: this.mark() });
    this.observe(this.session.cluster.state);
  }

  /** The current step's hint in the current language ("" if it has none). */
  hint(): string {
    return this.step?.hint ?? "";
  }

  /** Calls `listener` with the new state after every change; returns the function that removes it. */
  subscribe(listener: (state: LessonState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The runner as JSON-safe data, to store with the session and pass back as `persisted`. */
  persist(): PersistedLesson {
    return { lessonId: this.lesson.id, lang: this.language, machine: this.actor.getPersistedSnapshot() };
  }

  /** Stops following the session. */
  dispose(): void {
    this.unsubscribe();
    this.actor.stop();
    this.listeners.clear();
  }

  private emit(): void {
    const state = this.state;
    for (const l of this.listeners) l(state);
  }

  private mark() {
    return { transcriptIndex: this.session.transcript.length, t: this.session.cluster.state.now };
  }

  private world(): LessonWorld {
    return {
      state: this.session.cluster.state,
      transcript: this.session.transcript,
      terminals: this.session.terminals,
    };
  }

  private stepView(index: number): StepView | undefined {
    const step = this.lesson.steps[index];
    if (!step) return undefined;
    const text = step.text[this.language] ?? Object.values(step.text)[0];
    return {
      index,
      id: step.id,
      title: text?.title ?? step.id,
      blocks: text?.blocks ?? [],
      hint: text?.hint ?? "",
      checks: step.checks.map((c) => c.source),
    };
  }

  /** Follows `always`/`ever` checks of the open step on a new cluster state. */
  private observe(state: ClusterState): void {
    const snap = this.actor.getSnapshot();
    if (snap.value === "notStarted" || snap.value === "complete" || snap.value === "checking") return;
    const step = this.lesson.steps[snap.context.stepIndex];
    step?.checks.forEach((check, index) => {
      const mode = check.temporal;
      if (!mode) return;
      const seen = this.actor.getSnapshot().context.temporal[index];
      if (seen && (mode === "always" ? !seen.ok : seen.ok)) return; // already settled
      const o = evaluateOnState(check, state);
      if (seen && seen.ok === o.ok) return;
      const observed = describeObservation(o.observed, this.language);
      this.actor.send({ type: "OBSERVE", index, ok: o.ok, observed, at: state.now, mode });
    });
  }

  private evaluateStep(): StepResult {
    const c = this.actor.getSnapshot().context;
    const step = this.lesson.steps[c.stepIndex];
    const outcomes: CheckOutcome[] = (step?.checks ?? []).map((check, index) => {
      if (check.temporal) {
        const seen = c.temporal[index];
        return { index, ok: seen?.ok ?? false, observed: seen?.observed ?? "", at: seen?.at };
      }
      const o = evaluate(check, this.world(), c.mark);
      return { index, ok: o.ok, observed: describeObservation(o.observed, this.language) };
    });
    return { ok: outcomes.every((o) => o.ok), outcomes };
  }

  private report(stepIndex: number, result: StepResult): CheckReport {
    const step = this.lesson.steps[stepIndex];
    const lines: string[] = [];
    let failed: CheckReport["failed"];
    for (const o of result.outcomes) {
      const check = step?.checks[o.index];
      if (!check) continue;
      const line = checkLine(check.source, o.ok, o.observed, this.language, o.ok ? undefined : o.at);
      lines.push(line);
      if (!o.ok && !failed) failed = { source: check.source, line: check.line, message: line };
    }
    const hint = failed ? this.stepView(stepIndex)?.hint || undefined : undefined;
    return { ok: result.ok, lines, failed, hint };
  }
}
