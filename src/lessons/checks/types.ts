/**
 * The check language's syntax tree. A check is one line of a lesson's ```check block, for example
 * `deployment http-go revision >= 2` or `always deployment http-go status.availableReplicas >= 3`;
 * the grammar is documented in lessons/README.md and parsed by parse.ts.
 */

/** How an observed value is compared with the expected one. */
export type Op = "==" | "!=" | ">=" | "<=" | ">" | "<" | "contains" | "!contains";

/** An operator and the expected value (numbers compare numerically, everything else as text). */
export interface Comparison {
  op: Op;
  value: string;
}

/** What a check asks about one named object. */
export type ObjectTest =
  | { kind: "exists" }
  | { kind: "absent" }
  | { kind: "paused"; paused: boolean }
  | { kind: "revision"; cmp: Comparison }
  /** The image of the first container of the pod template (or the pod). */
  | { kind: "image"; cmp: Comparison }
  | { kind: "condition"; type: string; field: "status" | "reason" | "message"; cmp: Comparison }
  | { kind: "annotation"; key: string; cmp: Comparison | undefined }
  | { kind: "label"; key: string; cmp: Comparison | undefined }
  /** A dotted path into the object (`spec.minReadySeconds`, `spec.ports.0.port`). */
  | { kind: "field"; path: string[]; cmp: Comparison }
  /** Ready addresses of a Service's Endpoints. */
  | { kind: "endpoints"; cmp: Comparison };

/** What is counted over a set of pods or ReplicaSets. */
export type Metric = "count" | "ready" | "running" | "replicas" | "available" | "restarts";

/** The question a check asks. */
export type Query =
  | { kind: "object"; resource: string; namespace: string; name: string; test: ObjectTest }
  | { kind: "history"; namespace: string; name: string; lists: number[] }
  | { kind: "historyCause"; namespace: string; name: string; revision: number; cmp: Comparison }
  | {
      kind: "set";
      resource: "pods" | "replicasets";
      namespace: string;
      /** `app=http-go,tier=web`, or `*` for all. */
      selector: string;
      image: string | undefined;
      /** Pods whose container state reason (or pod phase) is this: `CrashLoopBackOff`, `Running`. */
      reason: string | undefined;
      metric: Metric;
      cmp: Comparison;
    }
  | {
      kind: "event";
      reason: string;
      type: string | undefined;
      /** `replicaset`, `deployment/http-go`, `pod`: the involved object's kind (and name prefix). */
      on: { kind: string; name: string | undefined } | undefined;
      message: Comparison | undefined;
    }
  | { kind: "lastCommand"; field: "exit" | "stdout" | "stderr" | "line"; cmp: Comparison }
  /** Some command typed since the step began whose line contains `text` (and, if given, whose field matches). */
  | {
      kind: "command";
      text: string;
      test: { field: "exit" | "stdout" | "stderr"; cmp: Comparison } | undefined;
    }
  /** A terminal is busy with a command whose line contains `text`. */
  | { kind: "terminalRunning"; text: string }
  | { kind: "terminalCount"; cmp: Comparison };

/** `always`: must hold at every observed moment of the step; `ever`: at one moment at least. */
export type Temporal = "always" | "ever";

/** One parsed check line. */
export interface Check {
  /** The line as written (without surrounding blanks). */
  source: string;
  /** Line number in the lesson file. */
  line: number;
  negate: boolean;
  temporal: Temporal | undefined;
  query: Query;
}
