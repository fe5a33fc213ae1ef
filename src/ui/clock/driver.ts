/**
 * The clock the learner holds: pause, or play at 1×, 5× or 20× real time. While playing, the wall
 * time that passes (times the speed) is owed to the Session's clock, checked ten times a second. It
 * is paid (one `tick`) as soon as something is due within it, or once a whole simulated second is
 * owed: every tick is a recorded input of the session, so ticking only when it matters keeps the saved
 * session small (about one tick per simulated second instead of sixty) and shows every event on time.
 */

/** The speeds offered (0 = paused). */
export const SPEEDS = [0, 1, 5, 20] as const;

/** A speed. */
export type Speed = (typeof SPEEDS)[number];

/** Minimum wall ms between two ticks (10 Hz). */
const TICK_INTERVAL_MS = 100;
/** Longest wall gap counted at once (a background tab resumes without a jump of hours). */
const MAX_GAP_MS = 1000;

/** Simulated ms owed before a tick is paid even if nothing is due (the clock display moves each second). */
const MAX_OWED_MS = 1000;

/** What the driver moves. */
export interface Tickable {
  tick(ms: number): void;
  nextWake(): number | undefined;
  readonly cluster: { readonly now: number };
}

/** Drives a Tickable from requestAnimationFrame. */
export class ClockDriver {
  private speedValue: Speed;
  private frame = 0;
  private last = 0;
  /** Simulated ms owed to the session. */
  private owed = 0;
  private readonly listeners = new Set<() => void>();

  constructor(
    private target: Tickable,
    speed: Speed = 1,
  ) {
    this.speedValue = speed;
    this.schedule();
  }

  /** The current speed (0 = paused). */
  get speed(): Speed {
    return this.speedValue;
  }

  /** Changes the speed; 0 pauses. */
  setSpeed(speed: Speed): void {
    this.speedValue = speed;
    this.last = 0;
    this.owed = 0;
    this.schedule();
    for (const l of this.listeners) l();
  }

  /** Points the driver at another session (after reset or import). */
  retarget(target: Tickable): void {
    this.target = target;
    this.last = 0;
    this.owed = 0;
  }

  /** Calls `listener` when the speed changes. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops the animation-frame loop. */
  dispose(): void {
    cancelAnimationFrame(this.frame);
    this.frame = 0;
  }

  private schedule(): void {
    if (this.frame || this.speedValue === 0) return;
    this.frame = requestAnimationFrame((now) => this.onFrame(now));
  }

  private onFrame(now: number): void {
    this.frame = 0;
    if (this.speedValue === 0) return;
    if (this.last === 0) this.last = now;
    const gap = now - this.last;
    if (gap >= TICK_INTERVAL_MS) {
      this.last = now;
      this.owed += Math.round(Math.min(gap, MAX_GAP_MS) * this.speedValue);
      const wake = this.target.nextWake();
      const due = wake !== undefined && wake <= this.target.cluster.now + this.owed;
      if (due || this.owed >= MAX_OWED_MS) {
        const ms = this.owed;
        this.owed = 0;
        this.target.tick(ms);
      }
    }
    this.schedule();
  }
}
