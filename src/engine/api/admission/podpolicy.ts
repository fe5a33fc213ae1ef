/**
 * Two small mutating plugins every pod meets: Priority (no PriorityClass named and no default class →
 * `priority: 0`, `preemptionPolicy: PreemptLowerPriority`, shown as `Priority: 0` by describe) and
 * DefaultTolerationSeconds (tolerate the not-ready and unreachable taints for 300 s, the two
 * `Tolerations:` lines of `kubectl describe pod`).
 */
import type { KObject } from "../../model/types";
import type { AdmissionPlugin, AdmissionRequest } from "../admission";

/** Seconds a pod stays bound to a node that turned not-ready or unreachable (the plugin's default flag). */
export const DEFAULT_TOLERATION_SECONDS = 300;

const TAINTS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

function isPodCreate(req: AdmissionRequest): boolean {
  return req.operation === "CREATE" && !req.subresource && req.type.kind === "Pod" && req.type.group === "";
}

/** The Priority plugin (mutating half). */
export const priorityPlugin: AdmissionPlugin = {
  name: "Priority",
  admit(req) {
    if (!isPodCreate(req)) return;
    const spec = (req.object.spec ??= {});
    if (spec.priorityClassName) return;
    spec.priority ??= 0;
    spec.preemptionPolicy ??= "PreemptLowerPriority";
  },
};

/** The DefaultTolerationSeconds plugin. */
export const defaultTolerationSecondsPlugin: AdmissionPlugin = {
  name: "DefaultTolerationSeconds",
  admit(req) {
    if (!isPodCreate(req)) return;
    const spec = (req.object.spec ??= {});
    const tolerations: KObject[] = spec.tolerations ?? [];
    const added = TAINTS.filter((key) => !tolerations.some((t) => tolerates(t, key))).map((key) => ({
      key,
      operator: "Exists",
      effect: "NoExecute",
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    }));
    if (added.length > 0) spec.tolerations = [...tolerations, ...added];
  },
};

function tolerates(t: KObject, key: string): boolean {
  const effectOk = !t.effect || t.effect === "NoExecute";
  return effectOk && (t.key === key || (!t.key && t.operator === "Exists"));
}
