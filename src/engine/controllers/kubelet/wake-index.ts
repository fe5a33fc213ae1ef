/**
 * The kubelet's runtime records by wake instant, so that a pass finds the records that are due, and the
 * clock the next instant, without reading all 20,000 records of a 10,000-replica rollout (those reads
 * were a second of its time). A cache, not state: it follows whatever runtime bucket it is shown by
 * comparing versions (diffChunks), so time travel and a second cluster only make it re-read more.
 */
import { type Bucket, diffChunks } from "../../store/bucket";
import type { PodRuntime } from "./runtime";

/** Runtime records by `wake`, kept in step with one runtime bucket at a time. */
export class WakeIndex {
  private version: Bucket<PodRuntime> | undefined;
  private readonly wakeOf = new Map<string, number>();
  private readonly byWake = new Map<number, Set<string>>();

  /** Brings the index in step with `records` (reads only the chunks that differ from the last ones seen). */
  follow(records: Bucket<PodRuntime> | undefined): void {
    diffChunks(
      this.version,
      records,
      (_, key) => this.drop(key),
      (rt, key) => {
        if (rt.wake !== undefined) this.add(key, rt.wake);
      },
    );
    this.version = records;
  }

  /** Keys whose wake is at or before `now`. */
  due(now: number): string[] {
    const out: string[] = [];
    for (const [at, keys] of this.byWake) if (at <= now) for (const k of keys) out.push(k);
    return out;
  }

  /** The earliest wake after `now`, if any. */
  next(now: number): number | undefined {
    let earliest: number | undefined;
    for (const at of this.byWake.keys())
      if (at > now && (earliest === undefined || at < earliest)) earliest = at;
    return earliest;
  }

  private add(key: string, at: number): void {
    this.wakeOf.set(key, at);
    const keys = this.byWake.get(at);
    if (keys) keys.add(key);
    else this.byWake.set(at, new Set([key]));
  }

  private drop(key: string): void {
    const at = this.wakeOf.get(key);
    if (at === undefined) return;
    this.wakeOf.delete(key);
    const keys = this.byWake.get(at);
    keys?.delete(key);
    if (keys?.size === 0) this.byWake.delete(at);
  }
}
