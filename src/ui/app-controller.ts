/**
 * The browser app's state outside React: the Session in use, the clock driver, the time-travel record,
 * the lesson runner, the moment being looked at, preferences, and saving. React components read it
 * through `useApp()` (a version number that changes at most once per animation frame).
 */
import type { ClusterState } from "../engine";
import type { Lesson, LessonRunner, PersistedLesson } from "../lessons";
import type { Snapshot } from "../session";
import { ClockDriver, SPEEDS, type Speed } from "./clock/driver";
import { defaultLang, type UiLang } from "./i18n/dictionary";
import { clearSaved, loadPrefs, type Prefs, type SavedSession, save, savePrefs } from "./persist/storage";
import type { UiSession } from "./session-api";
import { type NewSessionOptions, newSession, restoreSession } from "./session-factory";
import { ScreenLogs } from "./terminal/screen-log";

/** Wall ms between two saves while things change (a reload loses at most this much clock time). */
const SAVE_INTERVAL_MS = 300;

/** The lessons runtime, loaded on demand (lesson/lessons-module.ts). */
export type LessonsModule = typeof import("./lesson/lessons-module");

/** Options of the app controller. */
export interface AppOptions {
  /** A session to start from (a share link, or localStorage). */
  saved?: SavedSession;
  /** Loads the lessons runtime and the bundled lessons. */
  loadLessons: () => Promise<LessonsModule>;
  /** Files and options of a new free-play session. */
  freePlay?: NewSessionOptions;
  /** Browser languages, for the default interface language. */
  languages?: readonly string[];
  /**
   * Runs work that can wait until the page is usable (after the first prompt, when idle); by default
   * at once. Without a lesson to restore, the lessons runtime (about 45 kB gzip) loads this way.
   */
  later?: (task: () => void) => void;
}

/** The app's state and actions. */
export class AppController {
  session: UiSession;
  readonly driver: ClockDriver;
  lesson: LessonRunner | undefined;
  /** The lessons runtime once loaded. */
  lessons: LessonsModule | undefined;
  /** Simulated ms being looked at in the past, or undefined for the present. */
  past: number | undefined;
  prefs: Required<Prefs>;
  /** Incremented whenever the session is replaced (components keyed by it start over). */
  generation = 0;
  /** A one-line notice for the status bar (import errors, "session restored"). */
  notice = "";
  /** What each terminal of the session showed. */
  screens: ScreenLogs;
  /** Terminal the user typed in last (lesson "try" buttons paste there). */
  activeTerminal = 1;
  private version = 0;
  private frame = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();
  private unsubscribe: () => void = () => {};
  private readonly opts: AppOptions;

  constructor(opts: AppOptions) {
    this.opts = opts;
    const prefs = loadPrefs();
    const speed = (SPEEDS as readonly number[]).includes(prefs.speed ?? 1) ? (prefs.speed as Speed) : 1;
    this.prefs = {
      lang: prefs.lang ?? defaultLang(opts.languages ?? []),
      largeText: prefs.largeText ?? false,
      speed,
    };
    const session = this.open(opts.saved);
    this.session = session;
    this.screens = new ScreenLogs(opts.saved?.screens);
    this.driver = new ClockDriver(session, speed);
    this.driver.subscribe(() => this.changed());
    this.attach(session, undefined);
    const persisted = opts.saved?.lesson;
    if (persisted)
      void this.loadLessons().then(() => {
        if (this.session === session) this.setLesson(this.restoreLesson(session, persisted));
      });
    else (opts.later ?? ((task) => task()))(() => void this.loadLessons());
  }

  /** Loads the lessons runtime (once). */
  async loadLessons(): Promise<LessonsModule> {
    if (!this.lessons) {
      this.lessons = await this.opts.loadLessons();
      this.changed();
    }
    return this.lessons;
  }

  /** Subscribes to changes (for useSyncExternalStore). */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** The change counter (for useSyncExternalStore). */
  getVersion = (): number => this.version;

  /** The cluster value the views draw: the present, or the moment being looked at. */
  get viewState(): ClusterState {
    if (this.past === undefined) return this.session.cluster.state;
    return this.snapshotAt(this.past)?.state ?? this.session.cluster.state;
  }

  /** The session's last kept cluster value at or before simulated ms `t` (the first one if none). */
  snapshotAt(t: number): Snapshot | undefined {
    const snaps = this.session.snapshots();
    let lo = 0;
    let hi = snaps.length - 1;
    // Binary search: snapshots are in time order, one per simulated second, so an hour is 3,600 of them.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((snaps[mid] as Snapshot).t <= t) lo = mid;
      else hi = mid - 1;
    }
    return snaps[lo];
  }

  /** Sets the interface language (the lesson follows when it has that language). */
  setLang(lang: UiLang): void {
    this.prefs = { ...this.prefs, lang };
    this.lesson?.setLang(lang);
    this.savePrefs();
    this.flush();
  }

  /** Turns large text on or off. */
  setLargeText(on: boolean): void {
    this.prefs = { ...this.prefs, largeText: on };
    this.savePrefs();
    this.flush();
  }

  /** Sets the clock's speed (0 pauses). Playing returns to the present. */
  setSpeed(speed: Speed): void {
    if (speed !== 0) this.past = undefined;
    this.prefs = { ...this.prefs, speed };
    this.driver.setSpeed(speed);
    this.savePrefs();
    this.flush();
  }

  /** Moves the clock to the next instant something happens; false if nothing is due. */
  stepNext(): boolean {
    this.past = undefined;
    const wake = this.session.nextWake();
    if (wake === undefined) return false;
    this.session.tick(Math.max(0, wake - this.session.cluster.state.now));
    return true;
  }

  /** Looks at simulated time `t` (read-only), or the present with undefined. Looking back pauses the clock. */
  viewAt(t: number | undefined): void {
    if (t !== undefined && t >= this.session.cluster.state.now) t = undefined;
    if (t !== undefined && this.driver.speed !== 0) this.driver.setSpeed(0);
    this.past = t;
    this.changed();
  }

  /** Makes the moment being looked at the present (the Session's time travel). */
  continueFromHere(): void {
    if (this.past === undefined) return;
    const snapshot = this.snapshotAt(this.past);
    if (!snapshot) return;
    this.session.travelTo(snapshot.t);
    this.past = undefined;
    this.saveSoon();
    this.changed();
  }

  /** Starts over with a new session (the lesson's, if one is given; free play otherwise). */
  reset(lesson?: Lesson): void {
    clearSaved();
    const mod = this.lessons;
    const options =
      lesson && mod ? (mod.lessonSessionOptions(lesson) as NewSessionOptions) : this.opts.freePlay;
    const session = newSession(options);
    let runner: LessonRunner | undefined;
    if (lesson && mod) {
      runner = new mod.LessonRunner(lesson, session as never, { lang: this.lessonLang(lesson) });
      runner.start();
    }
    this.replace(session, runner, new ScreenLogs());
  }

  /** Replaces the session with a saved one (import, share link); throws if it cannot be restored. */
  load(saved: SavedSession): void {
    const session = this.open(saved, true);
    this.replace(session, undefined, new ScreenLogs(saved.screens));
    if (saved.lesson) {
      void this.loadLessons().then(() => {
        if (this.session === session) this.setLesson(this.restoreLesson(session, saved.lesson));
      });
    }
  }

  /** The session and lesson as saved data; with the terminals' screens unless `forLink` (links stay short). */
  saved(forLink = false): SavedSession {
    const lesson = this.lesson?.persist();
    return {
      version: 1,
      session: this.session.toJSON(),
      ...(lesson ? { lesson } : {}),
      ...(forLink ? {} : { screens: this.screens.toJSON() }),
    };
  }

  /** Saves now (also called when the page is hidden). */
  saveNow(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    save(this.saved());
  }

  /** Shows a one-line notice. */
  setNotice(text: string): void {
    this.notice = text;
    this.changed();
  }

  /** Remembers which terminal was used last. */
  setActiveTerminal(id: number): void {
    if (this.activeTerminal === id) return;
    this.activeTerminal = id;
    this.changed();
  }

  /** Stops the clock and every subscription. */
  dispose(): void {
    this.driver.dispose();
    this.unsubscribe();
    this.lesson?.dispose();
    cancelAnimationFrame(this.frame);
  }

  /** The session for `saved`, or a new free-play session if there is none or it is broken. */
  private open(saved: SavedSession | undefined, strict = false): UiSession {
    if (saved) {
      try {
        return restoreSession(saved.session);
      } catch (e) {
        if (strict) throw e;
        this.notice = `${e instanceof Error ? e.message : String(e)}`;
      }
    }
    return newSession(this.opts.freePlay);
  }

  private restoreLesson(session: UiSession, persisted: unknown): LessonRunner | undefined {
    const p = persisted as PersistedLesson | undefined;
    const mod = this.lessons;
    const lesson = p && mod?.bundledLessons.lessons.find((l) => l.id === p.lessonId);
    return lesson && mod ? new mod.LessonRunner(lesson, session as never, { persisted: p }) : undefined;
  }

  /** Attaches a lesson runner to the current session. */
  private setLesson(runner: LessonRunner | undefined): void {
    if (!runner) return;
    this.unsubscribe();
    this.attach(this.session, runner);
    this.changed();
  }

  private lessonLang(lesson: Lesson): string {
    return lesson.languages.includes(this.prefs.lang) ? this.prefs.lang : (lesson.languages[0] ?? "en");
  }

  private replace(session: UiSession, lesson: LessonRunner | undefined, screens: ScreenLogs): void {
    this.unsubscribe();
    this.lesson?.dispose();
    this.session = session;
    this.screens = screens;
    this.driver.retarget(session);
    this.past = undefined;
    this.generation++;
    this.activeTerminal = session.terminals[0]?.id ?? 1;
    this.attach(session, lesson);
    this.saveNow();
    this.changed();
  }

  private attach(session: UiSession, lesson: LessonRunner | undefined): void {
    this.lesson = lesson;
    const offSession = session.subscribe(() => {
      this.saveSoon();
      this.changed();
    });
    const offLesson = lesson?.subscribe(() => {
      this.saveSoon();
      this.changed();
    });
    this.unsubscribe = () => {
      offSession();
      offLesson?.();
    };
  }

  private saveSoon(): void {
    if (this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => this.saveNow(), SAVE_INTERVAL_MS);
  }

  private savePrefs(): void {
    savePrefs(this.prefs);
    this.changed();
  }

  /**
   * Re-renders now (after a learner's action: a controlled checkbox or select must show the new value
   * at once, or React puts the old one back until the next frame).
   */
  flush(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
    this.version++;
    for (const l of this.listeners) l();
  }

  /** Announces a change to React, at most once per animation frame. */
  private changed(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.version++;
      for (const l of this.listeners) l();
    });
  }
}
