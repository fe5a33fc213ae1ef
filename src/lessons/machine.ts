/**
 * Lesson progress as an xstate machine, pure and serializable:
 *
 *   notStarted ─START→ step ─CHECK→ checking ─RESULT ok→ passed ─NEXT→ step (N+1) … → complete
 *                                            └RESULT ✗→ failed ─CHECK→ checking
 *
 * The machine never evaluates anything: the runner evaluates the checks against the Session and sends
 * the outcome in RESULT, and sends where each step began (transcript length, simulated time) in
 * START/NEXT. `always`/`ever` observations arrive as OBSERVE while a step is open. So the whole
 * snapshot is plain data and persists with the session.
 */
import { assign, setup } from "xstate";
import type { StepMark } from "./checks/world";

/** One check's outcome in a report: ok, the observed value in words, and when (for `always`/`ever`). */
export interface CheckOutcome {
  /** Index of the check in the step. */
  index: number;
  ok: boolean;
  observed: string;
  /** Simulated ms of the observation for `always` (first violation) and `ever` (first success). */
  at?: number;
}

/** The result of one `check`. */
export interface StepResult {
  ok: boolean;
  outcomes: CheckOutcome[];
}

/** What `always`/`ever` checks saw since the step began, by check index. */
export type Temporal = Record<number, { ok: boolean; observed: string; at: number }>;

/** The machine's data. */
export interface LessonContext {
  stepCount: number;
  stepIndex: number;
  mark: StepMark;
  result: StepResult | undefined;
  temporal: Temporal;
  /** How many times `check` ran on the current step. */
  attempts: number;
}

/** Everything that moves the lesson. */
export type LessonEvent =
  | { type: "START"; mark: StepMark }
  | { type: "CHECK" }
  | { type: "RESULT"; result: StepResult }
  | { type: "NEXT"; mark: StepMark }
  | { type: "OBSERVE"; index: number; ok: boolean; observed: string; at: number; mode: "always" | "ever" }
  | { type: "RESTART_STEP"; mark: StepMark };

/** How the machine is made: the number of steps of the lesson. */
export interface LessonInput {
  stepCount: number;
}

/** The temporal record after an OBSERVE: an `always` keeps its first violation, an `ever` its first success. */
function observed(context: LessonContext, event: LessonEvent): Temporal {
  if (event.type !== "OBSERVE") return context.temporal;
  const seen = context.temporal[event.index];
  const settled = seen !== undefined && (event.mode === "always" ? !seen.ok : seen.ok);
  if (settled) return context.temporal;
  return { ...context.temporal, [event.index]: { ok: event.ok, observed: event.observed, at: event.at } };
}

/** The context of a freshly opened step `index`. */
function opened(context: LessonContext, event: LessonEvent, index: number): Partial<LessonContext> {
  return {
    stepIndex: index,
    mark: "mark" in event ? event.mark : context.mark,
    result: undefined,
    temporal: {},
    attempts: 0,
  };
}

/** The lesson progress machine (definition only; the runner makes the actor). */
export const lessonMachine = setup({
  types: {
    context: {} as LessonContext,
    events: {} as LessonEvent,
    input: {} as LessonInput,
  },
  actions: {
    observe: assign({ temporal: ({ context, event }) => observed(context, event) }),
    openFirst: assign(({ context, event }) => opened(context, event, 0)),
    openNext: assign(({ context, event }) => opened(context, event, context.stepIndex + 1)),
    reopen: assign(({ context, event }) => opened(context, event, context.stepIndex)),
    recordResult: assign(({ context, event }) =>
      event.type === "RESULT" ? { result: event.result, attempts: context.attempts + 1 } : {},
    ),
  },
  guards: {
    resultOk: ({ event }) => event.type === "RESULT" && event.result.ok,
    lastStep: ({ context }) => context.stepIndex >= context.stepCount - 1,
  },
}).createMachine({
  id: "lesson",
  initial: "notStarted",
  context: ({ input }) => ({
    stepCount: input.stepCount,
    stepIndex: 0,
    mark: { transcriptIndex: 0, t: 0 },
    result: undefined,
    temporal: {},
    attempts: 0,
  }),
  states: {
    notStarted: { on: { START: { target: "step", actions: "openFirst" } } },
    step: {
      on: {
        CHECK: "checking",
        OBSERVE: { actions: "observe" },
        RESTART_STEP: { target: "step", actions: "reopen" },
      },
    },
    checking: {
      on: {
        RESULT: [
          { guard: "resultOk", target: "passed", actions: "recordResult" },
          { target: "failed", actions: "recordResult" },
        ],
      },
    },
    passed: {
      on: {
        CHECK: "checking",
        OBSERVE: { actions: "observe" },
        NEXT: [
          { guard: "lastStep", target: "complete" },
          { target: "step", actions: "openNext" },
        ],
      },
    },
    failed: {
      on: {
        CHECK: "checking",
        OBSERVE: { actions: "observe" },
        RESTART_STEP: { target: "step", actions: "reopen" },
      },
    },
    complete: { type: "final" },
  },
});

/** The machine's state names: where the learner is. */
export type LessonPhase = "notStarted" | "step" | "checking" | "passed" | "failed" | "complete";
