/**
 * Field validation of pods and pod templates (pkg/apis/core/validation ValidatePodSpec, the parts a
 * learner meets) and of Services (ValidateService), with the API server's messages:
 * `spec.containers: Required value`, `spec.containers[0].image: Required value`,
 * `spec.containers[0].ports[0].containerPort: Invalid value: 0: must be between 1 and 65535, inclusive`,
 * `spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"`.
 */
import type { KObject } from "../model/types";
import type { FieldCause } from "./errors";

// biome-ignore lint/suspicious/noExplicitAny: specs are loosely typed until validated
type Loose = Record<string, any>;

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_LABEL_ERROR =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const PORT_RANGE = "must be between 1 and 65535, inclusive";

function portCause(field: string, value: unknown): FieldCause | undefined {
  if (value === undefined || value === null) return { field, message: "Required value" };
  if (typeof value === "number" && (value < 1 || value > 65535 || !Number.isInteger(value)))
    return { field, message: `Invalid value: ${value}: ${PORT_RANGE}` };
  return undefined;
}

/** ValidatePodSpec's common errors; `path` is `spec` for pods, `spec.template.spec` for templates. */
export function validatePodSpec(spec: Loose | undefined, path: string): FieldCause[] {
  const out: FieldCause[] = [];
  const containers: Loose[] = spec?.containers ?? [];
  if (containers.length === 0) out.push({ field: `${path}.containers`, message: "Required value" });
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}.containers[${i}]`;
    if (!c.name) out.push({ field: `${at}.name`, message: "Required value" });
    else if (!DNS1123_LABEL.test(c.name) || c.name.length > 63)
      out.push({
        field: `${at}.name`,
        message: `Invalid value: ${JSON.stringify(c.name)}: ${DNS1123_LABEL_ERROR}`,
      });
    else if (seen.has(c.name))
      out.push({ field: `${at}.name`, message: `Duplicate value: ${JSON.stringify(c.name)}` });
    if (c.name) seen.add(c.name);
    if (!c.image) out.push({ field: `${at}.image`, message: "Required value" });
    (c.ports ?? []).forEach((p: Loose, j: number) => {
      const cause = portCause(`${at}.ports[${j}].containerPort`, p.containerPort);
      if (cause) out.push(cause);
    });
  });
  const policy = spec?.restartPolicy;
  if (policy !== undefined && !["Always", "OnFailure", "Never"].includes(policy)) {
    out.push({
      field: `${path}.restartPolicy`,
      message: `Unsupported value: ${JSON.stringify(policy)}: supported values: "Always", "OnFailure", "Never"`,
    });
  }
  return out;
}

/** Validation of a Pod. */
export function validatePod(obj: KObject): FieldCause[] {
  return validatePodSpec(obj.spec, "spec");
}

/** ValidateService's common errors: ports required (unless headless or ExternalName), port range, names when several. */
export function validateService(obj: KObject): FieldCause[] {
  const out: FieldCause[] = [];
  const spec: Loose = obj.spec ?? {};
  const ports: Loose[] = spec.ports ?? [];
  if (ports.length === 0 && spec.type !== "ExternalName" && spec.clusterIP !== "None")
    out.push({ field: "spec.ports", message: "Required value" });
  ports.forEach((p, i) => {
    if (ports.length > 1 && !p.name) out.push({ field: `spec.ports[${i}].name`, message: "Required value" });
    const cause = portCause(`spec.ports[${i}].port`, p.port);
    if (cause) out.push(cause);
  });
  return out;
}
