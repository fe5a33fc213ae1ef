/**
 * Parses one check line into a Check (grammar in lessons/README.md). Pure: text in, tree or error
 * message out, so the lesson parser can report `file:line: message`.
 */
import { findResourceType } from "../../engine";
import type { Check, Comparison, Metric, ObjectTest, Op, Query } from "./types";

/** A check line or the reason it is not one. */
export type CheckParse = { ok: true; check: Check } | { ok: false; message: string };

const OPS: readonly Op[] = ["==", "!=", ">=", "<=", ">", "<", "contains", "!contains"];
const METRICS: readonly Metric[] = ["count", "ready", "running", "replicas", "available", "restarts"];
const FIELD_ROOTS = ["spec", "status", "metadata", "data", "subsets", "rules", "roleRef", "subjects"];

/** Thrown inside the parser; turned into `{ ok: false }` at the entry. */
class CheckSyntaxError extends Error {}

/** Splits a check line into words; "double quoted" text is one word (with \" and \\ escapes). */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === " " || c === "\t") {
      i++;
      continue;
    }
    if (c === '"') {
      let word = "";
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === "\\" && i + 1 < text.length) i++;
        word += text[i];
        i++;
      }
      if (i >= text.length) throw new CheckSyntaxError("unterminated quoted text");
      i++;
      out.push(word);
      continue;
    }
    let word = "";
    while (i < text.length && text[i] !== " " && text[i] !== "\t") word += text[i++];
    out.push(word);
  }
  return out;
}

/** A cursor over the words of one line. */
class Words {
  private i = 0;
  constructor(private readonly words: string[]) {}
  peek(): string | undefined {
    return this.words[this.i];
  }
  next(what: string): string {
    const w = this.words[this.i];
    if (w === undefined) throw new CheckSyntaxError(`expected ${what} at the end of the check`);
    this.i++;
    return w;
  }
  accept(word: string): boolean {
    if (this.words[this.i] !== word) return false;
    this.i++;
    return true;
  }
  expectEnd(): void {
    const w = this.words[this.i];
    if (w !== undefined) throw new CheckSyntaxError(`unexpected "${w}" after a complete check`);
  }
  /** An optional operator followed by a value; without an operator the comparison is `==`. */
  comparison(what: string): Comparison {
    const w = this.next(what);
    if ((OPS as readonly string[]).includes(w))
      return { op: w as Op, value: this.next(`a value after "${w}"`) };
    return { op: "==", value: w };
  }
  /** A comparison if any words are left, else undefined. */
  optionalComparison(what: string): Comparison | undefined {
    return this.peek() === undefined ? undefined : this.comparison(what);
  }
}

/** Parses one check line found at `line` of a lesson file. */
export function parseCheck(source: string, line: number): CheckParse {
  try {
    const w = new Words(tokenize(source));
    let temporal: Check["temporal"];
    if (w.accept("always")) temporal = "always";
    else if (w.accept("ever")) temporal = "ever";
    const negate = w.accept("not");
    const query = parseQuery(w);
    w.expectEnd();
    if (temporal && !isClusterQuery(query))
      throw new CheckSyntaxError(
        `"${temporal}" applies to cluster checks only, not to commands or terminals`,
      );
    return { ok: true, check: { source: source.trim(), line, negate, temporal, query } };
  } catch (e) {
    if (e instanceof CheckSyntaxError)
      return { ok: false, message: `check "${source.trim()}": ${e.message}` };
    throw e;
  }
}

/** True for checks on the cluster state alone (the ones `always`/`ever` can follow over time). */
export function isClusterQuery(q: Query): boolean {
  return q.kind === "object" || q.kind === "history" || q.kind === "historyCause" || q.kind === "set";
}

function parseQuery(w: Words): Query {
  const head = w.next("what to check (deployment, pods, rollout, event, last, command, terminal …)");
  if (head === "rollout") return parseHistory(w);
  if (head === "event") return parseEvent(w);
  if (head === "last") return parseLastCommand(w);
  if (head === "command") return parseCommand(w);
  if (head === "terminal" || head === "terminals") return parseTerminal(w);
  if ((head === "pods" || head === "replicasets" || head === "rs") && isSelector(w.peek()))
    return parseSet(head === "pods" ? "pods" : "replicasets", w);
  const type = findResourceType(head);
  if (!type) throw new CheckSyntaxError(`unknown check subject "${head}"`);
  const { namespace, name } = splitName(w.next(`a ${head} name`));
  return { kind: "object", resource: type.resource, namespace, name, test: parseObjectTest(w) };
}

function isSelector(word: string | undefined): boolean {
  return word !== undefined && (word === "*" || word.includes("="));
}

function splitName(word: string): { namespace: string; name: string } {
  const slash = word.indexOf("/");
  return slash < 0
    ? { namespace: "default", name: word }
    : { namespace: word.slice(0, slash), name: word.slice(slash + 1) };
}

function number(word: string, what: string): number {
  if (!/^\d+$/.test(word)) throw new CheckSyntaxError(`${what} must be a whole number, not "${word}"`);
  return Number(word);
}

function parseObjectTest(w: Words): ObjectTest {
  const word = w.next("a test (exists, revision, image, condition, paused, a field path …)");
  switch (word) {
    case "exists":
      return { kind: "exists" };
    case "absent":
      return { kind: "absent" };
    case "paused":
      return { kind: "paused", paused: true };
    case "not":
      if (w.next('"paused"') !== "paused") throw new CheckSyntaxError('"not" here only goes with "paused"');
      return { kind: "paused", paused: false };
    case "revision":
      return { kind: "revision", cmp: w.comparison("a revision") };
    case "image":
      return { kind: "image", cmp: w.comparison("an image") };
    case "endpoints":
      return { kind: "endpoints", cmp: w.comparison("a number of endpoints") };
    case "condition": {
      const type = w.next("a condition type (Progressing, Available, ReplicaFailure)");
      const field = w.next("status, reason or message");
      if (field !== "status" && field !== "reason" && field !== "message")
        throw new CheckSyntaxError(
          `expected status, reason or message after the condition type, not "${field}"`,
        );
      return { kind: "condition", type, field, cmp: w.comparison(`the condition's ${field}`) };
    }
    case "annotation":
    case "label":
      return { kind: word, key: w.next(`an ${word} key`), cmp: w.optionalComparison("a value") };
  }
  const root = word.split(".")[0] ?? "";
  if (FIELD_ROOTS.includes(root) && word.includes("."))
    return { kind: "field", path: word.split("."), cmp: w.comparison(`a value for ${word}`) };
  throw new CheckSyntaxError(`unknown test "${word}"`);
}

function parseHistory(w: Words): Query {
  if (w.next('"history"') !== "history") throw new CheckSyntaxError('expected "rollout history NAME …"');
  const { namespace, name } = splitName(w.next("a deployment name"));
  const word = w.next('"lists" or "revision"');
  if (word === "lists") {
    const list = w.next("revision numbers such as 1,3,4");
    return { kind: "history", namespace, name, lists: list.split(",").map((r) => number(r, "a revision")) };
  }
  if (word === "revision") {
    const revision = number(w.next("a revision number"), "a revision");
    if (w.next('"cause"') !== "cause") throw new CheckSyntaxError('expected "revision N cause …"');
    return { kind: "historyCause", namespace, name, revision, cmp: w.comparison("a change-cause") };
  }
  throw new CheckSyntaxError(`expected "lists" or "revision" after the deployment name, not "${word}"`);
}

function parseSet(resource: "pods" | "replicasets", w: Words): Query {
  const selector = w.next("a label selector");
  let image: string | undefined;
  let reason: string | undefined;
  let namespace = "default";
  for (;;) {
    if (w.accept("image")) image = w.next("an image");
    else if (w.accept("reason")) reason = w.next("a reason (CrashLoopBackOff, ImagePullBackOff …)");
    else if (w.accept("in")) namespace = w.next("a namespace");
    else break;
  }
  const metric = w.next(`what to count (${METRICS.join(", ")})`);
  if (!(METRICS as readonly string[]).includes(metric))
    throw new CheckSyntaxError(`expected one of ${METRICS.join(", ")}, not "${metric}"`);
  return {
    kind: "set",
    resource,
    namespace,
    selector,
    image,
    reason,
    metric: metric as Metric,
    cmp: w.comparison("a number"),
  };
}

function parseEvent(w: Words): Query {
  if (w.next('"reason"') !== "reason") throw new CheckSyntaxError('expected "event reason REASON …"');
  const reason = w.next("an event reason");
  let type: string | undefined;
  let on: { kind: string; name: string | undefined } | undefined;
  let message: Comparison | undefined;
  for (;;) {
    if (w.accept("type")) type = w.next("Normal or Warning");
    else if (w.accept("on")) {
      const [kind = "", name] = w.next("an object (replicaset, deployment/http-go)").split("/");
      const t = findResourceType(kind);
      if (!t) throw new CheckSyntaxError(`unknown kind "${kind}" after "on"`);
      on = { kind: t.kind, name };
    } else if (w.accept("message")) message = w.comparison("a message");
    else break;
  }
  return { kind: "event", reason, type, on, message };
}

function parseLastCommand(w: Words): Query {
  if (w.next('"command"') !== "command") throw new CheckSyntaxError('expected "last command …"');
  const field = w.next("exit, stdout, stderr or line");
  if (field !== "exit" && field !== "stdout" && field !== "stderr" && field !== "line")
    throw new CheckSyntaxError(`expected exit, stdout, stderr or line, not "${field}"`);
  return { kind: "lastCommand", field, cmp: w.comparison(`the ${field}`) };
}

function parseCommand(w: Words): Query {
  const text = w.next("the text of a command");
  if (w.accept("ran")) return { kind: "command", text, test: undefined };
  const field = w.next("ran, exit, stdout or stderr");
  if (field !== "exit" && field !== "stdout" && field !== "stderr")
    throw new CheckSyntaxError(`expected ran, exit, stdout or stderr, not "${field}"`);
  return { kind: "command", text, test: { field, cmp: w.comparison(`the ${field}`) } };
}

function parseTerminal(w: Words): Query {
  if (w.accept("running"))
    return { kind: "terminalRunning", text: w.next("the text of the running command") };
  if (w.accept("count")) return { kind: "terminalCount", cmp: w.comparison("a number of terminals") };
  throw new CheckSyntaxError('expected "terminal running TEXT" or "terminals count N"');
}
