/**
 * kubectl describe node (describe.go describeNode, kubectl v1.32): roles, taints, the lease line, the
 * conditions table, addresses, capacity, system info, the non-terminated pods with their share of the
 * node's allocatable CPU and memory, the allocated totals and the node's events.
 */
import { type CoreEvent, formatMilli, type KObject, parseQuantity, type Quantity } from "../../engine";
import { describeEvents, printAnnotations, printLabels, rfc1123z } from "./describe-common";
import { ageOf } from "./duration";
import { PrefixWriter } from "./prefix-writer";

/** What describe node reads besides the node. */
export interface NodeDescribeContext {
  /** The node's pods that are neither Succeeded nor Failed, in key order (namespace/name). */
  pods: KObject[];
  /** The node's events (undefined with --show-events=false). */
  events?: CoreEvent[];
  nowMs: number;
}

/** Labels `node-role.kubernetes.io/<role>` and `kubernetes.io/role=<role>` name the roles (findNodeRoles), sorted. */
export function nodeRoles(node: KObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries((node.metadata.labels ?? {}) as Record<string, string>)) {
    if (k.startsWith("node-role.kubernetes.io/")) {
      const role = k.slice("node-role.kubernetes.io/".length);
      if (role) roles.add(role);
    } else if (k === "kubernetes.io/role" && v) roles.add(v);
  }
  return [...roles].sort();
}

interface Taint {
  key: string;
  value?: string;
  effect?: string;
}

/** Taint.ToString: `key=value:effect`, without `=value` when empty and without `:effect` when unset. */
function taintString(t: Taint): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/** printNodeTaintsMultiline: sorted by effect then key; `<none>` without taints. */
function printTaints(w: PrefixWriter, taints: Taint[] | undefined): void {
  w.write(0, "Taints:\t");
  if (!taints || taints.length === 0) {
    w.line("<none>");
    return;
  }
  const order = (t: Taint) => `${t.effect ?? ""},${t.key}`;
  [...taints]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0))
    .forEach((t, i) => {
      w.write(0, `${i === 0 ? "" : "\t"}${taintString(t)}\n`);
    });
}

/** A sum of quantities, printed in the format of the first one added (as resource.Quantity.Add keeps it). */
class QuantitySum {
  milli = 0n;
  format: Quantity["format"] | undefined;
  add(q: Quantity | undefined): void {
    if (!q) return;
    this.format ??= q.format;
    this.milli += q.milli;
  }
  max(q: Quantity | undefined): void {
    if (!q || q.milli <= this.milli) return;
    this.milli = q.milli;
    this.format = q.format;
  }
  toString(): string {
    return formatMilli(this.milli, this.format);
  }
}

type Which = "requests" | "limits";

/** PodRequests / PodLimits: the containers' sum, raised to the largest init container's value. */
function podResource(pod: KObject, which: Which, name: string): QuantitySum {
  const sum = new QuantitySum();
  for (const c of pod.spec?.containers ?? []) sum.add(quantityOf(c.resources?.[which]?.[name]));
  for (const c of pod.spec?.initContainers ?? []) sum.max(quantityOf(c.resources?.[which]?.[name]));
  return sum;
}

function quantityOf(v: unknown): Quantity | undefined {
  return v === undefined ? undefined : parseQuantity(String(v));
}

/** Whole units of milli-units, rounded up (Quantity.Value). */
function value(milli: bigint): bigint {
  return milli <= 0n ? milli / 1000n : (milli + 999n) / 1000n;
}

/** `int64(float64(part) / float64(whole) * 100)`: the truncated percentage; 0 when `whole` is 0. */
function percent(part: bigint, whole: bigint): number {
  if (whole === 0n) return 0;
  return Math.trunc((Number(part) / Number(whole)) * 100);
}

/** The share of the node `q` is: CPU in milli-units, the rest in whole units. */
function share(q: QuantitySum, resource: string, allocatable: Record<string, unknown>): string {
  const total = quantityOf(allocatable[resource])?.milli ?? 0n;
  const pct = resource === "cpu" ? percent(q.milli, total) : percent(value(q.milli), value(total));
  return `${q} (${pct}%)`;
}

/** describeNodeResource: the pods table and the Allocated resources block. */
function describeNodeResource(w: PrefixWriter, node: KObject, ctx: NodeDescribeContext): void {
  const status = node.status ?? {};
  const allocatable: Record<string, unknown> =
    Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : (status.capacity ?? {});
  w.write(0, `Non-terminated Pods:\t(${ctx.pods.length} in total)\n`);
  w.write(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n");
  w.write(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n");
  for (const pod of ctx.pods) {
    const cell = (which: Which, r: string) => share(podResource(pod, which, r), r, allocatable);
    const [cpuReq, cpuLim] = [cell("requests", "cpu"), cell("limits", "cpu")];
    const [memReq, memLim] = [cell("requests", "memory"), cell("limits", "memory")];
    w.write(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${cpuReq}\t${cpuLim}\t${memReq}\t${memLim}\t${ageOf(pod.metadata.creationTimestamp, ctx.nowMs)}\n`,
    );
  }
  w.write(0, "Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n");
  w.write(1, "Resource\tRequests\tLimits\n");
  w.write(1, "--------\t--------\t------\n");
  for (const r of ["cpu", "memory", "ephemeral-storage"]) {
    const req = new QuantitySum();
    const lim = new QuantitySum();
    for (const pod of ctx.pods) {
      req.add(podTotal(pod, "requests", r));
      lim.add(podTotal(pod, "limits", r));
    }
    w.write(1, `${r}\t${share(req, r, allocatable)}\t${share(lim, r, allocatable)}\n`);
  }
}

/** A pod's request or limit of `r` as a quantity, or undefined when no container sets it. */
function podTotal(pod: KObject, which: Which, r: string): Quantity | undefined {
  const sum = podResource(pod, which, r);
  return sum.format === undefined ? undefined : { milli: sum.milli, format: sum.format };
}

function printResourceList(w: PrefixWriter, title: string, list: Record<string, unknown> | undefined): void {
  const names = Object.keys(list ?? {}).sort();
  if (names.length === 0) return;
  w.write(0, `${title}:\n`);
  for (const r of names) {
    const q = quantityOf(list?.[r]);
    w.write(0, `  ${r}:\t${q ? formatMilli(q.milli, q.format) : String(list?.[r])}\n`);
  }
}

/** describeNode; `Lease:` reports the lease as missing: the sandbox keeps no node leases. */
export function describeNode(node: KObject, ctx: NodeDescribeContext): string {
  const w = new PrefixWriter();
  const spec = node.spec ?? {};
  const status = node.status ?? {};
  const info = status.nodeInfo ?? {};
  const roles = nodeRoles(node);
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${roles.length > 0 ? roles.join(",") : "<none>"}\n`);
  printLabels(w, "Labels", node.metadata.labels);
  printAnnotations(w, "Annotations", node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  printTaints(w, spec.taints);
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  w.write(0, `Lease:\tFailed to get lease: leases.coordination.k8s.io "${node.metadata.name}" not found\n`);
  if ((status.conditions ?? []).length > 0) {
    w.write(0, "Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n");
    w.write(1, "----\t------\t-----------------\t------------------\t------\t-------\n");
    for (const c of status.conditions ?? [])
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ""} \t${c.message ?? ""}\n`,
      );
  }
  w.write(0, "Addresses:\n");
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  printResourceList(w, "Capacity", status.capacity);
  printResourceList(w, "Allocatable", status.allocatable);
  w.write(0, "System Info:\n");
  const infoLines: [string, string | undefined][] = [
    ["Machine ID", info.machineID],
    ["System UUID", info.systemUUID],
    ["Boot ID", info.bootID],
    ["Kernel Version", info.kernelVersion],
    ["OS Image", info.osImage],
    ["Operating System", info.operatingSystem],
    ["Architecture", info.architecture],
    ["Container Runtime Version", info.containerRuntimeVersion],
    ["Kubelet Version", info.kubeletVersion],
  ];
  for (const [title, v] of infoLines) w.write(0, `  ${title}:\t${v ?? ""}\n`);
  // v1.32 still prints the deprecated kube-proxy version, empty when the node reports none.
  w.write(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ""}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if ((spec.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${spec.podCIDRs.join(",")}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  describeNodeResource(w, node, ctx);
  if (ctx.events) describeEvents(w, ctx.events, ctx.nowMs);
  return w.toString();
}

/** The events about a node: kubelet events carry the node's name as uid, controller events its uid. */
export function nodeEvents(node: KObject, events: KObject[]): CoreEvent[] {
  return (events as CoreEvent[])
    .filter(
      (e) =>
        e.involvedObject?.kind === "Node" &&
        e.involvedObject?.name === node.metadata.name &&
        (!e.involvedObject.uid ||
          e.involvedObject.uid === node.metadata.uid ||
          e.involvedObject.uid === node.metadata.name),
    )
    .map((e, i) => ({ e, i }))
    .sort((a, b) => eventTime(a.e) - eventTime(b.e) || a.i - b.i)
    .map(({ e }) => e);
}

function eventTime(e: CoreEvent): number {
  return Date.parse(e.lastTimestamp ?? e.eventTime ?? "");
}
