/**
 * A bucket: the stored objects of one resource, as a persistent map that keeps insertion order (a
 * replaced value keeps its place, a removed key that comes back goes to the end, as with a plain
 * object's string keys). Immer treats it as one opaque value, so a write never copies the whole bucket.
 *
 * Why not a plain record in the immer draft: a 10,000-replica rollout keeps up to 20,000 pods in one
 * bucket. Immer copied that record whole on every controller pass that wrote a pod (2.3 s of the
 * rollout) and walked it on every commit, and `Object.values` of a 20,000-key record takes 10 ms
 * (V8 sorts a dictionary-mode object's keys by insertion index on each call), three times per round.
 *
 * Layout: values sit in chunks of 256 by insertion sequence (iteration walks the chunks in order); the
 * key → sequence index is 64 shards by a hash of the key, a large shard split into 64 leaves. A write
 * copies only the chunk, leaf and index nodes it touches, once per transaction: nodes made during the
 * running transaction (see `editing`) are changed in place, every other node is shared with older values
 * and copied first.
 */

/** Values per chunk: a chunk copy stays around a microsecond. */
const CHUNK_BITS = 8;
const CHUNK = 1 << CHUNK_BITS;
/**
 * Index fan-out per trie level. The index is 64 shards; a shard that grows past SPLIT_AT keys becomes 64
 * leaves. One level alone did not do: a pass that adds 2,500 pods touches every shard, and with 64 shards
 * of 300 keys it copied the whole 20,000-key index (200 MB of Map copies in a 10,000-replica rollout);
 * two levels everywhere did not either: the hundreds of 256-event buckets then held a leaf per key
 * and 64-slot arrays above them, 75 MB more at the rollout's peak.
 */
const FANOUT_BITS = 6;
const FANOUT = 1 << FANOUT_BITS;
/** A shard becomes leaves when it would hold more keys than this (a copy of 32 entries is cheap). */
const SPLIT_AT = 32;

/** The key → sequence index: FANOUT shards, each a leaf or FANOUT leaves (any of them possibly missing). */
type Index = (Leaf | Leaf[])[];
type Leaf = Map<string, number> | undefined;

interface Chunk<V> {
  keys: (string | undefined)[];
  values: (V | undefined)[];
  live: number;
}

/**
 * The nodes made by the running transaction, which it may change in place; null outside one. A strong
 * Set, not a WeakSet: it lives only as long as the edit, and weak collections cost every young-generation
 * GC (the scavenger processes their entries as ephemerons), of which a large rollout runs hundreds.
 */
let owned: Set<object> | null = null;
/** Values stored during the running edit, to freeze when it ends (only while `freezeStored` is on). */
let stored: object[] | null = null;
let freezing = false;

/**
 * Deep-freezes every value stored in a bucket when its edit ends, so that code changing a stored object
 * in place (which would change older snapshots too) fails loudly. On where tests run, as immer's autoFreeze.
 */
export function freezeStored(on: boolean): void {
  freezing = on;
}

/**
 * Runs `fn` as one edit: buckets (and their parts) it makes may be changed in place until it returns,
 * after which they are as immutable as every older one. Nested edits own only what they make.
 */
export function editing<T>(fn: () => T): T {
  const outerOwned = owned;
  const outerStored = stored;
  owned = new Set();
  stored = freezing ? [] : null;
  try {
    return fn();
  } finally {
    // Once the edit ends its nodes are as shared as any older ones; frozen, an edit in place that skipped
    // the ownership check fails loudly (a Map's entries stay writable: buckets reach theirs only through `own*`).
    if (freezing) for (const node of owned) Object.freeze(node);
    for (const v of stored ?? []) deepFreeze(v);
    owned = outerOwned;
    stored = outerStored;
  }
}

/** `value` deep-frozen where stored values are (`freezeStored`): for values built from the store on read. */
export function frozenLikeStored<T extends object>(value: T): T {
  if (freezing) deepFreeze(value);
  return value;
}

/** Objects frozen with everything under them (a value frozen at the top only, as the kubelet's records are, is walked still). */
const deepFrozen = new WeakSet<object>();

function deepFreeze(value: object): void {
  if (deepFrozen.has(value)) return;
  Object.freeze(value);
  deepFrozen.add(value);
  for (const v of Object.values(value)) if (v !== null && typeof v === "object") deepFreeze(v);
}

/** Marks `node`, just made by the running edit, as one the edit may change in place (the rest of the store's persistent values use this too). */
export function mine<T extends object>(node: T): T {
  owned?.add(node);
  return node;
}

/** True when the running edit made `node` (see `mine`), so changing it in place touches no older value. */
export function isMine(node: object): boolean {
  return owned?.has(node) === true;
}

/**
 * FNV-1a over the key's last 8 characters: the low 6 bits pick the shard, the next 6 its leaf once split. The tail is where keys differ
 * (pod names end in 5 random characters, ReplicaSets in their hash, events in a counter); hashing whole
 * 40-character keys made lookups the largest single cost of a rollout's scans.
 */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, key.length - 8); i < key.length; i++)
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The leaf of the index that holds `key`, if there is one yet. */
function leafOf(index: Index, key: string): Leaf {
  const h = hashOf(key);
  const shard = index[h & (FANOUT - 1)];
  return Array.isArray(shard) ? shard[(h >>> FANOUT_BITS) & (FANOUT - 1)] : shard;
}

/**
 * A copy of a leaf (an empty map for none). Entry by entry through forEach: `new Map(leaf)` runs the
 * iterator protocol, an object per entry, and was a thirtieth of what a 10,000-replica rollout allocated.
 */
function copyMap(leaf: Leaf): Map<string, number> {
  const copy = new Map<string, number>();
  leaf?.forEach((seq, key) => {
    copy.set(key, seq);
  });
  return copy;
}

/** The FANOUT leaves a full shard's keys go to, by the next bits of their hash (all owned by the running edit). */
function split(shard: Map<string, number>): Leaf[] {
  const leaves: Leaf[] = [];
  for (const [key, seq] of shard) {
    const l = (hashOf(key) >>> FANOUT_BITS) & (FANOUT - 1);
    let leaf = leaves[l];
    if (!leaf) {
      leaf = mine(new Map<string, number>());
      leaves[l] = leaf;
    }
    leaf.set(key, seq);
  }
  return mine(leaves);
}

/** A persistent, insertion-ordered map from object key to stored value. */
export class Bucket<V> {
  private constructor(
    private index: Index,
    private chunks: (Chunk<V> | undefined)[],
    private nextSeq: number,
    /** How many keys it holds. */
    public size: number,
  ) {}

  /** A bucket with nothing in it. */
  static empty<V>(): Bucket<V> {
    return new Bucket<V>([], [], 0, 0);
  }

  /** A bucket holding `entries` in their order (later duplicates replace earlier values in place). */
  static from<V>(entries: Iterable<readonly [string, V]>): Bucket<V> {
    return editing(() => {
      let b = Bucket.empty<V>();
      for (const [k, v] of entries) b = b.with(k, v);
      return b;
    });
  }

  /** The value under `key`. */
  get(key: string): V | undefined {
    const seq = leafOf(this.index, key)?.get(key);
    if (seq === undefined) return undefined;
    return this.chunks[seq >>> CHUNK_BITS]?.values[seq & (CHUNK - 1)];
  }

  /** True when `key` is present. */
  has(key: string): boolean {
    return leafOf(this.index, key)?.has(key) ?? false;
  }

  /** Every value, in insertion order. */
  values(): V[] {
    const out: V[] = [];
    for (const c of this.chunks) {
      if (!c) continue;
      for (let i = 0; i < c.values.length; i++) if (c.keys[i] !== undefined) out.push(c.values[i] as V);
    }
    return out;
  }

  /** Calls `fn` with every value and key, in insertion order (no array is made: the scans of a 20,000-pod bucket run this). */
  forEach(fn: (value: V, key: string) => void): void {
    for (const c of this.chunks) {
      if (!c) continue;
      for (let i = 0; i < c.keys.length; i++) {
        const k = c.keys[i];
        if (k !== undefined) fn(c.values[i] as V, k);
      }
    }
  }

  /**
   * The chunks (by number, ascending) whose contents may differ from `older`'s: those that are not the
   * same object in both. A committed chunk never changes, so every other chunk holds exactly what `older`
   * holds there. Any two buckets can be compared (an unrelated one differs everywhere); this is how a
   * controller visits only what changed since its last pass, as an informer's watch would tell it.
   */
  changedChunks(older: Bucket<V> | undefined): number[] {
    const out: number[] = [];
    const theirs = older?.chunks ?? [];
    const n = Math.max(this.chunks.length, theirs.length);
    for (let i = 0; i < n; i++) if (this.chunks[i] !== theirs[i]) out.push(i);
    return out;
  }

  /** Calls `fn` with every value and key of chunk `n` (see changedChunks), in insertion order. */
  forEachInChunk(n: number, fn: (value: V, key: string) => void): void {
    const c = this.chunks[n];
    if (!c) return;
    for (let i = 0; i < c.keys.length; i++) {
      const k = c.keys[i];
      if (k !== undefined) fn(c.values[i] as V, k);
    }
  }

  /**
   * Calls `fn` with every entry that `older` does not hold at the same place, in insertion order. A
   * committed slot never changes, so the same key and value at the same sequence number in both is the
   * same entry: only chunks that are not the same object are read, and in a chunk where one pod of 256
   * changed, the other 255 are skipped without a lookup. Any two buckets can be compared (an unrelated
   * one differs almost everywhere; `undefined` holds nothing).
   */
  forEachChanged(older: Bucket<V> | undefined, fn: (value: V, key: string) => void): void {
    for (const n of this.changedChunks(older)) {
      const c = this.chunks[n];
      if (!c) continue;
      const o = older?.chunks[n];
      for (let i = 0; i < c.keys.length; i++) {
        const k = c.keys[i];
        if (k === undefined) continue;
        if (o !== undefined && o.keys[i] === k && o.values[i] === c.values[i]) continue;
        fn(c.values[i] as V, k);
      }
    }
  }

  /** Calls `fn` once with each entry whose key is in `keys`, in insertion order (absent keys are skipped). */
  forEachOfKeys(keys: Iterable<string>, fn: (value: V, key: string) => void): void {
    // By sequence number, which is insertion order: no chunk is scanned for the few keys asked for.
    const seqs: number[] = [];
    for (const key of keys) {
      const seq = leafOf(this.index, key)?.get(key);
      if (seq !== undefined) seqs.push(seq);
    }
    seqs.sort((a, b) => a - b);
    let last = -1;
    for (const seq of seqs) {
      if (seq === last) continue;
      last = seq;
      const c = this.chunks[seq >>> CHUNK_BITS] as Chunk<V>;
      fn(c.values[seq & (CHUNK - 1)] as V, c.keys[seq & (CHUNK - 1)] as string);
    }
  }

  /** How many chunk numbers there are (some may be empty): chunks run from 0 to chunkCount − 1. */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /**
   * An object that stands for the contents of chunk `n` (undefined when it is empty): the same object in
   * any two buckets exactly where the chunk is unchanged (see changedChunks), so a cache of something
   * computed from a chunk can be keyed by it. Read nothing from it.
   */
  chunkToken(n: number): object | undefined {
    return this.chunks[n];
  }

  /** Every key, in insertion order. */
  keys(): string[] {
    const out: string[] = [];
    for (const c of this.chunks) {
      if (!c) continue;
      for (const k of c.keys) if (k !== undefined) out.push(k);
    }
    return out;
  }

  /** Every `[key, value]`, in insertion order. */
  entries(): [string, V][] {
    const out: [string, V][] = [];
    for (const c of this.chunks) {
      if (!c) continue;
      for (let i = 0; i < c.keys.length; i++) {
        const k = c.keys[i];
        if (k !== undefined) out.push([k, c.values[i] as V]);
      }
    }
    return out;
  }

  /** The bucket with `value` under `key` (in place when this transaction made it). */
  with(key: string, value: V): Bucket<V> {
    const b = this.own();
    if (stored && value !== null && typeof value === "object") stored.push(value);
    const seq = leafOf(b.index, key)?.get(key);
    if (seq !== undefined) {
      b.ownChunk(seq >>> CHUNK_BITS).values[seq & (CHUNK - 1)] = value;
      return b;
    }
    const added = b.nextSeq++;
    b.ownLeaf(key).set(key, added);
    const chunk = b.ownChunk(added >>> CHUNK_BITS);
    chunk.keys[added & (CHUNK - 1)] = key;
    chunk.values[added & (CHUNK - 1)] = value;
    chunk.live++;
    b.size++;
    return b;
  }

  /** The bucket without `key` (the same bucket when it was not there). */
  without(key: string): Bucket<V> {
    const seq = leafOf(this.index, key)?.get(key);
    if (seq === undefined) return this;
    const b = this.own();
    b.ownLeaf(key).delete(key);
    const chunkNo = seq >>> CHUNK_BITS;
    const chunk = b.ownChunk(chunkNo);
    chunk.keys[seq & (CHUNK - 1)] = undefined;
    chunk.values[seq & (CHUNK - 1)] = undefined;
    if (--chunk.live === 0) b.chunks[chunkNo] = undefined;
    b.size--;
    // Keys only ever move to the end, so churn (pods replaced over and over) leaves empty sequence
    // ranges behind; renumbering once they outnumber the live keys 4 to 1 keeps iteration and copies
    // proportional to the size.
    if (b.nextSeq > 4 * (b.size + CHUNK)) return Bucket.from(b.entries());
    return b;
  }

  /** Plain `{key: value}` in insertion order, for JSON.stringify (session records, test comparisons). */
  toJSON(): Record<string, V> {
    return Object.fromEntries(this.entries());
  }

  private own(): Bucket<V> {
    if (isMine(this)) return this;
    return mine(new Bucket<V>(this.index, this.chunks, this.nextSeq, this.size));
  }

  /**
   * The leaf for `key`, made or copied (with the index above it) so that this edit may change it; a shard
   * that is a single leaf and already full is split into leaves first.
   */
  private ownLeaf(key: string): Map<string, number> {
    const h = hashOf(key);
    if (!isMine(this.index)) this.index = mine([...this.index]);
    const m = h & (FANOUT - 1);
    let shard = this.index[m];
    if (!Array.isArray(shard)) {
      if (!shard || shard.size < SPLIT_AT) {
        if (shard && isMine(shard)) return shard;
        const copy = mine(copyMap(shard));
        this.index[m] = copy;
        return copy;
      }
      shard = split(shard);
      this.index[m] = shard;
    } else if (!isMine(shard)) {
      shard = mine([...shard]);
      this.index[m] = shard;
    }
    const l = (h >>> FANOUT_BITS) & (FANOUT - 1);
    const leaf = shard[l];
    if (leaf && isMine(leaf)) return leaf;
    const copy = mine(copyMap(leaf));
    shard[l] = copy;
    return copy;
  }

  private ownChunk(n: number): Chunk<V> {
    if (!isMine(this.chunks)) this.chunks = mine([...this.chunks]);
    const chunk = this.chunks[n];
    if (chunk && isMine(chunk)) return chunk;
    const copy = mine(
      chunk
        ? { keys: [...chunk.keys], values: [...chunk.values], live: chunk.live }
        : { keys: [], values: [], live: 0 },
    );
    this.chunks[n] = copy;
    return copy;
  }
}

/** The chunks where two versions may differ (Bucket.changedChunks), either of them possibly missing. */
export function chunksThatDiffer<V>(now: Bucket<V> | undefined, before: Bucket<V> | undefined): number[] {
  if (now) return now.changedChunks(before);
  return before ? before.changedChunks(undefined) : [];
}

/**
 * What a cache kept in step with a bucket undoes and redoes to move from `before` to `now`: `gone` with
 * every entry of `before` that `now` does not hold at the same place, then `came` with every entry of
 * `now` that `before` does not (see Bucket.forEachChanged). All of `gone` comes first, so a key that
 * moved to another place is undone before it is redone.
 */
export function diffChunks<V>(
  before: Bucket<V> | undefined,
  now: Bucket<V> | undefined,
  gone: (value: V, key: string) => void,
  came: (value: V, key: string) => void,
): void {
  if (before === now) return;
  before?.forEachChanged(now, gone);
  now?.forEachChanged(before, came);
}
