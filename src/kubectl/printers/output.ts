/**
 * `-o yaml|json|name|jsonpath=…|custom-columns=…` printing of fetched objects. kubectl prints what the
 * server returned as unstructured maps, so keys come out sorted at every level (JSON with 4-space indent,
 * YAML as sigs.k8s.io/yaml emits it: sequences not indented under their key). Several objects, or a
 * list request, are wrapped in `kind: List`.
 */
import { type KObject, qualifiedKind, type ResourceType } from "../../engine";
import { CmdError } from "../errors";
import { goJson } from "./go-format";
import { goYaml } from "./goyaml";
import { evalColumn, parseJsonPath, runJsonPath } from "./jsonpath";
import { alignRows } from "./tabwriter";

/** A value with object keys sorted at every depth (Go's map marshalling). */
export function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = sortKeys(x);
    }
    return out;
  }
  return v;
}

/** `kubectl … -o yaml` text of one value. */
export function toYaml(v: unknown): string {
  return goYaml(sortKeys(v));
}

/** `kubectl … -o json` text of one value (4-space indent, trailing newline). */
export function toJson(v: unknown): string {
  return `${goJson(sortKeys(v), "    ")}\n`;
}

/** The `kind: List` wrapper kubectl prints for several objects. */
export function listOf(items: KObject[]): Record<string, unknown> {
  return { apiVersion: "v1", items, kind: "List", metadata: { resourceVersion: "" } };
}

/** `deployment.apps/http-go`: the name printer. */
export function resourceName(t: ResourceType, obj: KObject): string {
  return `${qualifiedKind(t)}/${obj.metadata.name}`;
}

/** True for the -o values printed by `printStructured` (not tables). */
export function isStructured(output: string): boolean {
  return /^(yaml|json|name|jsonpath|jsonpath-as-json|custom-columns)(=|$)/.test(output);
}

/** The -o formats that take a template after `=`. */
const TEMPLATE_FORMATS = ["jsonpath", "jsonpath-as-json", "go-template", "template"];

/** Prints objects in a structured `-o` format; `single` = one object asked for by name (not wrapped in a List). */
export function printStructured(
  output: string,
  items: { type: ResourceType; obj: KObject }[],
  single: boolean,
): string {
  const value = single && items.length === 1 ? items[0]?.obj : listOf(items.map((i) => i.obj));
  if (output === "yaml") return toYaml(value);
  if (output === "json") return toJson(value);
  if (output === "name") return items.map((i) => `${resourceName(i.type, i.obj)}\n`).join("");
  const eq = output.indexOf("=");
  const format = eq < 0 ? output : output.slice(0, eq);
  const template = eq < 0 ? "" : output.slice(eq + 1);
  if (TEMPLATE_FORMATS.includes(format) && template === "")
    throw new CmdError("template format specified but no template given");
  if (format === "custom-columns" && template === "")
    throw new CmdError("custom-columns format specified but no custom columns given");
  if (output.startsWith("jsonpath=") || output.startsWith("jsonpath-as-json=")) {
    const expr = output.slice(output.indexOf("=") + 1);
    return runJsonPath(expr, sortKeys(value), output.startsWith("jsonpath-as-json="));
  }
  if (output.startsWith("custom-columns="))
    return customColumns(output.slice("custom-columns=".length), items);
  throw new CmdError(
    `unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
  );
}

function customColumns(spec: string, items: { obj: KObject }[]): string {
  const cols = spec.split(",").map((c) => {
    const i = c.indexOf(":");
    if (i < 0) throw new CmdError(`unexpected custom-columns spec: ${c}, expected <header>:<json-path-expr>`);
    const path = c.slice(i + 1);
    const expr = path.startsWith("{") ? path : `{${path.startsWith(".") ? path : `.${path}`}}`;
    return { header: c.slice(0, i), template: parseJsonPath(expr) };
  });
  const rows = [cols.map((c) => c.header)];
  for (const { obj } of items) {
    rows.push(cols.map((c) => evalColumn(c.template, sortKeys(obj)) || "<none>"));
  }
  return alignRows(rows);
}
