/**
 * Evaluates a check against a LessonWorld: true or false, and what was observed (so a failed check can
 * say "revision >= 2 — observed 1"). Observations are language-neutral; messages.ts words them.
 */
import { allEvents, type ClusterState, type KObject } from "../../engine";
import {
  containersOf,
  findObject,
  historyOf,
  podMetric,
  podReasons,
  readyEndpoints,
  replicaSetMetric,
  revisionOf,
  selectObjects,
  valueAt,
} from "./observe";
import type { Check, Comparison, ObjectTest, Query } from "./types";
import type { LessonWorld, StepMark } from "./world";

/** What a check saw: a value, or a phrase (localized later) with an optional argument. */
export type Observation =
  | { value: string }
  | {
      phrase: "notFound" | "exists" | "paused" | "notPaused" | "noCondition" | "noCommand" | "notRunning";
      arg?: string;
    };

/** The outcome of one check. */
export interface Outcome {
  ok: boolean;
  observed: Observation;
}

/** True if `observed` satisfies `cmp` (numbers compare as numbers, the rest as text). */
export function compare(observed: string, cmp: Comparison): boolean {
  const isNum = (s: string) => /^-?\d+(\.\d+)?$/.test(s);
  const numeric = isNum(observed) && isNum(cmp.value);
  const a = numeric ? Number(observed) : observed;
  const b = numeric ? Number(cmp.value) : cmp.value;
  switch (cmp.op) {
    case "==":
      return a === b;
    case "!=":
      return a !== b;
    case ">=":
      return a >= b;
    case "<=":
      return a <= b;
    case ">":
      return a > b;
    case "<":
      return a < b;
    case "contains":
      return observed.includes(cmp.value);
    case "!contains":
      return !observed.includes(cmp.value);
  }
}

/** Evaluates `check` now. `mark` is where the current step began (for `command …` checks). */
export function evaluate(check: Check, world: LessonWorld, mark: StepMark): Outcome {
  const raw = evaluateQuery(check.query, world, mark);
  return check.negate ? { ...raw, ok: !raw.ok } : raw;
}

/** Evaluates a cluster-only check against one cluster state (used for `always`/`ever` over time). */
export function evaluateOnState(check: Check, state: ClusterState): Outcome {
  return evaluate(check, { state, transcript: [], terminals: [] }, { transcriptIndex: 0, t: 0 });
}

function value(v: unknown, cmp: Comparison): Outcome {
  const text =
    v === undefined || v === null ? "<none>" : typeof v === "object" ? JSON.stringify(v) : String(v);
  return { ok: compare(text, cmp), observed: { value: text } };
}

function evaluateQuery(q: Query, world: LessonWorld, mark: StepMark): Outcome {
  const state = world.state;
  switch (q.kind) {
    case "object": {
      const obj = findObject(state, q.resource, q.namespace, q.name);
      return objectTest(state, obj, q.test, q.namespace, q.name);
    }
    case "history":
    case "historyCause": {
      const d = findObject(state, "deployments", q.namespace, q.name);
      if (!d) return { ok: false, observed: { phrase: "notFound" } };
      const rows = historyOf(state, d);
      if (q.kind === "history") {
        const listed = rows.map(revisionOf).join(",");
        return { ok: listed === q.lists.join(","), observed: { value: listed || "<none>" } };
      }
      const rs = rows.find((r) => revisionOf(r) === q.revision);
      if (!rs) return { ok: false, observed: { phrase: "notFound", arg: `revision ${q.revision}` } };
      return value(rs.metadata.annotations?.["kubernetes.io/change-cause"] ?? "<none>", q.cmp);
    }
    case "set": {
      let objs = selectObjects(state, q.resource, q.namespace, q.selector);
      const image = q.image;
      if (image !== undefined) objs = objs.filter((o) => containersOf(o).some((c) => c.image === image));
      const reason = q.reason;
      if (reason !== undefined) objs = objs.filter((o) => podReasons(o).includes(reason));
      const n = q.resource === "pods" ? podMetric(objs, q.metric) : replicaSetMetric(objs, q.metric);
      return value(n, q.cmp);
    }
    case "event":
      return eventQuery(state, q);
    case "lastCommand": {
      const last = [...world.transcript].reverse().find((c) => c.exit !== null);
      if (!last) return { ok: false, observed: { phrase: "noCommand" } };
      return value(q.field === "exit" ? last.exit : last[q.field], q.cmp);
    }
    case "command": {
      const runs = world.transcript.slice(mark.transcriptIndex).filter((c) => c.line.includes(q.text));
      const last = runs[runs.length - 1];
      if (!last) return { ok: false, observed: { phrase: "noCommand" } };
      if (!q.test) return { ok: true, observed: { value: last.line } };
      const { field, cmp } = q.test;
      const shown = (c: (typeof runs)[number]) => String(field === "exit" ? c.exit : c[field]);
      // Any finished run that satisfies the test passes: the learner may have tried several times.
      const hit = runs.find((c) => c.exit !== null && compare(shown(c), cmp));
      return { ok: hit !== undefined, observed: { value: shown(hit ?? last) } };
    }
    case "terminalRunning": {
      // A line typed into an in-pod shell is an entry of its own, running (exit null) until it ends.
      const open = new Set(world.terminals.map((t) => t.id));
      const run = world.transcript.find(
        (c) => c.exit === null && open.has(c.terminal) && c.line.includes(q.text),
      );
      return run
        ? { ok: true, observed: { value: run.line } }
        : { ok: false, observed: { phrase: "notRunning" } };
    }
    case "terminalCount":
      return value(world.terminals.length, q.cmp);
  }
}

function objectTest(
  state: ClusterState,
  obj: KObject | undefined,
  test: ObjectTest,
  namespace: string,
  name: string,
): Outcome {
  if (test.kind === "absent") return { ok: !obj, observed: { phrase: obj ? "exists" : "notFound" } };
  if (!obj) return { ok: false, observed: { phrase: "notFound" } };
  switch (test.kind) {
    case "exists":
      return { ok: true, observed: { phrase: "exists" } };
    case "paused": {
      const paused = obj.spec?.paused === true;
      return { ok: paused === test.paused, observed: { phrase: paused ? "paused" : "notPaused" } };
    }
    case "revision":
      return value(revisionOf(obj), test.cmp);
    case "image":
      return value(containersOf(obj)[0]?.image, test.cmp);
    case "condition": {
      const conds: Record<string, string>[] = obj.status?.conditions ?? [];
      const c = conds.find((x) => x.type === test.type);
      if (!c) return { ok: false, observed: { phrase: "noCondition", arg: test.type } };
      return value(c[test.field], test.cmp);
    }
    case "annotation":
    case "label": {
      const map = test.kind === "annotation" ? obj.metadata.annotations : obj.metadata.labels;
      const v = map?.[test.key];
      if (!test.cmp) return { ok: v !== undefined, observed: { value: v ?? "<none>" } };
      return value(v, test.cmp);
    }
    case "field":
      return value(valueAt(obj, test.path), test.cmp);
    case "endpoints":
      return value(readyEndpoints(state, namespace, name), test.cmp);
  }
}

function eventQuery(state: ClusterState, q: Extract<Query, { kind: "event" }>): Outcome {
  const events = allEvents(state).filter(
    (e) =>
      e.reason === q.reason &&
      (q.type === undefined || e.type === q.type) &&
      (q.on === undefined ||
        (e.involvedObject?.kind === q.on.kind &&
          (q.on.name === undefined || String(e.involvedObject?.name ?? "").startsWith(q.on.name)))) &&
      (q.message === undefined || compare(String(e.message ?? ""), q.message)),
  );
  const first = events[0];
  if (!first) return { ok: false, observed: { phrase: "notFound" } };
  return { ok: true, observed: { value: `${first.reason}: ${first.message}` } };
}
