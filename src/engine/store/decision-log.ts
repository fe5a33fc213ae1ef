/**
 * The decision log as a persistent, append-only list in chunks of 256. It was a plain array in the immer
 * draft: each controller pass that decided anything copied the whole array (100,000 decisions by the end
 * of a 10,000-replica rollout) and pushed through a proxy. Appending here copies only the last chunk.
 */

/** Decisions per chunk. */
const CHUNK = 256;

/** An append-only list: older values are never changed by an append. */
export class DecisionLog<T> {
  private constructor(
    private readonly chunks: readonly (readonly T[])[],
    /** How many entries it holds. */
    readonly length: number,
  ) {}

  /** A log with nothing in it. */
  static empty<T>(): DecisionLog<T> {
    return new DecisionLog<T>([], 0);
  }

  /** The log with `items` added at the end (this log when there are none). */
  append(items: readonly T[]): DecisionLog<T> {
    if (items.length === 0) return this;
    const chunks = this.chunks.slice();
    let last =
      chunks.length > 0 && (chunks[chunks.length - 1] as T[]).length < CHUNK
        ? [...(chunks.pop() as T[])]
        : [];
    for (const item of items) {
      if (last.length === CHUNK) {
        chunks.push(last);
        last = [];
      }
      last.push(item);
    }
    chunks.push(last);
    return new DecisionLog(chunks, this.length + items.length);
  }

  /** The entry at `index` (0 is the oldest). */
  at(index: number): T | undefined {
    if (index < 0 || index >= this.length) return undefined;
    return this.chunks[Math.floor(index / CHUNK)]?.[index % CHUNK];
  }

  /** Every entry, oldest first, as a new array. */
  toArray(): T[] {
    return this.chunks.flat() as T[];
  }

  /** The entries as a JSON array (the shape the log had as a plain array). */
  toJSON(): T[] {
    return this.toArray();
  }
}
