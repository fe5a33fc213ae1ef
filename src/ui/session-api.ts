/**
 * The part of the Session (src/session, interfaces.md) the browser app uses, written structurally so
 * the app depends on the agreed shape only. The real Session satisfies it; see session-factory.ts.
 */
import type { Cluster } from "../engine";
import type { WorldCommand } from "../lessons";

/** One executed line of any terminal (the Session's TranscriptEntry, as the lessons read it too). */
export type UiTranscriptEntry = WorldCommand;

/** An open `kubectl edit` waiting for the editor's answer. */
export interface UiPendingEdit {
  file: string;
  content: string;
  answer(text: string | null): void;
}

/** One terminal of the session. */
export interface UiTerminal {
  readonly id: number;
  readonly prompt: string;
  readonly busy: boolean;
  submit(line: string): void;
  interrupt(): void;
  onOutput(cb: (text: string, stream: "stdout" | "stderr") => void): () => void;
  readonly pendingEdit: UiPendingEdit | undefined;
  complete(line: string, cursor: number): string[];
}

/** The session: one cluster, its clock, N terminals. */
export interface UiSession {
  readonly cluster: Cluster;
  readonly terminals: readonly UiTerminal[];
  openTerminal(): UiTerminal;
  closeTerminal(id: number): void;
  tick(ms: number): void;
  nextWake(): number | undefined;
  readonly transcript: readonly UiTranscriptEntry[];
  subscribe(listener: () => void): () => void;
  toJSON(): unknown;
}
