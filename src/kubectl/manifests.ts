/**
 * Reading `-f FILE|DIR` as kubectl's resource builder does: YAML (multi-document) or JSON (a stream of
 * objects), directories read one level deep in name order (only .yaml, .yml, .json), and kubectl's
 * client-side errors: `the path "x.yaml" does not exist`, `error parsing x.yaml: error converting YAML to
 * JSON: yaml: line 4: did not find expected key` (go-yaml's wording and line numbers), `error parsing
 * x.json: json: offset 7: invalid character 'x' …`, and the validation of apiVersion/kind before sending
 * (`error validating "x.yaml": error validating data: [apiVersion not set, kind not set]; …`).
 */
import { type Document, parseAllDocuments, type YAMLError } from "yaml";
import {
  GoJsonError,
  type Manifest,
  parseGoJsonStream,
  type ResourceType,
  resourceTypeForKind,
} from "../engine";
import type { Files } from "./context";
import { CmdError, ErrorList } from "./errors";

/** One object of a manifest file, with the path it came from as the user named it. */
export interface LoadedObject {
  source: string;
  object: Manifest;
}

const MANIFEST_FILE = /\.(ya?ml|json)$/;

/** The source name kubectl gives the objects read from standard input (`-f -`). */
export const STDIN_SOURCE = "STDIN";

/**
 * The objects of every `-f` path, in order. Throws kubectl's error for a missing path or a file that
 * does not parse; with `validate` (the default `--validate=strict`), objects without apiVersion/kind are
 * errors, collected over all files as kubectl aggregates them. `-` reads `stdin` (the piped text; "" when
 * there is none), named `STDIN` in errors, and may be given only once.
 */
export function loadManifests(
  files: Files,
  paths: readonly string[],
  validate = true,
  stdin?: string,
): LoadedObject[] {
  checkPaths(files, paths);
  const out: LoadedObject[] = [];
  const errors: Error[] = [];
  for (const path of paths) {
    for (const file of path === "-" ? [STDIN_SOURCE] : expand(files, path)) {
      const text = path === "-" ? (stdin ?? "") : files.read(file);
      if (text === undefined) throw new CmdError(`the path "${path}" does not exist`);
      for (const object of parseManifest(file, text)) {
        const problem = validate ? validationError(file, object) : undefined;
        if (problem) errors.push(problem);
        else out.push({ source: file, object: object as Manifest });
      }
    }
  }
  if (errors.length > 0) throw new ErrorList(errors);
  return out;
}

/** The builder's checks of the `-f` list before reading anything: one `-` at most, every path present. */
export function checkPaths(files: Files, paths: readonly string[]): void {
  if (paths.filter((p) => p === "-").length > 1)
    throw new CmdError("standard input cannot be used for multiple arguments");
  for (const p of paths)
    if (p !== "-" && files.read(p) === undefined && !files.isDir(p))
      throw new CmdError(`the path "${p}" does not exist`);
}

/** The files a `-f` path names: itself, or a directory's manifest files in name order. */
function expand(files: Files, path: string): string[] {
  if (!files.isDir(path)) return [path];
  const dir = path.replace(/\/+$/, "");
  return (files.list(path) ?? [])
    .filter((n) => MANIFEST_FILE.test(n))
    .sort()
    .map((n) => `${dir}/${n}`);
}

/** The documents of one file (empty documents skipped). */
export function parseManifest(file: string, text: string): unknown[] {
  if (/^\s*\{/.test(text)) return parseJson(file, text);
  const docs = parseAllDocuments(text, { uniqueKeys: false, logLevel: "error" }) as Document[] | Document;
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const doc of list) {
    const error = doc.errors[0];
    if (error)
      throw new CmdError(
        `error parsing ${file}: error converting YAML to JSON: yaml: ${goYamlMessage(error)}`,
      );
    const value = doc.toJS();
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

function parseJson(file: string, text: string): unknown[] {
  try {
    return parseGoJsonStream(text);
  } catch (e) {
    if (!(e instanceof GoJsonError)) throw e;
    // A json.Decoder reports a cut-off stream as `unexpected EOF` and a syntax error with its offset.
    const message = e.offset < 0 ? "unexpected EOF" : `json: offset ${e.offset}: ${e.message}`;
    throw new CmdError(`error parsing ${file}: ${message}`);
  }
}

/**
 * go-yaml's message for what the `yaml` package found. go-yaml names the 0-based line of its problem mark
 * for parser errors (one less than the line the `yaml` package reports, and no line at all on line 0) and
 * the 1-based line for scanner errors (tabs, unterminated quotes).
 */
export function goYamlMessage(error: YAMLError): string {
  const line = error.linePos?.[0]?.line ?? 1;
  const parserLine = (text: string) => (line - 1 > 0 ? `line ${line - 1}: ${text}` : text);
  switch (error.code) {
    case "TAB_AS_INDENT":
      return `line ${line}: found character that cannot start any token`;
    case "BLOCK_AS_IMPLICIT_KEY":
      return parserLine("mapping values are not allowed in this context");
    case "MISSING_CHAR":
      if (error.message.startsWith("Missing closing")) return `line ${line}: found unexpected end of stream`;
      if (error.message.startsWith("Implicit map keys"))
        return `line ${line + 1}: could not find expected ':'`;
      return parserLine("did not find expected key");
    case "BAD_INDENT":
      if (error.message.startsWith("Flow sequence")) return parserLine("did not find expected ',' or ']'");
      if (error.message.startsWith("Flow map")) return parserLine("did not find expected ',' or '}'");
      return parserLine("did not find expected key");
    default:
      return parserLine("did not find expected key");
  }
}

/** kubectl's client-side check before sending: an object with apiVersion and kind. */
function validationError(file: string, object: unknown): Error | undefined {
  const problems: string[] = [];
  if (object === null || typeof object !== "object" || Array.isArray(object))
    problems.push("invalid object to validate");
  else {
    const o = object as Manifest;
    if (!o.apiVersion) problems.push("apiVersion not set");
    if (!o.kind) problems.push("kind not set");
  }
  if (problems.length === 0) return undefined;
  const data = problems.length === 1 ? problems[0] : `[${problems.join(", ")}]`;
  return new Error(
    `error validating "${file}": error validating data: ${data}; if you choose to ignore these errors, turn validation off with --validate=false`,
  );
}

/** `resource mapping not found …` for a kind the server does not serve. */
export class MappingError extends Error {}

/** The resource type of a manifest, or kubectl's mapping error. */
export function typeOfManifest(loaded: LoadedObject): ResourceType {
  const { object, source } = loaded;
  const t = resourceTypeForKind(object.kind ?? "", object.apiVersion);
  if (t) return t;
  const name = object.metadata?.name ?? "";
  const ns = object.metadata?.namespace ?? "";
  throw new MappingError(
    `resource mapping not found for name: "${name}" namespace: "${ns}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`,
  );
}
