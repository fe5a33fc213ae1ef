/**
 * What checks read: the cluster value, the transcript of every command typed, and the terminals.
 * The Session (src/session) has this shape; tests can hand in a plain object.
 */
import type { ClusterState } from "../../engine";

/** One executed line (the Session's TranscriptEntry). */
export interface WorldCommand {
  terminal: number;
  line: string;
  stdout: string;
  stderr: string;
  /** null while still running. */
  exit: number | null;
  /** Simulated seconds when it started. */
  t: number;
}

/** A terminal as checks see it. */
export interface WorldTerminal {
  readonly id: number;
  readonly busy: boolean;
}

/** Everything a check can look at, at one moment. */
export interface LessonWorld {
  readonly state: ClusterState;
  readonly transcript: readonly WorldCommand[];
  readonly terminals: readonly WorldTerminal[];
}

/** Where the current step began: commands before this index and events before this time are not "in this step". */
export interface StepMark {
  /** Transcript length when the step began. */
  transcriptIndex: number;
  /** Simulated milliseconds when the step began. */
  t: number;
}
