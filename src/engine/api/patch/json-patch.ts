/**
 * JSON patch (RFC 6902) as the API server applies it (gopkg.in/evanphx/json-patch.v4): add, remove,
 * replace, move, copy, test on JSON pointers (`/spec/template/spec/containers/0/image`, `~1` for `/`,
 * `-` for the end of an array). Failures carry the library's messages (`replace operation does not apply:
 * doc is missing key: /spec/foo: missing value`); the server answers any of them with a bare 422, which
 * kubectl prints as `The request is invalid: the server rejected our request due to an error in our request`.
 */
import { goValue } from "./gofmt";
import { clone, isObject } from "./merge";
import { PatchError } from "./strategic";

type Container = Record<string, unknown> | unknown[];

/** `doc` with the operations of `patch` (a JSON array) applied; throws PatchError (400 for a malformed patch, 422 when an operation does not apply). */
export function jsonPatch(doc: unknown, patch: unknown): unknown {
  if (!Array.isArray(patch)) {
    const kind = isObject(patch)
      ? "object"
      : typeof patch === "string"
        ? "string"
        : typeof patch === "number"
          ? "number"
          : "bool";
    throw new PatchError(`json: cannot unmarshal ${kind} into Go value of type jsonpatch.Patch`, 400);
  }
  let out = clone(doc);
  for (const op of patch) {
    if (!isObject(op))
      throw new PatchError(
        `json: cannot unmarshal ${goValue(op)} into Go value of type jsonpatch.Operation`,
        400,
      );
    out = applyOne(out, op);
  }
  return out;
}

function applyOne(doc: unknown, op: Record<string, unknown>): unknown {
  const kind = typeof op.op === "string" ? op.op : "unknown";
  const path = typeof op.path === "string" ? op.path : undefined;
  if (path === undefined && kind !== "unknown") throw missing(`${kind} operation failed to decode path`);
  switch (kind) {
    case "add":
      return add(doc, path as string, clone(op.value), "add");
    case "remove":
      return remove(doc, path as string, "remove").doc;
    case "replace":
      return replace(doc, path as string, clone(op.value));
    case "move": {
      const from = fromOf(op, "move");
      const taken = remove(doc, from, "move");
      return add(taken.doc, path as string, taken.value, "move");
    }
    case "copy": {
      const from = fromOf(op, "copy");
      return add(doc, path as string, clone(get(doc, from, "copy")), "copy");
    }
    case "test": {
      const current = lookup(doc, path as string);
      if (JSON.stringify(sortDeep(current)) !== JSON.stringify(sortDeep(op.value)))
        throw new PatchError(`testing value ${path} failed: test failed`, 422);
      return doc;
    }
    default:
      throw new PatchError(`Unexpected kind: ${kind}`, 422);
  }
}

function fromOf(op: Record<string, unknown>, kind: string): string {
  if (typeof op.from !== "string") throw missing(`${kind} operation failed to decode from`);
  return op.from;
}

function missing(message: string): PatchError {
  return new PatchError(`${message}: missing value`, 422);
}

/** The tokens of a JSON pointer (`/a/b~1c` → `a`, `b/c`). */
function tokens(path: string): string[] {
  if (path === "") return [];
  return path
    .slice(1)
    .split("/")
    .map((t) => t.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The container that holds the pointer's last token, and that token; undefined if the path does not exist. */
function parentOf(doc: unknown, path: string): { con: Container; key: string } | undefined {
  const parts = tokens(path);
  const key = parts.pop();
  if (key === undefined || !path.startsWith("/")) return undefined;
  let cur: unknown = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) {
      const i = arrayIndex(p, cur.length - 1);
      if (i === undefined) return undefined;
      cur = cur[i];
    } else if (isObject(cur) && p in cur) cur = cur[p];
    else return undefined;
  }
  return Array.isArray(cur) || isObject(cur) ? { con: cur, key } : undefined;
}

function arrayIndex(token: string, max: number): number | undefined {
  if (!/^\d+$/.test(token)) return undefined;
  const i = Number(token);
  return i <= max ? i : undefined;
}

function add(doc: unknown, path: string, value: unknown, kind: string): unknown {
  if (path === "") return value;
  const found = parentOf(doc, path);
  if (!found) throw missing(`${kind} operation does not apply: doc is missing path: "${path}"`);
  const { con, key } = found;
  if (Array.isArray(con)) {
    const i = key === "-" ? con.length : arrayIndex(key, con.length);
    if (i === undefined)
      throw new PatchError(
        `error in add for path: '${path}': Unable to access invalid index: ${key}: invalid index referenced`,
        422,
      );
    con.splice(i, 0, value);
  } else con[key] = value;
  return doc;
}

function remove(doc: unknown, path: string, kind: string): { doc: unknown; value: unknown } {
  const found = parentOf(doc, path);
  if (!found) throw missing(`${kind} operation does not apply: doc is missing path: "${path}"`);
  const { con, key } = found;
  if (Array.isArray(con)) {
    const i = arrayIndex(key, con.length - 1);
    if (i === undefined)
      throw new PatchError(
        `error in remove for path: '${path}': Unable to remove invalid index: ${key}: invalid index referenced`,
        422,
      );
    return { doc, value: con.splice(i, 1)[0] };
  }
  if (!(key in con))
    throw new PatchError(
      `error in remove for path: '${path}': Unable to remove nonexistent key: ${key}: missing value`,
      422,
    );
  const value = con[key];
  delete con[key];
  return { doc, value };
}

function replace(doc: unknown, path: string, value: unknown): unknown {
  if (path === "") return value;
  const found = parentOf(doc, path);
  if (!found) throw missing(`replace operation does not apply: doc is missing path: ${path}`);
  const { con, key } = found;
  if (Array.isArray(con)) {
    const i = arrayIndex(key, con.length - 1);
    if (i === undefined)
      throw new PatchError(
        `replace operation does not apply: doc is missing key: ${path}: missing value`,
        422,
      );
    con[i] = value;
  } else {
    if (!(key in con)) throw missing(`replace operation does not apply: doc is missing key: ${path}`);
    con[key] = value;
  }
  return doc;
}

function lookup(doc: unknown, path: string): unknown {
  if (path === "") return doc;
  const found = parentOf(doc, path);
  if (!found) return undefined;
  const { con, key } = found;
  if (Array.isArray(con)) {
    const i = arrayIndex(key, con.length - 1);
    return i === undefined ? undefined : con[i];
  }
  return con[key];
}

function get(doc: unknown, path: string, kind: string): unknown {
  const value = lookup(doc, path);
  if (value === undefined)
    throw missing(`${kind} operation does not apply: doc is missing from path: ${path}`);
  return value;
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (!isObject(v)) return v ?? null;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortDeep(v[k])]),
  );
}
