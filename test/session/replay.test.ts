/**
 * Persistence keeps consecutive clock ticks as one input. The rule it relies on: where the clock was
 * stopped does not matter (time stops at the same due instants, snapshots keep only changes), so a
 * record replayed with merged ticks, with ticks cut differently, and the live session are the same,
 * byte for byte: transcripts, cluster values, snapshots (time travel), terminals.
 */
import { describe, expect, it } from "vitest";
import { Session, type SessionInput, type SessionRecord } from "../../src/session";
import { HTTP_GO_V1 as APP } from "../scenarios/manifests";

/** Moves the clock `ms` in ticks of `step` ms, as a UI or the CLI driving the clock in small steps does. */
function tickBy(s: Session, ms: number, step: number): void {
  for (let done = 0; done < ms; done += step) s.tick(Math.min(step, ms - done));
}

/** A session that watches, loops, rolls out, spins, travels back in time and goes on, ticked every 137 ms. */
function liveSession(): Session {
  const s = new Session({ seed: 5, files: { "app.yaml": APP } });
  const one = s.terminals[0];
  const two = s.openTerminal();
  one?.submit("kubectl create -f app.yaml");
  two.submit("kubectl get pods -w");
  tickBy(s, 20_000, 137);
  one?.submit("while true; do kubectl get deploy http-go --no-headers; sleep 3; done");
  tickBy(s, 7_000, 137);
  one?.interrupt();
  one?.submit("kubectl set image deploy/http-go http-go=gasbugs/http-go:v2");
  one?.submit("kubectl rollout status deploy/http-go");
  tickBy(s, 30_000, 137);
  two.interrupt();
  // A loop that never waits counts 1000 turns as a simulated second, however the clock is ticked.
  two.submit("i=0; while true; do i=$((i+1)); done");
  tickBy(s, 2_500, 137);
  two.interrupt();
  two.submit("echo $i");
  s.travelTo(31_000);
  one?.submit("kubectl get rs");
  tickBy(s, 10_000, 137);
  one?.submit("kubectl get pods");
  return s;
}

/** The record with every tick cut into pieces of `step` ms (an unmerged record). */
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
function observed(s: Session) {
  return {
    transcript: s.transcript,
    state: JSON.stringify(s.cluster.state),
    snapshots: s.snapshots().map((x) => `${x.t} ${JSON.stringify(x.state)}`),
    terminals: s.terminals.map((t) => [t.id, t.prompt, t.busy]),
  };
}

describe("merged ticks replay byte for byte", () => {
  const live = liveSession();
  const record: SessionRecord = JSON.parse(JSON.stringify(live.toJSON()));

  it("consecutive ticks are one input in the record", () => {
    const kinds = record.inputs.map((i) => i.kind);
    expect(kinds.some((k, i) => k === "tick" && kinds[i - 1] === "tick")).toBe(false);
    // 5 runs of ticks (about 510 ticks of 137 ms in the live session).
    expect(kinds.filter((k) => k === "tick")).toHaveLength(5);
  });

  it("the merged record, the record cut into other ticks, and the live session agree", () => {
    const want = observed(live);
    expect(want.transcript.length).toBeGreaterThan(5);
    expect(observed(Session.fromJSON(record))).toEqual(want);
    const cut = cutTicks(record, 250);
    expect(cut.inputs.length).toBeGreaterThan(250);
    expect(observed(Session.fromJSON(cut))).toEqual(want);
  });

  it("the rollout happened, the busy loop turned 1000 times a second, time travel went back", () => {
    const lines = live.transcript.map((e) => e.line);
    expect(lines).toContain("kubectl rollout status deploy/http-go");
    // 999 turns before the first simulated second is waited, then 1000 per second; Ctrl-C at 2.5 s.
    expect(live.transcript.find((e) => e.line === "echo $i")?.stdout).toBe("2999\n");
    expect(live.transcript.at(-1)?.t).toBe(Math.floor(live.cluster.now / 1000));
  });
});

describe("Ctrl-D ends the input of a program reading lines", () => {
  it("an in-pod shell exits at end of input, kubectl run cleans up, and the record replays it", () => {
    const s = new Session();
    const t = s.terminals[0];
    t?.submit("kubectl run tmp -it --rm --image busybox -- sh");
    tickBy(s, 60_000, 1000);
    expect(t?.prompt).toBe("/ # ");
    t?.submit("hostname");
    t?.eof();
    tickBy(s, 60_000, 1000);
    expect(t?.prompt).toBe("$ ");
    expect(s.transcript.map((e) => [e.line, e.stdout])).toEqual([
      ["kubectl run tmp -it --rm --image busybox -- sh", ""],
      [
        "hostname",
        "tmp\nSession ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n",
      ],
    ]);
    const replayed = Session.fromJSON(JSON.parse(JSON.stringify(s.toJSON())));
    expect(replayed.transcript).toEqual(s.transcript);
    expect(s.toJSON().inputs.map((i) => i.kind)).toEqual(["line", "tick", "line", "eof", "tick"]);
  });

  it("kubectl apply -f - typed at the terminal reads lines until Ctrl-D; they join its entry", () => {
    const s = new Session();
    const t = s.terminals[0];
    const manifest = ["apiVersion: v1", "kind: ConfigMap", "metadata:", "  name: typed"];
    t?.submit("kubectl apply -f -");
    for (const l of manifest) t?.submit(l);
    expect(s.transcript.map((e) => [e.line, e.stdout, e.exit])).toEqual([
      [["kubectl apply -f -", ...manifest].join("\n"), "", null],
    ]);
    t?.eof();
    expect(s.transcript.map((e) => [e.line, e.stdout, e.exit])).toEqual([
      [["kubectl apply -f -", ...manifest].join("\n"), "configmap/typed created\n", 0],
    ]);
    expect(Session.fromJSON(JSON.parse(JSON.stringify(s.toJSON()))).transcript).toEqual(s.transcript);
  });
});
