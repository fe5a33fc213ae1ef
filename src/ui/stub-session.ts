/** TEMPORARY development stand-in for src/session (deleted when the real Session lands). */
import { createCluster } from "../engine";
import type { UiSession, UiTerminal } from "./session-api";

/** A session whose terminals only echo. */
export function createStubSession(seed: number): UiSession {
  const cluster = createCluster({ seed });
  const listeners = new Set<() => void>();
  const terminals: UiTerminal[] = [];
  const transcript: UiSession["transcript"][number][] = [];
  const notify = () => {
    for (const l of listeners) l();
  };
  cluster.subscribe(notify);
  let next = 1;
  const open = (): UiTerminal => {
    const outs = new Set<(t: string, s: "stdout" | "stderr") => void>();
    const id = next++;
    const t: UiTerminal = {
      id,
      prompt: "$ ",
      busy: false,
      submit(line) {
        const stdout = line ? `stub: ${line}\n` : "";
        transcript.push({ terminal: id, line, stdout, stderr: "", exit: 0, t: cluster.now / 1000 });
        for (const o of outs) o(stdout, "stdout");
        notify();
      },
      interrupt() {},
      onOutput(cb) {
        outs.add(cb);
        return () => outs.delete(cb);
      },
      pendingEdit: undefined,
      complete: () => [],
    };
    terminals.push(t);
    notify();
    return t;
  };
  open();
  return {
    cluster,
    terminals,
    transcript,
    openTerminal: open,
    closeTerminal(id) {
      const i = terminals.findIndex((t) => t.id === id);
      if (i >= 0) terminals.splice(i, 1);
      notify();
    },
    tick: (ms) => cluster.advance(ms),
    nextWake: () => cluster.nextWake(),
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    toJSON: () => ({ stub: true }),
  };
}
