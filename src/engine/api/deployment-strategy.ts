/**
 * Deployment and ReplicaSet strategies: API defaults (apps/v1 SetDefaults_Deployment, SetDefaults_ReplicaSet)
 * and validation with the real field paths and messages (pkg/apis/apps/validation ValidateDeploymentSpec,
 * ValidateRollingUpdateDeployment; the selector is immutable on update). Bad values are printed as the
 * API server prints them (Go's %#v for structs: `intstr.IntOrString{Type:0, IntVal:0, StrVal:""}`).
 */
import { canonicalJson } from "../model/canonical";
import { goIntOrString, type IntOrString, intOrPercentValue, isValidPercent } from "../model/intstr";
import { selectorMatches } from "../model/labels";
import type { KObject } from "../model/types";
import type { FieldCause } from "./errors";
import { defaultPodTemplate } from "./pod-strategy";
import type { KindStrategy } from "./strategy";

// biome-ignore lint/suspicious/noExplicitAny: manifests are loosely typed until validated
type Loose = Record<string, any>;

/** SetDefaults_Deployment: replicas 1, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600. */
export function applyDeploymentDefaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  spec.strategy ??= {};
  spec.strategy.type ||= "RollingUpdate";
  if (spec.strategy.type === "RollingUpdate") {
    spec.strategy.rollingUpdate ??= {};
    spec.strategy.rollingUpdate.maxUnavailable ??= "25%";
    spec.strategy.rollingUpdate.maxSurge ??= "25%";
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultPodTemplate((spec.template ??= {}));
}

/** SetDefaults_ReplicaSet: replicas 1, plus the pod template defaults. */
export function applyReplicaSetDefaults(obj: KObject): void {
  const spec = (obj.spec ??= {});
  spec.replicas ??= 1;
  defaultPodTemplate((spec.template ??= {}));
}

const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** NameIsDNSSubdomain as ValidateObjectMeta reports it on `metadata.name`. */
export function validateDnsSubdomainName(name: string): FieldCause[] {
  if (!name) return [];
  const out: FieldCause[] = [];
  const bad = (detail: string) =>
    out.push({ field: "metadata.name", message: `Invalid value: ${JSON.stringify(name)}: ${detail}` });
  if (name.length > 253) bad("must be no more than 253 characters");
  if (!DNS1123_SUBDOMAIN.test(name)) {
    bad(
      "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')",
    );
  }
  return out;
}

/** ValidateNonnegativeField: `Invalid value: -1: must be greater than or equal to 0`. */
function nonNegative(out: FieldCause[], field: string, v: unknown): void {
  if (typeof v === "number" && v < 0)
    out.push({ field, message: `Invalid value: ${v}: must be greater than or equal to 0` });
}

/** Go's %#v of a string map, keys sorted: `map[string]string{"app":"web", "tier":"fe"}`. */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return "map[string]string(nil)";
  const entries = Object.keys(m)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${JSON.stringify(m[k])}`);
  return `map[string]string{${entries.join(", ")}}`;
}

/** Go's %#v of a metav1.LabelSelector (matchExpressions shown only as nil or by count). */
export function goLabelSelector(sel: Loose | undefined): string {
  const exprs = sel?.matchExpressions;
  const list = exprs?.length
    ? `[]v1.LabelSelectorRequirement{${exprs
        .map(
          (e: Loose) =>
            `v1.LabelSelectorRequirement{Key:${JSON.stringify(e.key)}, Operator:${JSON.stringify(e.operator)}, Values:${e.values ? `[]string{${e.values.map((v: string) => JSON.stringify(v)).join(", ")}}` : "[]string(nil)"}}`,
        )
        .join(", ")}}`
    : "[]v1.LabelSelectorRequirement(nil)";
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel?.matchLabels)}, MatchExpressions:${list}}`;
}

/** A selector as field.Error prints a bad value: a nil pointer is "null", else the struct's Go syntax. */
function selectorValue(sel: Loose | undefined | null): string {
  return sel == null ? '"null"' : goLabelSelector(sel);
}

/** ValidatePositiveIntOrPercent for one of maxSurge/maxUnavailable. */
function intOrPercent(out: FieldCause[], field: string, v: IntOrString | undefined): void {
  if (typeof v === "string" && !isValidPercent(v)) {
    out.push({
      field,
      message: `Invalid value: ${goIntOrString(v)}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    });
  } else if (typeof v === "number" && v < 0) {
    out.push({ field, message: `Invalid value: ${v}: must be greater than or equal to 0` });
  }
}

function validateStrategy(out: FieldCause[], strategy: Loose | undefined): void {
  const path = "spec.strategy";
  const type = strategy?.type;
  if (type === "Recreate") {
    if (strategy?.rollingUpdate) {
      out.push({
        field: `${path}.rollingUpdate`,
        message: "Forbidden: may not be specified when strategy `type` is 'Recreate'",
      });
    }
    return;
  }
  if (type !== "RollingUpdate") {
    out.push({
      field: path,
      message: `Unsupported value: ${JSON.stringify(type ?? "")}: supported values: "Recreate", "RollingUpdate"`,
    });
    return;
  }
  const ru = strategy?.rollingUpdate ?? {};
  const ruPath = `${path}.rollingUpdate`;
  intOrPercent(out, `${ruPath}.maxUnavailable`, ru.maxUnavailable);
  intOrPercent(out, `${ruPath}.maxSurge`, ru.maxSurge);
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    out.push({
      field: `${ruPath}.maxUnavailable`,
      message: `Invalid value: ${goIntOrString(ru.maxUnavailable)}: may not be 0 when \`maxSurge\` is 0`,
    });
  }
  if (
    typeof ru.maxUnavailable === "string" &&
    isValidPercent(ru.maxUnavailable) &&
    intOrPercentValue(ru.maxUnavailable) > 100
  ) {
    out.push({
      field: `${ruPath}.maxUnavailable`,
      message: `Invalid value: ${goIntOrString(ru.maxUnavailable)}: must not be greater than 100%`,
    });
  }
}

/** The selector and template checks shared by Deployments and ReplicaSets. */
function validateSelectorAndTemplate(
  out: FieldCause[],
  spec: Loose,
  kind: "deployment" | "ReplicaSet",
): void {
  const sel = spec.selector;
  if (!sel) out.push({ field: "spec.selector", message: "Required value" });
  else if (Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
    const what = kind === "deployment" ? "deployment" : "replicaset";
    out.push({
      field: "spec.selector",
      message: `Invalid value: ${goLabelSelector(sel)}: empty selector is invalid for ${what}`,
    });
  }
  const template = spec.template ?? {};
  const labels = template.metadata?.labels;
  const selectorEmpty =
    !sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0;
  if (!selectorEmpty && !selectorMatches(sel, labels)) {
    out.push({
      field: "spec.template.metadata.labels",
      message: `Invalid value: ${goStringMap(labels)}: \`selector\` does not match template \`labels\``,
    });
  }
  const restart = template.spec?.restartPolicy;
  if (restart !== undefined && restart !== "Always") {
    out.push({
      field: "spec.template.spec.restartPolicy",
      message: `Unsupported value: ${JSON.stringify(restart)}: supported values: "Always"`,
    });
  }
  if (template.spec?.activeDeadlineSeconds !== undefined) {
    out.push({
      field: "spec.template.spec.activeDeadlineSeconds",
      message: "Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
    });
  }
}

/** ValidateDeployment (+ the strategy's update checks: the selector is immutable in apps/v1). */
export function validateDeployment(obj: KObject, old?: KObject): FieldCause[] {
  const out: FieldCause[] = old ? [] : validateDnsSubdomainName(obj.metadata.name);
  const spec: Loose = obj.spec ?? {};
  nonNegative(out, "spec.replicas", spec.replicas);
  validateSelectorAndTemplate(out, spec, "deployment");
  validateStrategy(out, spec.strategy);
  nonNegative(out, "spec.minReadySeconds", spec.minReadySeconds);
  nonNegative(out, "spec.revisionHistoryLimit", spec.revisionHistoryLimit);
  if (spec.progressDeadlineSeconds !== undefined) {
    nonNegative(out, "spec.progressDeadlineSeconds", spec.progressDeadlineSeconds);
    if (spec.progressDeadlineSeconds <= (spec.minReadySeconds ?? 0)) {
      out.push({
        field: "spec.progressDeadlineSeconds",
        message: `Invalid value: ${spec.progressDeadlineSeconds}: must be greater than minReadySeconds`,
      });
    }
  }
  if (old && canonicalJson(old.spec?.selector ?? null) !== canonicalJson(spec.selector ?? null)) {
    out.push({
      field: "spec.selector",
      message: `Invalid value: ${selectorValue(spec.selector)}: field is immutable`,
    });
  }
  return out;
}

/** ValidateReplicaSet (+ immutable selector on update). */
export function validateReplicaSet(obj: KObject, old?: KObject): FieldCause[] {
  const out: FieldCause[] = old ? [] : validateDnsSubdomainName(obj.metadata.name);
  const spec: Loose = obj.spec ?? {};
  nonNegative(out, "spec.replicas", spec.replicas);
  nonNegative(out, "spec.minReadySeconds", spec.minReadySeconds);
  validateSelectorAndTemplate(out, spec, "ReplicaSet");
  if (old && canonicalJson(old.spec?.selector ?? null) !== canonicalJson(spec.selector ?? null)) {
    out.push({
      field: "spec.selector",
      message: `Invalid value: ${selectorValue(spec.selector)}: field is immutable`,
    });
  }
  return out;
}

/** The Deployment strategy. */
export const DEPLOYMENT_STRATEGY: KindStrategy = {
  hasStatus: true,
  tracksGeneration: true,
  annotationsBumpGeneration: true,
  statusWritesAnnotations: true,
  applyDefaults: applyDeploymentDefaults,
  validate: validateDeployment,
};

/** The ReplicaSet strategy. */
export const REPLICASET_STRATEGY: KindStrategy = {
  hasStatus: true,
  tracksGeneration: true,
  applyDefaults: applyReplicaSetDefaults,
  validate: validateReplicaSet,
};
