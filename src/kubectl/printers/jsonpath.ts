/**
 * A subset of kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): literal text, `{.a.b}`,
 * `{.items[*].metadata.name}`, `{.a[0]}`, `{.a[-1]}`, `{.a['x.y']}`, `{range .items[*]}…{end}`, `{"\n"}`.
 * Several results are joined by a space; maps and lists print as JSON.
 */
import { CmdError } from "../errors";

/** One piece of a template. */
export type Node =
  | { kind: "text"; text: string }
  | { kind: "path"; steps: Step[] }
  | { kind: "range"; steps: Step[]; body: Node[] };

type Step = { key: string } | { index: number } | { all: true };

/** Parses a template (`{.metadata.name}{"\n"}`); throws kubectl's error for a malformed one. */
export function parseJsonPath(text: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Step[][] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf("{", i);
    if (open < 0) {
      top(stack).push({ kind: "text", text: text.slice(i) });
      break;
    }
    if (open > i) top(stack).push({ kind: "text", text: text.slice(i, open) });
    const close = text.indexOf("}", open);
    if (close < 0) throw new CmdError(`error parsing jsonpath ${text}, unclosed action`);
    const action = text.slice(open + 1, close).trim();
    i = close + 1;
    if (action.startsWith('"')) {
      top(stack).push({ kind: "text", text: unquote(action) });
    } else if (action.startsWith("range ")) {
      ranges.push(parseSteps(action.slice(6).trim()));
      stack.push([]);
    } else if (action === "end") {
      const body = stack.pop();
      const steps = ranges.pop();
      if (!body || !steps) throw new CmdError(`error parsing jsonpath ${text}, not in range`);
      top(stack).push({ kind: "range", steps, body });
    } else {
      top(stack).push({ kind: "path", steps: parseSteps(action) });
    }
  }
  return stack[0] ?? [];
}

function top(stack: Node[][]): Node[] {
  return stack[stack.length - 1] as Node[];
}

function unquote(s: string): string {
  try {
    return JSON.parse(s) as string;
  } catch {
    return s.slice(1, -1);
  }
}

function parseSteps(path: string): Step[] {
  const steps: Step[] = [];
  const re = /\.([^.[\]]+)|\[(\*|-?\d+|'[^']*'|"[^"]*")\]|^\$|^@/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path))) {
    if (m[1] !== undefined) steps.push({ key: m[1] });
    else if (m[2] === "*") steps.push({ all: true });
    else if (m[2]?.startsWith("'") || m[2]?.startsWith('"')) steps.push({ key: m[2].slice(1, -1) });
    else if (m[2] !== undefined) steps.push({ index: Number(m[2]) });
  }
  return steps;
}

function walk(values: unknown[], steps: Step[]): unknown[] {
  let cur = values;
  for (const s of steps) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ("key" in s) {
        if (v !== null && typeof v === "object" && !Array.isArray(v) && s.key in v)
          next.push((v as Record<string, unknown>)[s.key]);
      } else if ("index" in s) {
        if (Array.isArray(v)) {
          const x = v[s.index < 0 ? v.length + s.index : s.index];
          if (x !== undefined) next.push(x);
        }
      } else if (Array.isArray(v)) next.push(...v);
      else if (v !== null && typeof v === "object") next.push(...Object.values(v));
    }
    cur = next;
  }
  return cur;
}

function show(v: unknown): string {
  if (typeof v === "string") return v;
  if (v !== null && typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** Evaluates a parsed template on `data`; several results of one path are joined by `sep`. */
export function evalJsonPath(nodes: Node[], data: unknown, sep = " "): string {
  let out = "";
  for (const n of nodes) {
    if (n.kind === "text") out += n.text;
    else if (n.kind === "path") out += walk([data], n.steps).map(show).join(sep);
    else for (const item of walk([data], n.steps)) out += evalJsonPath(n.body, item, sep);
  }
  return out;
}
