/**
 * Per-kind behaviour of the API server (the "REST strategy" of the real one): defaulting, validation,
 * strict decoding, and what an update may change. The table of strategies is strategies.ts; a kind without
 * one gets GENERIC_STRATEGY.
 */
import type { KObject } from "../model/types";
import type { ClusterState } from "../store/state";
import type { FieldCause } from "./errors";

/** What the API server does with objects of one kind. */
export interface KindStrategy {
  /** Fills in API defaults in place (replicas 1, strategy RollingUpdate 25%/25%, …). */
  applyDefaults?(obj: KObject): void;
  /** On create, after validation: hands out what the server allocates (a Service's ClusterIP and node ports). */
  allocate?(obj: KObject, state: ClusterState): void;
  /** Field errors of a new object, or of an update when `old` is given (immutable fields). */
  validate?(obj: KObject, old?: KObject): FieldCause[];
  /** Dotted paths of fields the kind does not have (`spec.processDeadlineSeconds`), for strict decoding. */
  unknownFields?(obj: unknown): string[];
  /** True when the kind has a status subresource: updates of the main resource then keep the old status. */
  hasStatus?: boolean;
  /** True when `metadata.generation` moves on spec changes (and, for Deployments, annotation changes). */
  tracksGeneration?: boolean;
  /** True when a change of annotations also bumps the generation (Deployments: they are copied to ReplicaSets). */
  annotationsBumpGeneration?: boolean;
  /**
   * True when a status update also stores the object's annotations (the Deployment status strategy keeps
   * only spec and labels from the old object, which is how the controller writes the revision annotation
   * without bumping the generation).
   */
  statusWritesAnnotations?: boolean;
}

/** The generic strategy: no defaults, no validation, no status subresource. */
export const GENERIC_STRATEGY: KindStrategy = {};
