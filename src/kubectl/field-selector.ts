/**
 * `--field-selector` as the API server answers it: the fields each kind's field label conversion accepts
 * (pkg/apis/core/v1/conversion.go, pkg/apis/apps/v1/conversion.go; other kinds take only metadata.name and
 * metadata.namespace), the operators `=`, `==`, `!=`, and the BadRequest for any other field, which kubectl
 * wraps (EnhanceListError) as `Unable to find "<group>/v1, Resource=<resource>" that match label selector …`.
 */
import { ApiError, type KObject, type ResourceType } from "../engine";

/** One `field<op>value` term. */
export interface FieldTerm {
  field: string;
  value: string;
  negate: boolean;
}

/** Fields beyond metadata.name/namespace that a kind's conversion func accepts. */
const KIND_FIELDS: Record<string, string[]> = {
  Pod: [
    ...["spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName"],
    ...["spec.hostNetwork", "status.phase", "status.podIP", "status.podIPs", "status.nominatedNodeName"],
    "spec.host",
  ],
  Event: [
    ...["involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid"],
    ...["involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath"],
    ...["reason", "reportingComponent", "source", "type"],
  ],
  ReplicaSet: ["status.replicas"],
  ReplicationController: ["status.replicas"],
  Namespace: ["status.phase"],
  Secret: ["type"],
  Service: ["spec.clusterIP", "spec.type"],
  Node: ["spec.unschedulable"],
};

/** Kinds whose conversion func rejects with `field label not supported: x` (the others: `"x" is not a known field selector: …`). */
const CONVERTED = new Set(Object.keys(KIND_FIELDS));

/** Kinds without metadata.namespace among their fields (cluster-scoped conversion funcs). */
const NO_NAMESPACE_FIELD = new Set(["Node", "Namespace"]);

/** Parses `a=b,c!=d` (fields.ParseSelector); "" selects everything. */
export function parseFieldSelector(text: string): FieldTerm[] {
  const terms: FieldTerm[] = [];
  for (const part of text.split(",")) {
    if (part === "") continue;
    const op = ["!=", "==", "="].find((o) => part.includes(o));
    if (!op) throw new ApiError("BadRequest", 400, `invalid selector: '${text}'; can't understand '${part}'`);
    const i = part.indexOf(op);
    terms.push({ field: part.slice(0, i), value: part.slice(i + op.length), negate: op === "!=" });
  }
  return terms;
}

/** The value of `field` on `obj` as the field set of its kind holds it (absent = ""). */
function fieldValue(obj: KObject, field: string): string {
  // ToSelectableFields: source.component, else reportingComponent (events.k8s.io events have no source).
  if (field === "source") return String(obj.source?.component || obj.reportingComponent || "");
  if (field === "spec.host") return fieldValue(obj, "spec.nodeName");
  if (field === "spec.hostNetwork") return String(obj.spec?.hostNetwork ?? false);
  if (field === "spec.unschedulable") return String(obj.spec?.unschedulable ?? false);
  if (field === "status.replicas") return String(obj.status?.replicas ?? 0);
  if (field === "status.podIPs") return String(obj.status?.podIPs?.[0]?.ip ?? "");
  let cur: unknown = obj;
  for (const p of field.split("."))
    cur = cur && typeof cur === "object" ? (cur as Record<string, unknown>)[p] : undefined;
  return cur === undefined || cur === null ? "" : String(cur);
}

/** Throws the wrapped BadRequest when a term names a field `type` does not support. */
export function checkFields(
  type: ResourceType,
  terms: readonly FieldTerm[],
  labelSelector: string,
  text: string,
): void {
  const supported = [
    "metadata.name",
    ...(NO_NAMESPACE_FIELD.has(type.kind) ? [] : ["metadata.namespace"]),
    ...(KIND_FIELDS[type.kind] ?? []),
  ];
  const bad = terms.find((t) => !supported.includes(t.field));
  if (!bad) return;
  const why = CONVERTED.has(type.kind)
    ? `field label not supported: ${bad.field}`
    : `"${bad.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`;
  const gvr = `${type.group}/${type.version}, Resource=${type.resource}`;
  throw new ApiError(
    "BadRequest",
    400,
    `Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${text}": ${why}`,
  );
}

/** True when `obj` satisfies every term. */
export function matchesFields(obj: KObject, terms: readonly FieldTerm[]): boolean {
  return terms.every((t) => (fieldValue(obj, t.field) === t.value) !== t.negate);
}
