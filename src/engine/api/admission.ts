/**
 * Admission: the checks and mutations a write passes after authorization and before it is stored
 * (ServiceAccount, LimitRanger, ResourceQuota). Each plugin may change the object (defaults) or throw
 * an ApiError (refusal), exactly as the API server's admission chain does.
 */
import type { ResourceType } from "../model/resources";
import type { KObject } from "../model/types";
import type { ClusterState } from "../store/state";

/** One write as admission sees it. */
export interface AdmissionRequest {
  operation: "CREATE" | "UPDATE" | "DELETE";
  type: ResourceType;
  subresource?: string;
  namespace?: string;
  name: string;
  /** The object to be stored (mutable: plugins may default fields). */
  object: KObject;
  old?: KObject;
  dryRun: boolean;
}

/** A mutating or validating admission plugin; throws ApiError to refuse. */
export type AdmissionPlugin = (req: AdmissionRequest, state: ClusterState) => void;

/** The admission chain, in the order the API server runs it. Filled by the plugins' modules. */
export const ADMISSION_CHAIN: readonly AdmissionPlugin[] = [];
