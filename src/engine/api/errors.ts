/**
 * API errors shaped as the API server's `metav1.Status`, so kubectl can print them exactly as it prints
 * real ones (`Error from server (NotFound): deployments.apps "x" not found`, `The Deployment "x" is invalid: …`).
 */

/** One field-level cause of an Invalid error: `spec.replicas: Invalid value: -1: must be greater than or equal to 0`. */
export interface FieldCause {
  /** `spec.strategy.rollingUpdate.maxUnavailable` */
  field: string;
  /** The whole detail after the field: `Invalid value: 0: may not be 0 when \`maxSurge\` is 0`. */
  message: string;
}

/** The reason strings of metav1.StatusReason that the sandbox produces. */
export type StatusReason =
  | "NotFound"
  | "AlreadyExists"
  | "Conflict"
  | "Invalid"
  | "Forbidden"
  | "BadRequest"
  | "MethodNotAllowed"
  | "InternalError"
  | "";

/** An error returned by the simulated API server. */
export class ApiError extends Error {
  constructor(
    readonly reason: StatusReason,
    readonly code: number,
    message: string,
    /** For Invalid errors: the Kind and name the error names, and its causes. */
    readonly details: { kind?: string; name?: string; group?: string; causes?: FieldCause[] } = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** `deployments.apps "x" not found` */
export function notFound(qualifiedResource: string, name: string): ApiError {
  return new ApiError("NotFound", 404, `${qualifiedResource} "${name}" not found`, { name });
}

/** `deployments.apps "x" already exists` */
export function alreadyExists(qualifiedResource: string, name: string): ApiError {
  return new ApiError("AlreadyExists", 409, `${qualifiedResource} "${name}" already exists`, { name });
}

/**
 * `Deployment.apps "x" is invalid: [a, b]` as the API server builds it (`NewInvalid`); kubectl prints it
 * from the causes as `The Deployment "x" is invalid: …`.
 */
export function invalid(kind: string, group: string, name: string, causes: FieldCause[]): ApiError {
  const qualified = group ? `${kind}.${group}` : kind;
  const list = causes.map((c) => `${c.field}: ${c.message}`);
  const body = list.length === 1 ? list[0] : `[${list.join(", ")}]`;
  return new ApiError("Invalid", 422, `${qualified} "${name}" is invalid: ${body}`, {
    kind,
    name,
    group,
    causes,
  });
}

/** `pods "x" is forbidden: <why>` (quota, LimitRange, service account, RBAC). */
export function forbidden(qualifiedResource: string, name: string, why: string): ApiError {
  return new ApiError("Forbidden", 403, `${qualifiedResource} "${name}" is forbidden: ${why}`, { name });
}

/** A 400 with a free-form message (patch decoding, strict decoding of a create). */
export function badRequest(message: string): ApiError {
  return new ApiError("BadRequest", 400, message);
}
