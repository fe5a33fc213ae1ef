/**
 * `rollout history -o json|yaml` prints the ReplicaSets as the typed client decoded them, not as the
 * server's unstructured JSON: keys in Go struct order (kind before apiVersion, ObjectMeta's name,
 * generateName, namespace, uid, …), map keys sorted, and every ObjectMeta with its `creationTimestamp`
 * (a zero metav1.Time encodes as `null`, the pod template's included).
 */
import { type KObject, schemaFor } from "../../engine";
import { toYaml } from "../printers/output";

/** A node of the engine's Go type schema. */
type Schema = NonNullable<ReturnType<typeof schemaFor>>["fields"][string];

/** apps/v1 ReplicaSetStatus in struct order (the engine's schema leaves status untyped). */
const RS_STATUS = ["replicas", "fullyLabeledReplicas", "readyReplicas", "availableReplicas"];
const RS_STATUS_TAIL = ["observedGeneration", "conditions"];

/** `rs` with its keys in the order encoding/json writes the typed apps/v1 ReplicaSet. */
export function typedReplicaSet(rs: KObject): Record<string, unknown> {
  const root = schemaFor("ReplicaSet");
  const ordered = (root ? order(rs, root) : rs) as Record<string, unknown>;
  const { kind, apiVersion, status, ...rest } = ordered;
  const template = (rest.spec as { template?: { metadata?: Record<string, unknown> } } | undefined)?.template;
  if (template) template.metadata = { creationTimestamp: null, ...(template.metadata ?? {}) };
  // omitempty drops zero values: spec.minReadySeconds and every status count but `replicas`.
  const spec = rest.spec as Record<string, unknown> | undefined;
  if (spec && spec.minReadySeconds === 0) delete spec.minReadySeconds;
  const s = (status ?? {}) as Record<string, unknown>;
  const keys = [...RS_STATUS, ...RS_STATUS_TAIL].filter(
    (k) => k in s && (k === "replicas" || (s[k] !== 0 && s[k] !== undefined)),
  );
  const typedStatus = Object.fromEntries(keys.map((k) => [k, s[k]]));
  return { kind, apiVersion, ...rest, status: typedStatus };
}

/** `value` reordered by `schema`: struct fields in declaration order (unknown ones after, sorted), maps sorted. */
function order(value: unknown, schema: Schema | undefined): unknown {
  if (Array.isArray(value)) return value.map((v) => order(v, schema?.t === "list" ? schema.item : undefined));
  if (value === null || typeof value !== "object") return value;
  const obj = value as Record<string, unknown>;
  if (schema?.t === "struct") {
    const known = Object.keys(schema.fields).filter((k) => k in obj);
    const extra = Object.keys(obj)
      .filter((k) => !(k in schema.fields))
      .sort();
    return Object.fromEntries([...known, ...extra].map((k) => [k, order(obj[k], schema.fields[k])]));
  }
  const value2 = schema?.t === "map" ? schema.value : undefined;
  return Object.fromEntries(
    Object.keys(obj)
      .sort()
      .map((k) => [k, order(obj[k], value2)]),
  );
}

/** `-o json|yaml` of a revision's ReplicaSet as the typed printer writes it (null for other formats). */
export function printTypedReplicaSet(format: string, rs: KObject): string | undefined {
  const typed = typedReplicaSet(rs);
  // json.MarshalIndent keeps struct order (goJson would sort); `<`, `>`, `&` only occur inside strings.
  if (format === "json")
    return `${JSON.stringify(typed, null, 4).replace(/[<>&\u2028\u2029]/g, (m) => `\\u${(m.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`)}\n`;
  // sigs.k8s.io/yaml goes through a map: keys sorted, the nulls kept.
  if (format === "yaml") return toYaml(typed);
  return undefined;
}
