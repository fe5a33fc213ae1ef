/**
 * The resource builder's `-f` path (visitByPaths): the objects named in the manifests (kind, name and
 * namespace) are the targets. Resource arguments beside `-f` are refused with the builder's errors, `-l`
 * filters on the labels written in the file, and with `latest` each object is fetched live (RetrieveLatest)
 * so the command sees the server's version; without it the file's object stands for itself (delete).
 */
import { ApiError, type KObject, type ResourceType } from "../engine";
import type { Fetched, Info } from "./builder";
import type { CommandContext } from "./commands/types";
import { CmdError } from "./errors";
import { checkPaths, loadManifests, typeOfManifest } from "./manifests";

/** What a `-f` visit needs besides the context. */
export interface PathRequest {
  filenames: readonly string[];
  /** The positional args: any is an error beside `-f`. */
  args: readonly string[];
  /** `-l` as a matcher of the labels written in the file. */
  labelFilter?: (labels: Record<string, string> | undefined) => boolean;
  /** Fetch each object from the server (most verbs) rather than using the file's object. */
  latest: boolean;
  /** `--validate`: objects without apiVersion/kind are errors (apply, create). */
  validate?: boolean;
}

/** The result of a `-f` visit, plus whether one object was implied (one file path, not a folder or stdin). */
export interface PathResult extends Fetched {
  singleItemImplied: boolean;
}

/** The builder's refusal of resource arguments given together with `-f`. */
export function checkNoArgs(args: readonly string[]): void {
  if (args.length === 0) return;
  if (args.some((a) => !a.includes("/")))
    throw new CmdError(
      "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well",
    );
  throw new CmdError("resource/name arguments cannot be provided when a path is specified");
}

/** Visits the objects of the `-f` paths. Throws for file errors; API errors are collected per object. */
export function visitPaths(ctx: CommandContext, req: PathRequest): PathResult {
  checkPaths(ctx.files, req.filenames);
  checkNoArgs(req.args);
  const loaded = loadManifests(ctx.files, req.filenames, req.validate ?? false, ctx.stdin);
  const infos: Info[] = [];
  const errors: Error[] = [];
  for (const loadedObject of loaded) {
    const { object, source } = loadedObject;
    const name = object.metadata?.name ?? "";
    let type: ResourceType;
    try {
      type = typeOfManifest(loadedObject);
    } catch (e) {
      errors.push(e as Error);
      continue;
    }
    if (req.labelFilter && !req.labelFilter(object.metadata?.labels)) continue;
    const fileNs = object.metadata?.namespace;
    if (type.namespaced && ctx.explicitNamespace && fileNs && fileNs !== ctx.namespace)
      throw new CmdError(
        `the namespace from the provided object "${fileNs}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${fileNs}' to perform this operation.`,
      );
    const ns = type.namespaced ? (fileNs ?? ctx.namespace) : undefined;
    if (!req.latest) {
      const obj = { ...object, metadata: { ...object.metadata, name, namespace: ns } } as KObject;
      infos.push({ type, obj, source });
      continue;
    }
    try {
      infos.push({
        type,
        obj: ctx.cluster.read((api) => api.get(type.resource, ns, name), ctx.user),
        source,
      });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      errors.push(e);
    }
  }
  const one = req.filenames.length === 1 ? (req.filenames[0] as string) : undefined;
  const singleItemImplied = one !== undefined && one !== "-" && !ctx.files.isDir(one);
  return { infos, errors, singleItemImplied };
}
