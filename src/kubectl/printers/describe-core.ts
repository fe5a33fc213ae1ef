/**
 * kubectl describe for Secret, ServiceAccount and the kinds kubectl has no describer for, such as Event
 * (describe.go describeSecret, describeServiceAccount and genericDescriber, kubectl v1.32).
 */
import type { CoreEvent, KObject } from "../../engine";
import { describeEvents, printAnnotations, printLabels } from "./describe-common";
import { PrefixWriter } from "./prefix-writer";

const SA_TOKEN_TYPE = "kubernetes.io/service-account-token";
const SA_NAME_ANNOTATION = "kubernetes.io/service-account.name";
const SA_UID_ANNOTATION = "kubernetes.io/service-account.uid";

/** Bytes of a base64 value (a Secret's data as the API serves it). */
function decodedLength(b64: string): number {
  const clean = b64.replace(/\s/g, "");
  const pad = clean.endsWith("==") ? 2 : clean.endsWith("=") ? 1 : 0;
  return Math.floor((clean.length * 3) / 4) - pad;
}

/**
 * describeSecret: header, a blank line, `Type:`, then `Data` with each key's size in bytes (a service
 * account token's `token` shown in clear). kubectl walks a Go map, so its key order varies between runs;
 * here keys are sorted.
 */
export function describeSecret(secret: KObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${secret.metadata.name}\n`);
  w.write(0, `Namespace:\t${secret.metadata.namespace}\n`);
  printLabels(w, "Labels", secret.metadata.labels);
  printAnnotations(w, "Annotations", secret.metadata.annotations);
  w.write(0, `\nType:\t${secret.type ?? ""}\n`);
  w.write(0, "\nData\n====\n");
  const data = (secret.data ?? {}) as Record<string, string>;
  for (const k of Object.keys(data).sort()) {
    const v = data[k] ?? "";
    if (k === "token" && secret.type === SA_TOKEN_TYPE) w.write(0, `${k}:\t${atob(v)}\n`);
    else w.write(0, `${k}:\t${decodedLength(v)} bytes\n`);
  }
  return w.toString();
}

/** The three name lists of describe serviceaccount, by their (padded) headers, in the order kubectl sorts them. */
const SA_HEADERS = ["Image pull secrets:", "Mountable secrets: ", "Tokens:            "] as const;
const SA_EMPTY_HEADER = "                   ";

/**
 * describeServiceAccount: image pull secrets and mountable secrets (`(not found)` when missing), the
 * token Secrets annotated with this account's name and uid, then its events.
 */
export function describeServiceAccount(
  sa: KObject,
  secrets: KObject[],
  events: CoreEvent[] | undefined,
  nowMs: number,
): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace}\n`);
  printLabels(w, "Labels", sa.metadata.labels);
  printAnnotations(w, "Annotations", sa.metadata.annotations);
  const existing = new Set(secrets.map((s) => s.metadata.name));
  const names = (list: { name?: string }[] | undefined) => (list ?? []).map((r) => r.name ?? "");
  const mountable = names(sa.secrets);
  const tokens = secrets
    .filter(
      (s) =>
        s.type === SA_TOKEN_TYPE &&
        s.metadata.annotations?.[SA_NAME_ANNOTATION] === sa.metadata.name &&
        (s.metadata.annotations?.[SA_UID_ANNOTATION] ?? "") === (sa.metadata.uid ?? ""),
    )
    .map((s) => s.metadata.name);
  const lists = [names(sa.imagePullSecrets), mountable, tokens];
  SA_HEADERS.forEach((header, i) => {
    const list = lists[i] ?? [];
    if (list.length === 0) {
      w.write(0, `${header}\t<none>\n`);
      return;
    }
    list.forEach((name, j) => {
      // Tokens are found among the existing secrets; pull and mountable secrets may be missing.
      const missing = i < 2 && !existing.has(name) ? " (not found)" : "";
      w.write(0, `${j === 0 ? header : SA_EMPTY_HEADER}\t${name}${missing}\n`);
    });
  });
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}

const ACRONYMS = new Set(["API", "URL", "UID", "GUID"]);

/** fatih/camelcase.Split: runs of lower-case letters, upper-case letters, digits and others; `HTTPServer` → HTTP, Server. */
function camelSplit(s: string): string[] {
  const kind = (c: string) => (/[a-z]/.test(c) ? 1 : /[A-Z]/.test(c) ? 2 : /[0-9]/.test(c) ? 3 : 4);
  const runs: string[] = [];
  let last = 0;
  for (const c of s) {
    const k = kind(c);
    if (k === last && runs.length > 0) runs[runs.length - 1] += c;
    else runs.push(c);
    last = k;
  }
  // An upper-case run followed by a lower-case one gives its last letter to it (HTTPServer → HTTP Server).
  for (let i = 0; i < runs.length - 1; i++) {
    const cur = runs[i] as string;
    const next = runs[i + 1] as string;
    if (kind(cur[0] as string) === 2 && kind(next[0] as string) === 1) {
      runs[i + 1] = cur.slice(-1) + next;
      runs[i] = cur.slice(0, -1);
    }
  }
  return runs.filter((r) => r !== "");
}

/** smartLabelFor: `apiVersion` → `API Version`, `firstTimestamp` → `First Timestamp`; names with other characters unchanged. */
export function smartLabel(field: string): string {
  if (/[^\p{L}-]/u.test(field)) return field;
  const parts = camelSplit(field);
  const merged: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const next = parts[i + 1];
    const allUpper = part === part.toUpperCase();
    if (part.length >= 2 && allUpper && next && /^\p{Lu}/u.test(next)) {
      merged.push(part + next);
      i++;
      continue;
    }
    merged.push(part);
  }
  return merged
    .filter((p) => p !== "_")
    .map((p) => {
      if (ACRONYMS.has(p.toUpperCase())) return p.toUpperCase();
      return p === p.toLowerCase() ? p.charAt(0).toUpperCase() + p.slice(1) : p;
    })
    .join(" ");
}

/** A scalar as Go's %v prints what JSON decodes to (`<nil>` for null). */
function scalar(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  return String(v);
}

/** The fields the generic describer prints elsewhere or not at all. */
const GENERIC_SKIP = new Set([
  ".metadata.managedFields",
  ".metadata.name",
  ".metadata.namespace",
  ".metadata.labels",
  ".metadata.annotations",
]);

/** printUnstructuredContent: sorted fields; maps and lists as `Label:` blocks, scalars as `Label:\tvalue`. */
function printContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (GENERIC_SKIP.has(path)) continue;
    const v = content[field];
    if (Array.isArray(v)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of v) {
        if (child && typeof child === "object" && !Array.isArray(child))
          printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${scalar(child)}\n`);
      }
    } else if (v && typeof v === "object") {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, v as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabel(field)}:\t${scalar(v)}\n`);
    }
  }
}

/** genericDescriber: name, namespace, labels, annotations, every other field of the object, then its events. */
export function describeGeneric(obj: KObject, events: CoreEvent[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ""}\n`);
  printLabels(w, "Labels", obj.metadata.labels);
  printAnnotations(w, "Annotations", obj.metadata.annotations);
  printContent(w, 0, obj as Record<string, unknown>, "");
  if (events) describeEvents(w, events, nowMs);
  return w.toString();
}
