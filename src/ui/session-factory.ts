/**
 * Where the app gets its Session: a new one (optionally for a lesson), or one restored from a saved
 * record. TEMPORARY: until src/session lands this returns the development stub.
 */

import type { UiSession } from "./session-api";
import { createStubSession } from "./stub-session";

/** How to start a session (the Session's SessionOptions). */
export interface NewSessionOptions {
  seed?: number;
  files?: Record<string, string>;
  images?: unknown[];
  setup?: string[];
}

/** A fresh session. */
export function newSession(opts: NewSessionOptions = {}): UiSession {
  return createStubSession(opts.seed ?? 1);
}

/** A session rebuilt from `toJSON()`'s record; throws if the record is not one. */
export function restoreSession(record: unknown): UiSession {
  if (!record || typeof record !== "object") throw new Error("not a session record");
  return createStubSession(1);
}
