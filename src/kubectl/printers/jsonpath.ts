/**
 * kubectl's JSONPath templates (`-o jsonpath=…`, `-o jsonpath-as-json=…`, custom-columns), evaluated
 * as k8s.io/client-go/util/jsonpath does with missing keys allowed (kubectl's default): the parser is
 * jsonpath-parse.ts; here are range/end, filters with Go template comparisons, slices with their
 * bounds errors, unions, wildcards, recursive descent, and kubectl's printing (several results of one
 * action joined by a space, maps and lists as compact JSON) and its error text.
 */

import { goQuote, goValue as goV } from "../../engine";
import { CmdError } from "../errors";
import { goJson, goSharpV } from "./go-format";
import { type JpList, type JpNode, JsonPathParseError, parseTemplate } from "./jsonpath-parse";

/** A parsed template. */
export type Node = JpList;

/** A failure while executing a template (`array index out of bounds: …`). */
export class JsonPathExecError extends Error {}

/** Parses a template (`{.metadata.name}{"\n"}`); throws kubectl's `error parsing jsonpath …` for a malformed one. */
export function parseJsonPath(text: string): Node {
  try {
    return parseTemplate(text);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new CmdError(`error parsing jsonpath ${text}, ${e.message}`);
    throw e;
  }
}

type Value = unknown;

const isMap = (v: Value): v is Record<string, Value> =>
  v !== null && typeof v === "object" && !Array.isArray(v);

/** Go's reflect kind name of a decoded JSON value, as `%v is not array or slice` prints its type. */
function goType(v: Value): string {
  if (Array.isArray(v)) return "[]interface {}";
  if (isMap(v)) return "map[string]interface {}";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return Number.isInteger(v) ? "int64" : "float64";
  return "interface {}";
}

/** The children of a value: map values in key order, list items, a string's bytes. */
function children(v: Value): Value[] {
  if (Array.isArray(v)) return v;
  if (isMap(v)) return Object.keys(v).map((k) => v[k]);
  if (typeof v === "string") return [...new TextEncoder().encode(v)];
  return [];
}

/** Go template comparison kinds (basicKind): ints and floats never compare with each other. */
function basicKind(v: Value): "bool" | "int" | "float" | "string" | undefined {
  if (typeof v === "boolean") return "bool";
  if (typeof v === "string") return "string";
  if (typeof v === "number") return Number.isInteger(v) ? "int" : "float";
  return undefined;
}

/** A comparison of the forked text/template (eq, ne, lt, gt, le, ge) with its errors. */
function compare(op: string, left: Value, right: Value): boolean {
  const kl = basicKind(left);
  const kr = basicKind(right);
  if (!kl || !kr) throw new JsonPathExecError("invalid type for comparison");
  if (op === "==" || op === "!=") {
    if (kl !== kr) throw new JsonPathExecError("incompatible types for comparison");
    return (left === right) === (op === "==");
  }
  if (kl !== kr) throw new JsonPathExecError("incompatible types for comparison");
  if (kl === "bool") throw new JsonPathExecError("invalid type for comparison");
  const l = left as number | string;
  const r = right as number | string;
  switch (op) {
    case "<":
      return l < r;
    case ">":
      return l > r;
    case "<=":
      return l <= r;
    case ">=":
      return l >= r;
    default:
      throw new JsonPathExecError(`unrecognized filter operator ${op}`);
  }
}

/** The evaluator state of one Execute (JSONPath struct): the range stack and counters. */
class Evaluator {
  private stack: Value[][] = [];
  private cur: Value[] = [];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;

  /** The `end` that closed the latest range body: evaluation resumes after it. */
  private lastEnd: JpNode | undefined;

  /** FindResults: one result list per action, ranges expanded. */
  findResults(data: Value, nodes: JpNode[]): Value[][] {
    this.cur = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as JpNode;
      const results = this.walk(this.cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange -= 1;
        this.lastEnd = node;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange -= 1;
        this.inRange += 1;
        const body = nodes.slice(i + 1);
        // An empty range still walks its body once (its output dropped) to find where it ends.
        if (results.length === 0) this.findResults(null, body);
        for (const value of results) full.push(...this.findResults(value, body));
        this.inRange -= 1;
        // After the range, actions see again what they saw before it (its `range` saved that).
        this.cur = this.stack.pop() ?? this.cur;
        const end = nodes.indexOf(this.lastEnd as JpNode, i + 1);
        if (end >= 0) i = end;
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: JpNode): Value[] {
    switch (node.kind) {
      case "list": {
        let v = input;
        for (const n of node.nodes) v = this.walk(v, n);
        return v;
      }
      case "text":
        return [node.text];
      case "field":
        return this.field(input, node.name);
      case "array":
        return this.array(input, node);
      case "filter":
        return this.filter(input, node);
      case "int":
      case "float":
      case "bool":
        return input.map(() => node.value);
      case "wildcard":
        return input.filter((v) => v !== null && v !== undefined).flatMap(children);
      case "recursive":
        return this.recursive(input);
      case "union":
        return node.lists.flatMap((l) => this.walk(input, l));
      case "identifier":
        return this.identifier(input, node.name);
    }
  }

  private field(input: Value[], name: string): Value[] {
    const out: Value[] = [];
    for (const v of input) if (isMap(v) && Object.hasOwn(v, name)) out.push(v[name]);
    return out;
  }

  private array(input: Value[], node: Extract<JpNode, { kind: "array" }>): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goType(v)} is not array or slice`);
      const [p0, p1, p2] = node.params.map((p) => ({ ...p }));
      if (!p0 || !p1 || !p2) continue;
      const len = v.length;
      if (!p0.known) p0.value = 0;
      if (p0.value < 0) p0.value += len;
      if (!p1.known) p1.value = len;
      if (p1.value < 0 || (p1.value === 0 && p1.derived)) p1.value += len;
      if (p1.value === p0.value) continue;
      if (p0.value >= len || p0.value < 0)
        throw new JsonPathExecError(`array index out of bounds: index ${p0.value}, length ${len}`);
      if (p1.value > len || p1.value < 0)
        throw new JsonPathExecError(`array index out of bounds: index ${p1.value - 1}, length ${len}`);
      if (p0.value > p1.value)
        throw new JsonPathExecError(`starting index ${p0.value} is greater than ending index ${p1.value}`);
      const step = p2.known && p2.value > 0 ? p2.value : 1;
      for (let i = p0.value; i < p1.value; i += step) out.push(v[i]);
    }
    return out;
  }

  private filter(input: Value[], node: Extract<JpNode, { kind: "filter" }>): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v))
        throw new JsonPathExecError(`${goV(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        if (node.op === "exists") {
          let lefts: Value[] = [];
          try {
            lefts = this.walk([item], node.left);
          } catch {
            // An error on the left of an existence test only means "does not exist".
          }
          if (lefts.length > 0) out.push(item);
          continue;
        }
        // An element without the compared field is skipped; several values cannot be compared.
        const lefts = this.walk([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError("can only compare one element at a time");
        const rights = this.walk([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError("can only compare one element at a time");
        if (compare(node.op, lefts[0], rights[0])) out.push(item);
      }
    }
    return out;
  }

  private recursive(input: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      const kids = children(v);
      if (kids.length === 0) continue;
      out.push(v, ...this.recursive(kids));
    }
    return out;
  }

  private identifier(input: Value[], name: string): Value[] {
    if (name === "range") {
      this.stack.push(this.cur);
      this.beginRange += 1;
      return input;
    }
    if (name === "end") {
      if (this.endRange < this.inRange) {
        this.endRange += 1;
        return [];
      }
      const top = this.stack.pop();
      if (!top) throw new JsonPathExecError("not in range, nothing to end");
      this.cur = top;
      return [];
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }
}

/** Every action's results (ranges expanded); throws JsonPathExecError. */
export function findResults(template: Node, data: unknown): unknown[][] {
  return new Evaluator().findResults(data, template.nodes);
}

/** evalToText: strings as they are, numbers and booleans as Go prints them, maps and lists as JSON. */
function text(v: Value): string {
  if (Array.isArray(v) || isMap(v)) return goJson(v);
  return goV(v);
}

/** PrintResults of each action: its results joined by a space; with `asJson` each action as an indented JSON array. */
export function printResults(groups: unknown[][], asJson = false): string {
  if (asJson) return groups.map((g) => `${goJson(g, "    ")}\n`).join("");
  return groups.map((g) => g.map(text).join(" ")).join("");
}

/** `-o jsonpath=TEMPLATE` (or jsonpath-as-json) on `data`: the text, or kubectl's execution error. */
export function runJsonPath(template: string, data: unknown, asJson = false): string {
  const parsed = parseJsonPath(template);
  try {
    return printResults(findResults(parsed, data), asJson);
  } catch (e) {
    if (!(e instanceof JsonPathExecError)) throw e;
    const info = [
      `Error executing template: ${e.message}. Printing more information for debugging the template:`,
      "\ttemplate was:",
      `\t\t${template}`,
      "\tobject given to jsonpath engine was:",
      `\t\t${goSharpV(data)}`,
      "",
      "",
    ].join("\n");
    throw new CmdError(`error executing jsonpath ${goQuote(template)}: ${info}`);
  }
}

/** One custom-columns cell: the results of `template`, each printed with %v and joined by commas. */
export function evalColumn(template: Node, data: unknown): string {
  try {
    return findResults(template, data)
      .flat()
      .map((v) => goV(v))
      .join(",");
  } catch (e) {
    if (e instanceof JsonPathExecError) throw new CmdError(e.message);
    throw e;
  }
}
