/**
 * The Session types as the browser app names them. The app drives the real Session (src/session):
 * typed lines, Ctrl-C, editor answers, clock ticks, time travel, persistence by replay.
 */
import type { Session, Terminal, TranscriptEntry } from "../session";

/** The session: one cluster, its clock, N terminals. */
export type UiSession = Session;

/** One terminal of the session. */
export type UiTerminal = Terminal;

/** One executed line of any terminal. */
export type UiTranscriptEntry = TranscriptEntry;

/** An open `kubectl edit` waiting for the editor's answer. */
export type UiPendingEdit = NonNullable<Terminal["pendingEdit"]>;
