/**
 * What survives a reload: the session record (Session.toJSON()) with the lesson in progress, and the
 * interface preferences, in localStorage. A full or blocked storage never breaks the app: saving
 * then does nothing and loading finds nothing.
 */

/** localStorage key of the saved session. */
export const SESSION_KEY = "rollout-sandbox.session.v1";
/** localStorage key of the interface preferences. */
export const PREFS_KEY = "rollout-sandbox.prefs.v1";

/** The saved form of everything: the session record and the lesson runner's saved state. */
export interface SavedSession {
  version: 1;
  session: unknown;
  lesson?: unknown;
  /** What each terminal showed, by terminal id (see terminal/screen-log.ts); absent in share links. */
  screens?: Record<string, string>;
}

/** Interface preferences. */
export interface Prefs {
  lang?: "en" | "ko";
  largeText?: boolean;
  speed?: number;
}

function read(key: string): unknown {
  try {
    const text = globalThis.localStorage?.getItem(key);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    globalThis.localStorage?.setItem(key, JSON.stringify(value));
  } catch {
    // Quota exceeded or storage disabled: the session still runs, it just is not saved.
  }
}

/** True when `v` has the SavedSession shape. */
export function isSavedSession(v: unknown): v is SavedSession {
  return !!v && typeof v === "object" && (v as SavedSession).version === 1 && "session" in (v as object);
}

/** The saved session, if any. */
export function loadSaved(): SavedSession | undefined {
  const v = read(SESSION_KEY);
  return isSavedSession(v) ? v : undefined;
}

/** Saves the session. */
export function save(saved: SavedSession): void {
  write(SESSION_KEY, saved);
}

/** Forgets the saved session (Reset). */
export function clearSaved(): void {
  try {
    globalThis.localStorage?.removeItem(SESSION_KEY);
  } catch {
    // nothing saved to forget
  }
}

/** The saved preferences ({} if none). */
export function loadPrefs(): Prefs {
  const v = read(PREFS_KEY);
  return v && typeof v === "object" ? (v as Prefs) : {};
}

/** Saves the preferences. */
export function savePrefs(prefs: Prefs): void {
  write(PREFS_KEY, prefs);
}
