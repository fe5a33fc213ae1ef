/**
 * The object bucket (store/bucket.ts) behaves as a plain record of string keys does (values by key,
 * insertion order, a replaced value keeps its place) and is persistent: an older bucket never sees a
 * later write, whether the write happens inside a transaction's edit or outside one.
 */
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Bucket, diffChunks, editing } from "../../../src/engine/store/bucket";

type Op = { kind: "set"; key: string; value: number } | { kind: "delete"; key: string } | { kind: "commit" };

/** Keys from a small pool so that replacing and deleting present keys is common. */
const key = fc.integer({ min: 0, max: 40 }).map((n) => `default/pod-${n}`);
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant("set" as const), key, value: fc.integer() }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("delete" as const), key }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("commit" as const) }) },
);

/** A plain record of string keys, the model the bucket must match (insertion order included). */
function applyToRecord(record: Record<string, number>, o: Op): void {
  if (o.kind === "set") record[o.key] = o.value;
  else if (o.kind === "delete") delete record[o.key];
}

/** Runs `ops` as edits split at each `commit`, keeping every committed bucket with the record it must equal. */
function run(ops: Op[]): { bucket: Bucket<number>; record: Record<string, number> }[] {
  const record: Record<string, number> = {};
  let bucket = Bucket.empty<number>();
  const committed = [{ bucket, record: { ...record } }];
  let pending: Op[] = [];
  const commit = () => {
    bucket = editing(() => {
      let b = bucket;
      for (const o of pending) {
        if (o.kind === "set") b = b.with(o.key, o.value);
        else if (o.kind === "delete") b = b.without(o.key);
        applyToRecord(record, o);
      }
      return b;
    });
    pending = [];
    committed.push({ bucket, record: { ...record } });
  };
  for (const o of ops) {
    if (o.kind === "commit") commit();
    else pending.push(o);
  }
  commit();
  return committed;
}

function contents(b: Bucket<number>): [string, number][] {
  return b.entries();
}

/** The chunk of `b` whose entries include `key` (found by walking every chunk), if any. */
function chunkHolding<V>(b: Bucket<V>, key: string): number | undefined {
  for (let n = 0; n < b.chunkCount; n++) {
    let found = false;
    b.forEachInChunk(n, (_, k) => {
      if (k === key) found = true;
    });
    if (found) return n;
  }
  return undefined;
}

describe("object bucket", () => {
  test("holds what a plain record holds, in the same order, and every older bucket keeps its own contents", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        for (const { bucket, record } of run(ops)) {
          expect(contents(bucket)).toEqual(Object.entries(record));
          expect(bucket.keys()).toEqual(Object.keys(record));
          expect(bucket.values()).toEqual(Object.values(record));
          expect(bucket.size).toBe(Object.keys(record).length);
          for (const k of ["default/pod-0", "default/pod-7", "default/pod-40"]) {
            expect(bucket.get(k)).toBe(record[k]);
            expect(bucket.has(k)).toBe(k in record);
          }
          expect(JSON.stringify(bucket)).toBe(JSON.stringify(record));
        }
      }),
    );
  });

  test("changedChunks names every chunk where two versions differ; forEachInChunk agrees with it", () => {
    fc.assert(
      // Up to 700 writes: keys that come back are appended, so the sequence crosses chunks of 256.
      fc.property(fc.array(op, { maxLength: 700 }), fc.nat(), fc.nat(), (ops, i, j) => {
        const versions = run(ops);
        const older = versions[i % versions.length]?.bucket as Bucket<number>;
        const newer = versions[j % versions.length]?.bucket as Bucket<number>;
        const changed = new Set(newer.changedChunks(older));
        expect(new Set(older.changedChunks(newer))).toEqual(changed);
        const keys = new Set([...older.keys(), ...newer.keys()]);
        for (const k of keys) {
          if (older.get(k) === newer.get(k) && older.has(k) === newer.has(k)) continue;
          // A key that differs is in a changed chunk on each side that holds it.
          for (const b of [older, newer]) {
            const n = chunkHolding(b, k);
            if (n !== undefined) expect(changed.has(n)).toBe(true);
          }
        }
        // The chunks, walked in order, hold exactly the bucket's entries.
        const walked: [string, number][] = [];
        const chunks = newer.changedChunks(undefined);
        for (const n of chunks) newer.forEachInChunk(n, (v, k) => walked.push([k, v]));
        expect(walked).toEqual(newer.entries());
        for (const [k] of walked) expect(chunks).toContain(chunkHolding(newer, k));
      }),
    );
  });

  test("forEachChanged visits, in order, every entry that differs, forEachOfKeys every key asked for; diffChunks keeps a copy in step", () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 700 }), fc.nat(), fc.nat(), fc.array(key), (ops, i, j, asked) => {
        const versions = run(ops);
        const older = versions[i % versions.length]?.bucket as Bucket<number>;
        const newer = versions[j % versions.length]?.bucket as Bucket<number>;
        const also = new Set(asked);
        const visited: string[] = [];
        newer.forEachChanged(older, (_, k) => visited.push(k));
        const order = newer.keys();
        // A subsequence of the bucket's order, holding every changed entry.
        expect(visited).toEqual(order.filter((k) => visited.includes(k)));
        for (const k of order) {
          if (!older.has(k) || older.get(k) !== newer.get(k)) expect(visited).toContain(k);
        }
        // Every present key asked for, and only those, in the bucket's order.
        const named: [string, number][] = [];
        newer.forEachOfKeys(asked, (v, k) => named.push([k, v]));
        expect(named).toEqual(newer.entries().filter(([k]) => also.has(k)));
        // A cache of the entries, moved from `older` to `newer` by what diffChunks undoes and redoes.
        const copy = new Map(older.entries());
        diffChunks(
          older,
          newer,
          (v, k) => {
            expect(copy.get(k)).toBe(v);
            copy.delete(k);
          },
          (v, k) => {
            expect(copy.has(k)).toBe(false);
            copy.set(k, v);
          },
        );
        expect(new Map(newer.entries())).toEqual(copy);
      }),
    );
  });

  test("large buckets (index shards split into leaves) match the record too, older versions included", () => {
    // 3,000 keys from a pool of 5,000: more than 32 keys fall in a shard, so shards split, within an
    // edit and across edits, while older versions keep their unsplit shards.
    const bigKey = fc.integer({ min: 0, max: 5000 }).map((n) => `default/web-${n.toString(36)}`);
    const bigOp: fc.Arbitrary<Op> = fc.oneof(
      {
        weight: 30,
        arbitrary: fc.record({ kind: fc.constant("set" as const), key: bigKey, value: fc.integer() }),
      },
      { weight: 8, arbitrary: fc.record({ kind: fc.constant("delete" as const), key: bigKey }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("commit" as const) }) },
    );
    fc.assert(
      fc.property(fc.array(bigOp, { minLength: 2000, maxLength: 4000, size: "max" }), (ops) => {
        for (const { bucket, record } of run(ops)) {
          expect(bucket.size).toBe(Object.keys(record).length);
          for (const k of Object.keys(record)) expect(bucket.get(k)).toBe(record[k]);
          expect(bucket.keys()).toEqual(Object.keys(record));
        }
      }),
      { numRuns: 5 },
    );
  });

  test("writes outside an edit copy: the bucket written to is never changed", () => {
    const a = Bucket.from([["x", 1]]);
    const b = a.with("y", 2);
    const c = b.without("x");
    expect(a.entries()).toEqual([["x", 1]]);
    expect(b.entries()).toEqual([
      ["x", 1],
      ["y", 2],
    ]);
    expect(c.entries()).toEqual([["y", 2]]);
  });

  test("inside an edit, a bucket the edit made is changed in place; one made before is not", () => {
    const before = Bucket.from([["x", 1]]);
    editing(() => {
      const mine = before.with("y", 2);
      expect(mine).not.toBe(before);
      expect(mine.with("z", 3)).toBe(mine);
      expect(before.keys()).toEqual(["x"]);
    });
  });

  test("churn far past the chunk size renumbers and keeps the order", () => {
    let b = Bucket.empty<number>();
    // 5,000 keys come and go, 3 stay: the sequence runs far ahead of the size, which triggers renumbering.
    b = b.with("first", 1).with("second", 2);
    editing(() => {
      for (let i = 0; i < 5000; i++) b = b.with(`tmp-${i}`, i).without(`tmp-${i}`);
    });
    b = b.with("third", 3);
    expect(b.entries()).toEqual([
      ["first", 1],
      ["second", 2],
      ["third", 3],
    ]);
  });
});
