/**
 * kubectl describe for Deployment, ReplicaSet, Pod, Service and Endpoints (pkg/describe/describe.go,
 * kubectl v1.32), as TAB-separated text aligned by the caller with kubectl's describe tabwriter. Each
 * describer gets the object and the related objects it looks up (ReplicaSets, pods, endpoints, events).
 */
import type { Container, ContainerStatus, CoreEvent, KObject, Pod } from "../../engine";
import {
  describeConditions,
  describeContainers,
  describeEvents,
  describePodTemplate,
  describeVolumes,
  printAnnotations,
  printLabels,
  printTolerations,
  rfc1123z,
} from "./describe-common";
import { ageOf } from "./duration";
import { PrefixWriter } from "./prefix-writer";
import { formatLabelMap, formatLabelSelector } from "./tables";

/** What a describer may need besides the object. */
export interface DescribeContext {
  /** Events about the object, oldest first (undefined with --show-events=false). */
  events?: CoreEvent[];
  nowMs: number;
  /** Deployment: its old ReplicaSets and the new one. */
  oldReplicaSets?: KObject[];
  newReplicaSet?: KObject;
  /** ReplicaSet: the pods it controls. */
  pods?: KObject[];
  /** Service: its Endpoints object. */
  endpoints?: KObject;
}

function controllerOf(o: KObject): string {
  const ref = (o.metadata.ownerReferences ?? []).find((r) => r.controller);
  return ref ? `${ref.kind}/${ref.name}` : "";
}

function eventsBlock(w: PrefixWriter, ctx: DescribeContext): void {
  if (ctx.events) describeEvents(w, ctx.events, ctx.nowMs);
}

function rsList(list: KObject[]): string {
  const s = list
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 0} replicas created)`,
    )
    .join(", ");
  return s === "" ? "<none>" : s;
}

/** describeDeployment. */
export function describeDeployment(d: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const s = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  printLabels(w, "Labels", d.metadata.labels);
  printAnnotations(w, "Annotations", d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec?.selector).replace("<none>", "")}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec?.replicas ?? 0} desired | ${s.updatedReplicas ?? 0} updated | ${s.replicas ?? 0} total | ${s.availableReplicas ?? 0} available | ${s.unavailableReplicas ?? 0} unavailable\n`,
  );
  w.write(0, `StrategyType:\t${d.spec?.strategy?.type ?? ""}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec?.minReadySeconds ?? 0}\n`);
  const ru = d.spec?.strategy?.rollingUpdate;
  if (ru)
    w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  describePodTemplate(w, d.spec?.template);
  describeConditions(w, s.conditions);
  if ((ctx.oldReplicaSets ?? []).length > 0 || ctx.newReplicaSet) {
    w.write(0, `OldReplicaSets:\t${rsList(ctx.oldReplicaSets ?? [])}\n`);
    w.write(0, `NewReplicaSet:\t${rsList(ctx.newReplicaSet ? [ctx.newReplicaSet] : [])}\n`);
  }
  eventsBlock(w, ctx);
  return w.toString();
}

/** Running / Waiting / Succeeded / Failed counts of pods (getPodStatusForController). */
function podCounts(pods: KObject[]): string {
  const n = (phase: string) => pods.filter((p) => p.status?.phase === phase).length;
  return `${n("Running")} Running / ${n("Pending")} Waiting / ${n("Succeeded")} Succeeded / ${n("Failed")} Failed`;
}

/** describeReplicaSet. */
export function describeReplicaSet(rs: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${rs.metadata.name}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
  printLabels(w, "Labels", rs.metadata.labels);
  printAnnotations(w, "Annotations", rs.metadata.annotations);
  const by = controllerOf(rs);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
  w.write(0, "Pods Status:\t");
  w.write(0, `${podCounts(ctx.pods ?? [])}\n`);
  describePodTemplate(w, rs.spec?.template);
  describeConditions(w, rs.status?.conditions);
  eventsBlock(w, ctx);
  return w.toString();
}

function containerState(w: PrefixWriter, title: string, state: ContainerStatus["state"]): void {
  if (state?.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    if ((t.signal ?? 0) > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  }
}

/** The QoS class (qos.GetPodQOS): BestEffort without any request/limit, Guaranteed when limits = requests for cpu and memory. */
export function podQos(pod: Pod): string {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  const any = containers.some(
    (c) =>
      Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0,
  );
  if (!any) return "BestEffort";
  const guaranteed = containers.every((c) =>
    ["cpu", "memory"].every((r) => {
      const limit = c.resources?.limits?.[r];
      const request = c.resources?.requests?.[r] ?? limit;
      return limit !== undefined && String(limit) === String(request);
    }),
  );
  return guaranteed ? "Guaranteed" : "Burstable";
}

/** describePod. */
export function describePod(pod: Pod, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = pod.spec;
  const st = pod.status ?? {};
  const meta = pod.metadata ?? {};
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace}\n`);
  if (spec?.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec?.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec?.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec?.nodeName ? `Node:\t${spec.nodeName}/${st.hostIP ?? ""}\n` : "Node:\t<none>\n");
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  printLabels(w, "Labels", meta.labels);
  printAnnotations(w, "Annotations", meta.annotations);
  if (meta.deletionTimestamp && st.phase !== "Failed" && st.phase !== "Succeeded") {
    w.write(0, `Status:\tTerminating (lasts ${ageOf(meta.deletionTimestamp, ctx.nowMs)})\n`);
    w.write(0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${st.phase ?? ""}\n`);
  }
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  w.write(0, `IP:\t${st.podIP ?? ""}\n`);
  if ((st.podIPs ?? []).length === 0) w.write(0, "IPs:\t<none>\n");
  else {
    w.write(0, "IPs:\n");
    for (const ip of st.podIPs ?? []) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const by = controllerOf(pod as KObject);
  if (by) w.write(0, `Controlled By:\t${by}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  const statuses = new Map<string, ContainerStatus>();
  for (const s of [...(st.initContainerStatuses ?? []), ...(st.containerStatuses ?? [])])
    statuses.set(s.name, s);
  const basic = (w2: PrefixWriter, c: Container, which: "id" | "imageId") => {
    const s = statuses.get(c.name);
    if (!s) return;
    if (which === "id") w2.write(2, `Container ID:\t${s.containerID ?? ""}\n`);
    else w2.write(2, `Image ID:\t${s.imageID ?? ""}\n`);
  };
  const stateLines = (w2: PrefixWriter, c: Container) => {
    const s = statuses.get(c.name);
    if (!s) return;
    containerState(w2, "State", s.state);
    if (s.lastState?.terminated) containerState(w2, "Last State", s.lastState);
    w2.write(2, `Ready:\t${s.ready ? "True" : "False"}\n`);
    w2.write(2, `Restart Count:\t${s.restartCount ?? 0}\n`);
  };
  if ((spec?.initContainers ?? []).length > 0)
    describeContainers(w, "Init Containers", spec?.initContainers ?? [], "", stateLines, basic);
  describeContainers(w, "Containers", spec?.containers ?? [], "", stateLines, basic);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\n");
    for (const c of st.conditions ?? []) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec?.volumes as KObject[] | undefined, "");
  w.write(0, `QoS Class:\t${podQos(pod)}\n`);
  printLabels(w, "Node-Selectors", spec?.nodeSelector);
  printTolerations(w, "Tolerations", spec?.tolerations);
  eventsBlock(w, ctx);
  return w.toString();
}

/** formatEndpoints of describe service: the addresses serving the port named `portName`. */
function serviceEndpoints(ep: KObject | undefined, portName: string | undefined): string {
  const list: string[] = [];
  let count = 0;
  for (const subset of ep?.subsets ?? []) {
    for (const p of subset.ports ?? []) {
      if ((p.name ?? "") !== (portName ?? "")) continue;
      for (const a of subset.addresses ?? []) {
        if (list.length < 3) list.push(`${a.ip}:${p.port}`);
        count++;
      }
    }
  }
  if (count === 0) return "<none>";
  return count > list.length ? `${list.join(",")} + ${count - list.length} more...` : list.join(",");
}

/** describeService. */
export function describeService(svc: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  printLabels(w, "Labels", svc.metadata.labels);
  printAnnotations(w, "Annotations", svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelMap(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ""}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).join(",") || "<none>"}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ""}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).join(",") || "<none>"}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${spec.externalIPs.join(",")}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || "<unset>";
    const protocol = p.protocol ?? "TCP";
    w.write(0, `Port:\t${name}\t${p.port}/${protocol}\n`);
    w.write(0, `TargetPort:\t${p.targetPort ?? p.port}/${protocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${protocol}\n`);
    w.write(0, `Endpoints:\t${serviceEndpoints(ctx.endpoints, p.name)}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ""}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  eventsBlock(w, ctx);
  return w.toString();
}

/** describeEndpoints. */
export function describeEndpoints(ep: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  printLabels(w, "Labels", ep.metadata.labels);
  printAnnotations(w, "Annotations", ep.metadata.annotations);
  w.write(0, "Subsets:\n");
  for (const subset of ep.subsets ?? []) {
    const ready = (subset.addresses ?? []).map((a: { ip: string }) => a.ip).join(",");
    const notReady = (subset.notReadyAddresses ?? []).map((a: { ip: string }) => a.ip).join(",");
    w.write(1, `Addresses:\t${ready || "<none>"}\n`);
    w.write(1, `NotReadyAddresses:\t${notReady || "<none>"}\n`);
    if ((subset.ports ?? []).length > 0) {
      w.write(1, "Ports:\n");
      w.write(2, "Name\tPort\tProtocol\n");
      w.write(2, "----\t----\t--------\n");
      for (const p of subset.ports ?? [])
        w.write(2, `${p.name || "<unset>"}\t${p.port}\t${p.protocol ?? "TCP"}\n`);
    }
    w.write(0, "\n");
  }
  eventsBlock(w, ctx);
  return w.toString();
}

/** describeNamespace: Name, Labels, Annotations, Status, then its quotas and limit ranges (or that there are none). */
export function describeNamespace(ns: KObject, quotas: KObject[], limitRanges: KObject[]): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabels(w, "Labels", ns.metadata.labels);
  printAnnotations(w, "Annotations", ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? ""}\n`);
  w.write(0, "\n");
  if (quotas.length === 0) w.write(0, "No resource quota.\n");
  else {
    w.write(0, "Resource Quotas\n");
    for (const q of quotas) {
      w.write(1, `Name:\t${q.metadata.name}\n`);
      w.write(1, "Resource\tUsed\tHard\n");
      w.write(1, "--------\t---\t---\n");
      for (const r of Object.keys(q.status?.hard ?? {}).sort())
        w.write(1, `${r}\t${q.status?.used?.[r] ?? "0"}\t${q.status.hard[r]}\n`);
    }
  }
  w.write(0, "\n");
  if (limitRanges.length === 0) w.write(0, "No LimitRange resource.\n");
  else {
    w.write(0, "Resource Limits\n");
    for (const lr of limitRanges) {
      w.write(0, " Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n");
      w.write(0, " ----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n");
      for (const item of lr.spec?.limits ?? []) {
        const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
        const names = new Set<string>();
        for (const l of lists) for (const k of Object.keys(l ?? {})) names.add(k);
        for (const k of [...names].sort())
          w.write(0, ` ${[item.type, k, ...lists.map((l) => l?.[k] ?? "-")].join("\t")}\n`);
      }
    }
  }
  return w.toString();
}

/**
 * describeConfigMap: each key, a `----` line, the value and a blank line, then BinaryData and events. (kubectl
 * walks a Go map, so its key order varies between runs; here keys are sorted.)
 */
export function describeConfigMap(cm: KObject, ctx: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  printLabels(w, "Labels", cm.metadata.labels);
  printAnnotations(w, "Annotations", cm.metadata.annotations);
  w.write(0, "\nData\n====\n");
  for (const k of Object.keys(cm.data ?? {}).sort()) {
    w.write(0, `${k}:\n----\n`);
    w.write(0, `${cm.data[k]}\n\n`);
  }
  w.write(0, "\nBinaryData\n====\n");
  for (const k of Object.keys(cm.binaryData ?? {}).sort())
    w.write(0, `${k}: ${String(cm.binaryData[k]).length} bytes\n`);
  w.write(0, "\n");
  eventsBlock(w, ctx);
  return w.toString();
}
