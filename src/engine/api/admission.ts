/**
 * Admission: the checks and mutations a write passes after authorization and before it is stored
 * (NamespaceLifecycle, LimitRanger, ServiceAccount, Priority, DefaultTolerationSeconds, ResourceQuota).
 * As in the API server, every plugin's mutating half (`admit`) runs first, before a generated name is
 * drawn, then the object is validated, then every validating half (`validate`) runs on the named object.
 * That order is visible: a missing service account refuses `pods "http-go-5d4f7c9b6-"` (mutating, no
 * name yet) while quota refuses `pods "http-go-5d4f7c9b6-x2v9k"` (validating).
 */
import type { ResourceType } from "../model/resources";
import type { KObject } from "../model/types";
import type { ClusterState } from "../store/state";
import { PLUGINS } from "./admission/index";
import type { UserInfo } from "./authorization";

/** One write as admission sees it. */
export interface AdmissionRequest {
  operation: "CREATE" | "UPDATE" | "DELETE";
  type: ResourceType;
  subresource?: string;
  namespace?: string;
  /** The request's name; during a create's mutating phase with generateName, the generateName prefix. */
  name: string;
  /** The object to be stored (mutable: plugins may default fields). */
  object: KObject;
  old?: KObject;
  dryRun: boolean;
  /** Who asks (for plugins that care; none of the built-in ones do yet). */
  user?: UserInfo;
}

/** One admission plugin: a mutating half, a validating half, or both; each throws ApiError to refuse. */
export interface AdmissionPlugin {
  /** The plugin's name in the API server (`ResourceQuota`). */
  readonly name: string;
  /** Mutating admission: may change `req.object`. */
  admit?(req: AdmissionRequest, state: ClusterState): void;
  /** Validating admission: may only refuse (ResourceQuota also records the usage it reserves). */
  validate?(req: AdmissionRequest, state: ClusterState): void;
}

/** The admission chain, in the order the API server runs it (v1.32 `AllOrderedPlugins`). */
export const ADMISSION_CHAIN: readonly AdmissionPlugin[] = PLUGINS;

/** Runs every plugin's mutating half, in order. */
export function runMutating(req: AdmissionRequest, state: ClusterState): void {
  for (const plugin of ADMISSION_CHAIN) plugin.admit?.(req, state);
}

/** Runs every plugin's validating half, in order. */
export function runValidating(req: AdmissionRequest, state: ClusterState): void {
  for (const plugin of ADMISSION_CHAIN) plugin.validate?.(req, state);
}
