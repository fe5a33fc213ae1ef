/**
 * The objects `kubectl create configmap` and `kubectl create secret generic` build from
 * `--from-literal=key=value` and `--from-file=[key=]path` (cmd/create/create_configmap.go,
 * create_secret.go), with their client-side errors. Secret values are base64 of the UTF-8 bytes.
 */
import type { KObject } from "../../engine";
import type { Files } from "../context";
import type { Built } from "./policy";

/** Where the values come from. */
export interface DataSources {
  literals: string[];
  files: string[];
}

const KEY = /^[-._a-zA-Z0-9]+$/;
const KEY_HELP =
  "a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')";

/** `kubectl create configmap NAME --from-literal=… --from-file=…`. */
export function buildConfigMap(name: string, src: DataSources, files: Files): Built {
  const data = collect(
    src,
    files,
    (key) =>
      `cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"`,
    "ConfigMap",
  );
  if (typeof data === "string") return { ok: false, error: data };
  const object: KObject = { apiVersion: "v1", kind: "ConfigMap", metadata: { name } };
  if (Object.keys(data).length > 0) object.data = data;
  return { ok: true, object };
}

/** `kubectl create secret generic NAME --from-literal=… --from-file=… [--type=…]`. */
export function buildSecret(name: string, src: DataSources, files: Files, type?: string): Built {
  const data = collect(
    src,
    files,
    (key) => `cannot add key ${key}, another key by that name already exists`,
    "Secret",
  );
  if (typeof data === "string") return { ok: false, error: data };
  const encoded: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) encoded[k] = base64(v);
  const object: KObject = { apiVersion: "v1", kind: "Secret", metadata: { name } };
  if (Object.keys(encoded).length > 0) object.data = encoded;
  if (type) object.type = type;
  return { ok: true, object };
}

/** The key/value pairs of the sources (files first, then literals, as kubectl adds them), or an error. */
function collect(
  src: DataSources,
  files: Files,
  duplicate: (key: string) => string,
  kind: string,
): Record<string, string> | string {
  const data: Record<string, string> = {};
  const add = (key: string, value: string): string | undefined => {
    if (!KEY.test(key)) return `"${key}" is not a valid key name for a ${kind}: ${KEY_HELP}`;
    if (key in data) return duplicate(key);
    data[key] = value;
    return undefined;
  };
  for (const spec of src.files) {
    const eq = spec.indexOf("=");
    const path = eq < 0 ? spec : spec.slice(eq + 1);
    if (files.isDir(path)) {
      for (const entry of files.list(path) ?? []) {
        const text = files.read(`${files.resolve(path)}/${entry}`);
        if (text === undefined) continue;
        const e = add(entry, text);
        if (e) return e;
      }
      continue;
    }
    const text = files.read(path);
    if (text === undefined) return `error reading ${path}: no such file or directory`;
    const key = eq < 0 ? (path.split("/").pop() ?? path) : spec.slice(0, eq);
    const e = add(key, text);
    if (e) return e;
  }
  for (const literal of src.literals) {
    const eq = literal.indexOf("=");
    if (eq <= 0) return `invalid literal source ${literal}, expected key=value`;
    const e = add(literal.slice(0, eq), literal.slice(eq + 1));
    if (e) return e;
  }
  return data;
}

/** Standard base64 of the UTF-8 encoding of `text`. */
export function base64(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
