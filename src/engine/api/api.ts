/**
 * The simulated API server: create/get/list/update/patch/delete on the cluster state, with the same
 * steps a real request goes through: authorization, decoding, defaulting, validation, admission, storage
 * (uid, resourceVersion, generation, timestamps). Users and controllers use the same entry points, so
 * a pod a ReplicaSet creates meets the same quota admission a user's pod meets.
 *
 * An `Api` works on a mutable ClusterState: inside a store transaction that is an immer draft.
 */
import { jsonClone, sameJson } from "../model/json";
import { findResourceType, qualifiedResource, type ResourceType } from "../model/resources";
import type { KObject, Manifest } from "../model/types";
import { type ClusterState, timestamp } from "../store/state";
import { type AdmissionRequest, runMutating, runValidating } from "./admission";
import { ADMIN_USER, decide, forbiddenMessage, type UserInfo } from "./authorization";
import { decodeManifest } from "./decoding";
import { ApiError, alreadyExists, badRequest, forbidden, invalid, notFound } from "./errors";
import { randomSuffix, uidFor } from "./naming";
import { applyPatchRequest, type PatchType } from "./patch/apply";
import { deleteStored, listStored, readStored, writeStored } from "./storage";
import { strategyFor } from "./strategies";

/** Options every write takes. */
export interface WriteOptions {
  /** Run every step but do not store (`--dry-run=server`). */
  dryRun?: boolean;
  /** Strict (the kubectl default since v1.27): unknown fields are an error; Warn: a warning; Ignore: dropped. */
  fieldValidation?: "Strict" | "Warn" | "Ignore";
}

/** Options of a delete. */
export interface DeleteOptions {
  dryRun?: boolean;
  /** Pods: seconds until the kubelet kills the containers (default: the pod's terminationGracePeriodSeconds). */
  gracePeriodSeconds?: number;
}

/** Warnings the server attached to a response (`Warning: …` lines kubectl prints on stderr). */
export type Warnings = string[];

/** The API server bound to one state and one identity. */
export class Api {
  /** Warnings collected from the requests made through this instance, in order. */
  readonly warnings: Warnings = [];

  constructor(
    readonly state: ClusterState,
    readonly user: UserInfo = ADMIN_USER,
  ) {}

  /** The same server acting as another identity. */
  as(user: UserInfo): Api {
    return new Api(this.state, user);
  }

  /** Resolves a resource name (`deployments`) to its type, or throws NotFound as discovery would. */
  type(resource: string): ResourceType {
    const t = findResourceType(resource);
    if (!t) throw new ApiError("NotFound", 404, `the server could not find the requested resource`);
    return t;
  }

  /** GET one object (the caller's own copy, as a client decodes one); throws NotFound. */
  get(resource: string, namespace: string | undefined, name: string): KObject {
    const t = this.type(resource);
    this.authorize("get", t, namespace, name);
    const obj = this.peek(t, namespace, name);
    if (!obj) throw notFound(qualifiedResource(t), name);
    return deepCopy(obj);
  }

  /** LIST the objects of a type, in one namespace or all (`namespace` undefined), sorted by namespace then name. */
  list(resource: string, namespace?: string): KObject[] {
    const t = this.type(resource);
    this.authorize("list", t, namespace);
    return listStored(this.state, t, namespace);
  }

  /** CREATE: decode, default, validate, admit and store a new object. Returns the stored object. */
  create(resource: string, manifest: Manifest, namespace?: string, opts: WriteOptions = {}): KObject {
    const t = this.type(resource);
    const ns = t.namespaced ? (manifest.metadata?.namespace ?? namespace ?? "default") : undefined;
    // Authorization comes first (a filter in front of the handler), then decoding with defaults,
    // mutating admission (no generated name yet), naming, validation, validating admission.
    this.authorize("create", t, ns, undefined);
    const obj = this.decode(t, manifest, ns, opts);
    const strategy = strategyFor(t.kind);
    strategy.applyDefaults?.(obj);
    const req: AdmissionRequest = {
      operation: "CREATE",
      type: t,
      namespace: ns,
      name: obj.metadata.name || obj.metadata.generateName || "",
      object: obj,
      dryRun: !!opts.dryRun,
      user: this.user,
    };
    runMutating(req, this.state);
    const generated = !obj.metadata.name;
    let name = this.nameFor(t, obj);
    // RetryGenerateName (GA in v1.32): a generated name that is taken is drawn again, 8 attempts in all
    // (store.go maxNameGenerationCreateAttempts); 10,000 pods of one ReplicaSet do collide in 27^5 names.
    for (let attempt = 1; generated && attempt < 8 && this.peek(t, ns, name); attempt++) {
      obj.metadata.name = "";
      name = this.nameFor(t, obj);
    }
    if (this.peek(t, ns, name)) throw alreadyExists(qualifiedResource(t), name);
    this.validate(t, obj);
    runValidating({ ...req, name }, this.state);
    strategy.allocate?.(obj, this.state);
    const stored = this.stamp(obj, t, ns, name);
    if (strategy.tracksGeneration) stored.metadata.generation = 1;
    if (!opts.dryRun) this.store(t, stored);
    return stored;
  }

  /**
   * UPDATE (PUT) of the main resource. With a status subresource the stored status is kept; the
   * generation moves when the spec (or, for Deployments, the annotations) changed.
   */
  update(resource: string, obj: KObject, opts: WriteOptions = {}): KObject {
    return this.replace(resource, obj, undefined, opts);
  }

  /**
   * PATCH (strategic merge, JSON merge or JSON patch; `patch` is the request body as text, or already
   * parsed): applied to the stored object (patch/apply.ts), then stored as an update would be, so
   * validation, admission and generation apply. Field validation defaults to the server's `Warn`.
   */
  patch(
    resource: string,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    patch: unknown,
    opts: WriteOptions = {},
  ): KObject {
    const t = this.type(resource);
    const ns = t.namespaced ? namespace : undefined;
    this.authorize("patch", t, ns, name);
    const old = this.peek(t, ns, name);
    if (!old) throw notFound(qualifiedResource(t), name);
    const next = applyPatchRequest(
      t,
      deepCopy(old),
      type,
      patch,
      opts.fieldValidation ?? "Warn",
      this.warnings,
    );
    if (next.metadata?.name !== name) {
      throw badRequest(
        `the name of the object (${next.metadata?.name ?? ""}) does not match the name on the URL (${name})`,
      );
    }
    // A copy: an unchanged object comes back as the stored one, which the caller must not change.
    return deepCopy(this.replace(resource, next, undefined, { ...opts, fieldValidation: "Ignore" }, "patch"));
  }

  /**
   * UPDATE of the status subresource: only `status` changes. With `handOff` the caller gives `obj.status`
   * up: a pod's is stored as it is, not copied (the kubelet builds every status afresh and keeps none: 30,000
   * status writes in a 10,000-replica rollout). Stored values are frozen where tests run, so a caller that
   * changed it later would fail loudly there.
   */
  updateStatus(resource: string, obj: KObject, opts: { handOff?: boolean } = {}): KObject {
    return this.replace(resource, obj, "status", {}, "update", opts.handOff);
  }

  /** GET through a subresource (`deployments/scale`): authorized as `get` on `<resource>/<subresource>`. */
  getVia(subresource: string, resource: string, namespace: string | undefined, name: string): KObject {
    const t = this.type(resource);
    this.authorize("get", t, namespace, name, subresource);
    const obj = this.peek(t, namespace, name);
    if (!obj) throw notFound(qualifiedResource(t), name);
    return deepCopy(obj);
  }

  /** UPDATE or PATCH through a subresource (`kubectl scale` → `deployments/scale`): authorized on `<resource>/<subresource>`. */
  updateVia(
    subresource: string,
    verb: "update" | "patch",
    resource: string,
    obj: KObject,
    opts: WriteOptions = {},
  ): KObject {
    return deepCopy(this.replace(resource, obj, subresource, opts, verb));
  }

  /** DELETE. Pods terminate gracefully (deletionTimestamp, then the kubelet removes them); other kinds go at once. */
  delete(resource: string, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KObject {
    const t = this.type(resource);
    this.authorize("delete", t, namespace, name);
    const old = this.peek(t, namespace, name);
    if (!old) throw notFound(qualifiedResource(t), name);
    this.admit({
      operation: "DELETE",
      type: t,
      namespace,
      name,
      object: old,
      old,
      dryRun: !!opts.dryRun,
      user: this.user,
    });
    if (opts.dryRun) return old;
    if (t.kind === "Pod" && old.spec?.nodeName && opts.gracePeriodSeconds !== 0) {
      if (old.metadata.deletionTimestamp) return old;
      const grace = opts.gracePeriodSeconds ?? old.spec?.terminationGracePeriodSeconds ?? 30;
      // A shallow copy: only metadata changes (a ReplicaSet scaling 10,000 pods down deletes 500 per sync).
      const next = { ...old, metadata: { ...old.metadata } };
      next.metadata.deletionTimestamp = timestamp(this.state, this.state.now + grace * 1000);
      next.metadata.deletionGracePeriodSeconds = grace;
      this.store(t, this.bump(next));
      return next;
    }
    this.remove(t, namespace, name);
    return old;
  }

  /** Removes an object from storage at once (the kubelet's final delete of a terminated pod, the garbage collector). */
  remove(t: ResourceType, namespace: string | undefined, name: string): void {
    deleteStored(this.state, t, namespace, name);
  }

  /** The stored object, without authorization (for the server's own checks). */
  peek(t: ResourceType, namespace: string | undefined, name: string): KObject | undefined {
    return readStored(this.state, t, namespace, name);
  }

  private replace(
    resource: string,
    input: KObject,
    subresource: string | undefined,
    opts: WriteOptions,
    verb = "update",
    handOff = false,
  ): KObject {
    const t = this.type(resource);
    const ns = t.namespaced ? (input.metadata.namespace ?? "default") : undefined;
    const name = input.metadata.name;
    this.authorize(verb, t, ns, name, subresource);
    const old = this.peek(t, ns, name);
    if (!old) throw notFound(qualifiedResource(t), name);
    const rv = input.metadata.resourceVersion;
    if (rv !== undefined && rv !== old.metadata.resourceVersion) {
      throw new ApiError(
        "Conflict",
        409,
        `Operation cannot be fulfilled on ${qualifiedResource(t)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
        { name },
      );
    }
    // Pod status writes are the kubelet's hot path (10,000 pods): no deep copy of the old pod, only of the status.
    if (subresource === "status" && t.kind === "Pod") return this.replacePodStatus(t, old, input, handOff);
    const strategy = strategyFor(t.kind);
    const obj =
      subresource === "status"
        ? { ...deepCopy(old), status: deepCopy(input.status) }
        : this.decode(t, input, ns, opts);
    if (subresource === "status" && strategy.statusWritesAnnotations) {
      obj.metadata = { ...obj.metadata, annotations: deepCopy(input.metadata.annotations) };
    }
    // Fields the server owns survive every update.
    obj.metadata = {
      ...obj.metadata,
      uid: old.metadata.uid,
      creationTimestamp: old.metadata.creationTimestamp,
    };
    if (old.metadata.deletionTimestamp) obj.metadata.deletionTimestamp = old.metadata.deletionTimestamp;
    if (subresource !== "status") {
      if (strategy.hasStatus) obj.status = deepCopy(old.status);
      strategy.applyDefaults?.(obj);
      this.validate(t, obj, old);
      this.admit({
        operation: "UPDATE",
        type: t,
        subresource,
        namespace: ns,
        name,
        object: obj,
        old,
        dryRun: !!opts.dryRun,
        user: this.user,
      });
      obj.metadata.generation = old.metadata.generation;
      if (strategy.tracksGeneration && specChanged(old, obj, !!strategy.annotationsBumpGeneration)) {
        obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      }
    }
    if (sameJson(stripVolatile(old), stripVolatile(obj))) return old;
    const stored = this.bump(obj);
    if (!opts.dryRun) this.store(t, stored);
    return stored;
  }

  /**
   * The pods/binding subresource the scheduler posts: sets spec.nodeName and the PodScheduled=True
   * condition in one write. A pod already bound is a Conflict, as on a real server.
   */
  bind(namespace: string, name: string, node: string): KObject {
    const t = this.type("pods");
    this.authorize("create", t, namespace, name, "binding");
    const old = this.peek(t, namespace, name);
    if (!old) throw notFound(qualifiedResource(t), name);
    if (old.spec?.nodeName) {
      throw new ApiError(
        "Conflict",
        409,
        `Operation cannot be fulfilled on pods/binding "${name}": pod ${name} is already assigned to node "${old.spec.nodeName}"`,
        { name },
      );
    }
    const conditions = (old.status?.conditions ?? []).filter(
      (c: { type: string }) => c.type !== "PodScheduled",
    );
    conditions.push({
      type: "PodScheduled",
      status: "True",
      lastProbeTime: null,
      lastTransitionTime: timestamp(this.state, this.state.now),
    });
    const stored = this.bump({
      ...old,
      metadata: { ...old.metadata },
      spec: { ...old.spec, nodeName: node },
      status: { ...old.status, conditions },
    });
    this.store(t, stored);
    return stored;
  }

  private replacePodStatus(t: ResourceType, old: KObject, input: KObject, handOff: boolean): KObject {
    if (sameJson(old.status, input.status)) return old;
    // The new pod shares all but its status and metadata with the old one (stored objects never change).
    const status = handOff ? input.status : deepCopy(input.status);
    const stored = this.bump({ ...old, metadata: { ...old.metadata }, status });
    this.store(t, stored);
    return stored;
  }

  /** Decoding: type errors, field validation (decoding.ts), apiVersion/kind, a deep copy the caller may change. */
  private decode(t: ResourceType, manifest: Manifest, ns: string | undefined, opts: WriteOptions): KObject {
    manifest = decodeManifest(t, manifest, opts.fieldValidation ?? "Strict", this.warnings);
    const obj = deepCopy(manifest) as KObject;
    obj.apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
    obj.kind = t.kind;
    obj.metadata = { ...(obj.metadata ?? {}), name: obj.metadata?.name ?? "" };
    if (ns !== undefined) obj.metadata.namespace = ns;
    else delete obj.metadata.namespace;
    return obj;
  }

  private nameFor(t: ResourceType, obj: KObject): string {
    if (obj.metadata.name) return obj.metadata.name;
    const prefix = obj.metadata.generateName;
    if (prefix) {
      // generateName: the prefix (cut to 58 characters) plus 5 random characters of the safe alphabet.
      const name = `${prefix.slice(0, 58)}${randomSuffix(this.state, 5)}`;
      obj.metadata.name = name;
      return name;
    }
    throw invalid(t.kind, t.group, "", [
      { field: "metadata.name", message: "Required value: name or generateName is required" },
    ]);
  }

  private validate(t: ResourceType, obj: KObject, old?: KObject): void {
    const causes = strategyFor(t.kind).validate?.(obj, old) ?? [];
    if (causes.length > 0) throw invalid(t.kind, t.group, obj.metadata.name, causes);
  }

  /** Both admission phases back to back (updates and deletes: the name is known). */
  private admit(req: AdmissionRequest): void {
    runMutating(req, this.state);
    runValidating(req, this.state);
  }

  private authorize(
    verb: string,
    t: ResourceType,
    namespace?: string,
    name?: string,
    subresource?: string,
  ): void {
    const ns = t.namespaced ? namespace : undefined;
    const req = { verb, group: t.group, resource: t.resource, subresource, namespace: ns, name };
    const decision = decide(this.state, this.user, req);
    if (decision.allowed) return;
    // The resource is named without its subresource (`deployments.apps "x" is forbidden: … "deployments/scale"`).
    const message = forbiddenMessage(this.user, req, decision.reason);
    throw name
      ? forbidden(qualifiedResource(t), name, message)
      : new ApiError("Forbidden", 403, `${qualifiedResource(t)} is forbidden: ${message}`);
  }

  private stamp(obj: KObject, t: ResourceType, ns: string | undefined, name: string): KObject {
    this.state.uidCounter += 1;
    obj.metadata = {
      ...obj.metadata,
      name,
      uid: uidFor(this.state.uidCounter),
      creationTimestamp: timestamp(this.state, this.state.now),
    };
    if (t.namespaced) obj.metadata.namespace = ns;
    return this.bump(obj);
  }

  private bump(obj: KObject): KObject {
    this.state.resourceVersion += 1;
    obj.metadata.resourceVersion = String(this.state.resourceVersion);
    return obj;
  }

  private store(t: ResourceType, obj: KObject): void {
    writeStored(this.state, t, obj);
  }
}

function specChanged(old: KObject, next: KObject, annotationsCount: boolean): boolean {
  if (!sameJson(old.spec, next.spec)) return true;
  return annotationsCount && !sameJson(old.metadata.annotations ?? {}, next.metadata.annotations ?? {});
}

function stripVolatile(obj: KObject): KObject {
  const { resourceVersion: _rv, ...metadata } = obj.metadata;
  return { ...obj, metadata } as KObject;
}

/**
 * A deep copy of a JSON-shaped value. Not structuredClone: parts of the state immer manages are drafts
 * (proxies) inside a transaction, which structuredClone refuses ("could not be cloned").
 */
export function deepCopy<T>(value: T): T {
  return value === undefined ? value : jsonClone(value);
}
