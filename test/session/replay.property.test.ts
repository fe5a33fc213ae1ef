/**
 * SR1 (session replay): a session record replays to the live session byte for byte however its clock
 * ticks are cut: merged as record() keeps them, or cut into other pieces. Random sessions of two
 * terminals: kubectl writes and watches, waiting and spinning loops, Ctrl-C, ticks of 1 ms to 9 s, and
 * time travel back to a random earlier moment.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Session, type SessionInput, type SessionRecord } from "../../src/session";

/** Runs (PROPERTY_RUNS overrides it for a longer search). */
const RUNS = Number(process.env.PROPERTY_RUNS ?? 12);

const LINES = [
  "kubectl create deployment web --image=gasbugs/http-go:v1 --replicas=2",
  "kubectl scale deploy web --replicas=4",
  "kubectl set image deploy/web http-go=gasbugs/http-go:v2",
  "kubectl rollout status deploy/web",
  "kubectl get pods",
  "kubectl get rs -w",
  "while true; do kubectl get deploy web --no-headers; sleep 2; done",
  "i=0; while true; do i=$((i+1)); done",
  "echo $i",
  "sleep 4; echo slept",
  "kubectl delete deploy web",
] as const;

type Action =
  | { kind: "line"; terminal: 0 | 1; line: number }
  | { kind: "interrupt"; terminal: 0 | 1 }
  | { kind: "tick"; ms: number }
  | { kind: "travel"; back: number };

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant("line" as const),
      terminal: fc.constantFrom(0 as const, 1 as const),
      line: fc.nat(LINES.length - 1),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("interrupt" as const),
      terminal: fc.constantFrom(0 as const, 1 as const),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({ kind: fc.constant("tick" as const), ms: fc.integer({ min: 1, max: 9000 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant("travel" as const), back: fc.integer({ min: 0, max: 20_000 }) }),
  },
);

/** Plays `actions` on a new session with two terminals. */
function play(actions: Action[]): Session {
  const s = new Session({ seed: 9 });
  s.openTerminal();
  for (const a of actions) {
    const t = a.kind === "line" || a.kind === "interrupt" ? s.terminals[a.terminal] : undefined;
    if (a.kind === "line") t?.submit(LINES[a.line] as string);
    else if (a.kind === "interrupt") t?.interrupt();
    else if (a.kind === "tick") s.tick(a.ms);
    else s.travelTo(Math.max(0, s.cluster.now - a.back));
  }
  return s;
}

/** The record with every tick cut into pieces of `step` ms. */
function cutTicks(r: SessionRecord, step: number): SessionRecord {
  const inputs: SessionInput[] = [];
  for (const i of r.inputs) {
    if (i.kind !== "tick") inputs.push(i);
    else
      for (let left = Number(i.payload); left > 0; left -= step)
        inputs.push({ ...i, payload: Math.min(step, left) });
  }
  return { ...r, inputs };
}

/** Everything a replay must reproduce. */
function observed(s: Session): string {
  return JSON.stringify({
    transcript: s.transcript,
    state: s.cluster.state,
    snapshots: s.snapshots(),
    terminals: s.terminals.map((t) => [t.id, t.prompt, t.busy]),
  });
}

describe("session replay (properties)", () => {
  it("SR1 live = replay of the merged record = replay of the record cut into other ticks", {
    timeout: 300_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.array(actionArb, { minLength: 5, maxLength: 30 }),
        fc.integer({ min: 50, max: 3000 }),
        (actions, step) => {
          const live = play(actions);
          const record: SessionRecord = JSON.parse(JSON.stringify(live.toJSON()));
          const want = observed(live);
          expect(observed(Session.fromJSON(record))).toBe(want);
          expect(observed(Session.fromJSON(cutTicks(record, step)))).toBe(want);
        },
      ),
      { numRuns: RUNS },
    );
  });
});
