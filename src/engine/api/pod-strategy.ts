/**
 * API defaults of pods and pod templates (k8s.io/kubernetes pkg/apis/core/v1/defaults.go:
 * SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction, …), and the
 * Pod strategy. A Deployment's or ReplicaSet's template gets the same spec defaults through
 * `defaultPodTemplate`, so `kubectl get deploy -o yaml` shows `imagePullPolicy`, `dnsPolicy`, … as a real
 * server returns them. Pod-only defaults (enableServiceLinks, the service account, priority) are not
 * applied to templates, as on a real server.
 */
import { isLatestTag } from "../model/images";
import type { KObject } from "../model/types";
import { validatePod } from "./pod-validation";
import type { KindStrategy } from "./strategy";

// biome-ignore lint/suspicious/noExplicitAny: manifests are loosely typed until validated
type Loose = Record<string, any>;

/** SetDefaults_Probe: timeout 1 s, period 10 s, success 1, failure 3; HTTP probes path `/` and scheme HTTP. */
export function defaultProbe(probe: Loose | undefined): void {
  if (!probe) return;
  probe.timeoutSeconds ??= 1;
  probe.periodSeconds ??= 10;
  probe.successThreshold ??= 1;
  probe.failureThreshold ??= 3;
  if (probe.httpGet) {
    probe.httpGet.path ||= "/";
    probe.httpGet.scheme ||= "HTTP";
  }
}

/** SetDefaults_Container (+ ports and probes): what every container of a pod or template gets. */
export function defaultContainer(c: Loose): void {
  // imagePullPolicy: Always for `:latest` or no tag, else IfNotPresent.
  if (!c.imagePullPolicy && typeof c.image === "string")
    c.imagePullPolicy = isLatestTag(c.image) ? "Always" : "IfNotPresent";
  c.terminationMessagePath ||= "/dev/termination-log";
  c.terminationMessagePolicy ||= "File";
  c.resources ??= {};
  for (const p of c.ports ?? []) p.protocol ||= "TCP";
  defaultProbe(c.readinessProbe);
  defaultProbe(c.livenessProbe);
  defaultProbe(c.startupProbe);
  for (const e of c.env ?? []) {
    const ref = e.valueFrom?.fieldRef;
    if (ref) ref.apiVersion ||= "v1";
  }
}

/** SetDefaults_PodSpec: restartPolicy Always, grace 30 s, dnsPolicy ClusterFirst, default-scheduler, securityContext {}. */
export function defaultPodSpec(spec: Loose): void {
  spec.restartPolicy ||= "Always";
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ||= "ClusterFirst";
  spec.schedulerName ||= "default-scheduler";
  spec.securityContext ??= {};
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const v of spec.volumes ?? []) {
    if (v.configMap) v.configMap.defaultMode ??= 420;
    if (v.secret) v.secret.defaultMode ??= 420;
  }
}

/**
 * Defaults of a pod template (`spec.template` of a Deployment or ReplicaSet), in place: the pod-spec
 * and container defaults. For the deployment engineer's Deployment defaults and the ReplicaSet strategy.
 */
export function defaultPodTemplate(template: Loose | undefined): void {
  if (!template) return;
  template.metadata ??= {};
  template.spec ??= {};
  defaultPodSpec(template.spec);
}

/** The Pod strategy: spec defaults plus the pod-only ones; status subresource. */
export const POD_STRATEGY: KindStrategy = {
  hasStatus: true,
  validate: (obj) => validatePod(obj),
  applyDefaults(obj: KObject) {
    obj.spec ??= {};
    defaultPodSpec(obj.spec);
    // SetDefaults_Pod: requests ← limits, on pods only ("we only want this defaulting semantic to take
    // place on a v1.Pod and not a v1.PodTemplate"): a template keeps just its limits, so a later patch
    // of the limit is not shadowed by a request copied from the old limit.
    for (const c of [...(obj.spec.initContainers ?? []), ...(obj.spec.containers ?? [])]) {
      if (c.resources?.limits)
        c.resources.requests = { ...c.resources.limits, ...(c.resources.requests ?? {}) };
    }
    // SetDefaults_Pod: enableServiceLinks true.
    obj.spec.enableServiceLinks ??= true;
    if (!obj.status) obj.status = { phase: "Pending", qosClass: qosClass(obj.spec) };
  },
};

/**
 * The pod's QoS class (pkg/apis/core/helper/qos): Guaranteed when every container has equal cpu and
 * memory requests and limits, BestEffort when none has any, else Burstable.
 */
export function qosClass(spec: Loose): "Guaranteed" | "Burstable" | "BestEffort" {
  const containers: Loose[] = [...(spec.initContainers ?? []), ...(spec.containers ?? [])];
  let any = false;
  let guaranteed = true;
  for (const c of containers) {
    const req = c.resources?.requests ?? {};
    const lim = c.resources?.limits ?? {};
    if (Object.keys(req).length > 0 || Object.keys(lim).length > 0) any = true;
    for (const r of ["cpu", "memory"])
      if (!lim[r] || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
  }
  if (!any) return "BestEffort";
  return guaranteed ? "Guaranteed" : "Burstable";
}
