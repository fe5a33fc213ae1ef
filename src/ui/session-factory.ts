/** Where the app gets its Session: a new one (free play or a lesson's), or one rebuilt from a saved record. */
import type { ImageSpec } from "../engine";
import { Session, type SessionRecord } from "../session";

/** How to start a session (the Session's SessionOptions; lesson images arrive as plain data). */
export interface NewSessionOptions {
  seed?: number;
  files?: Record<string, string>;
  images?: unknown[];
  setup?: string[];
}

/** A fresh session. */
export function newSession(opts: NewSessionOptions = {}): Session {
  return new Session({ ...opts, images: opts.images as ImageSpec[] | undefined });
}

/** True when `r` has the shape of Session.toJSON()'s record. */
function isRecord(r: unknown): r is SessionRecord {
  const v = r as SessionRecord | undefined;
  return !!v && v.version === 1 && typeof v.options === "object" && Array.isArray(v.inputs);
}

/** A session rebuilt from `toJSON()`'s record by replaying its inputs; throws if it is not one. */
export function restoreSession(record: unknown): Session {
  if (!isRecord(record)) throw new Error("not a session record (version 1, options, inputs)");
  return Session.fromJSON(record);
}
