/**
 * The server-side table columns of `kubectl get` (pkg/printers/internalversion, Kubernetes v1.32) for the
 * kinds the sandbox serves: header names (kubectl upper-cases them), which are wide-only, and each cell.
 * Kinds without a printer get the default `NAME CREATED AT` table.
 */
import type { KObject, Pod } from "../../engine";
import { nodeRoles } from "./describe-node";
import { ageOf } from "./duration";
import { podCells, podWideCells } from "./pod-row";
import { bindingRole, bindingSubjects, quotaRequestLimit } from "./policy";

/** One column: its header as the server names it, whether only `-o wide` shows it, and its cell. */
export interface Column {
  header: string;
  wide?: boolean;
  cell(obj: KObject, nowMs: number): string;
}

const name: Column = { header: "Name", cell: (o) => o.metadata.name };
const age: Column = { header: "Age", cell: (o, now) => ageOf(o.metadata.creationTimestamp, now) };
const createdAt: Column = { header: "Created At", cell: (o) => o.metadata.creationTimestamp ?? "" };
const col = (header: string, cell: (o: KObject, now: number) => string, wide = false): Column => ({
  header,
  cell,
  wide,
});

/** `a=b,c=d` of a LabelSelector (metav1.FormatLabelSelector), `<none>` when empty. */
export function formatLabelSelector(sel: KObject["spec"]["selector"] | undefined): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(sel?.matchLabels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)))
    parts.push(`${k}=${v}`);
  for (const e of sel?.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(",");
    if (e.operator === "In") parts.push(`${e.key} in (${values})`);
    else if (e.operator === "NotIn") parts.push(`${e.key} notin (${values})`);
    else if (e.operator === "Exists") parts.push(e.key);
    else parts.push(`!${e.key}`);
  }
  const s = parts.join(",");
  return s === "" ? "<none>" : s;
}

/** `k=v,…` of a label map sorted by key, `<none>` when empty (labels.FormatLabels). */
export function formatLabelMap(labels: Record<string, string> | undefined): string {
  const s = Object.keys(labels ?? {})
    .sort()
    .map((k) => `${k}=${labels?.[k]}`)
    .join(",");
  return s === "" ? "<none>" : s;
}

const containers = col(
  "Containers",
  (o) =>
    templateOf(o)
      .containers.map((c: { name: string }) => c.name)
      .join(","),
  true,
);
const images = col(
  "Images",
  (o) =>
    templateOf(o)
      .containers.map((c: { image?: string }) => c.image ?? "")
      .join(","),
  true,
);
const selector = col("Selector", (o) => formatLabelSelector(o.spec?.selector), true);

function templateOf(o: KObject): { containers: { name: string; image?: string }[] } {
  return { containers: o.spec?.template?.spec?.containers ?? [] };
}

/** Service EXTERNAL-IP (getServiceExternalIP). */
function externalIp(s: KObject): string {
  const external: string[] = s.spec?.externalIPs ?? [];
  switch (s.spec?.type) {
    case "LoadBalancer": {
      const ingress = (s.status?.loadBalancer?.ingress ?? []).map(
        (i: { ip?: string; hostname?: string }) => i.ip || i.hostname,
      );
      const all = [...ingress, ...external];
      return all.length > 0 ? all.join(",") : "<pending>";
    }
    case "ExternalName":
      return s.spec?.externalName ?? "";
    default:
      return external.length > 0 ? external.join(",") : "<none>";
  }
}

/** Service PORT(S): `8080/TCP`, `80:31234/TCP`, joined by `,`; `<none>` when none. */
function servicePorts(s: KObject): string {
  const ports: { port: number; nodePort?: number; protocol?: string }[] = s.spec?.ports ?? [];
  if (ports.length === 0) return "<none>";
  return ports.map((p) => `${p.port}${p.nodePort ? `:${p.nodePort}` : ""}/${p.protocol ?? "TCP"}`).join(",");
}

/** Endpoints ENDPOINTS: up to 3 `ip:port` then ` + N more...`; `<none>` when empty (formatEndpoints). */
export function formatEndpoints(ep: KObject): string {
  const list: string[] = [];
  let count = 0;
  for (const subset of ep.subsets ?? []) {
    const ports: { port: number }[] = subset.ports?.length ? subset.ports : [];
    for (const addr of subset.addresses ?? []) {
      if (ports.length === 0) {
        if (list.length < 3) list.push(addr.ip);
        count++;
      }
      for (const p of ports) {
        if (list.length < 3) list.push(`${addr.ip}:${p.port}`);
        count++;
      }
    }
  }
  if (count === 0) return "<none>";
  return count > list.length ? `${list.join(",")} + ${count - list.length} more...` : list.join(",");
}

/**
 * formatEventSource: `component, instance`, each falling back to reportingComponent/reportingInstance
 * (events.k8s.io events such as the scheduler's have an empty source): `default-scheduler,
 * default-scheduler-minikube`, `kubelet, minikube`, `deployment-controller`.
 */
function eventSource(e: KObject): string {
  const component = e.source?.component || e.reportingComponent || "";
  const instance = e.source?.host || e.reportingInstance || "";
  return instance ? `${component}, ${instance}` : component;
}

/** printEvent's times: first from firstTimestamp or eventTime; last from series, lastTimestamp, or first. */
function eventTime(e: KObject, now: number): { first: string; last: string } {
  const first = e.firstTimestamp ? ageOf(e.firstTimestamp, now) : ageOf(e.eventTime, now);
  if (e.series) return { first, last: ageOf(e.series.lastObservedTime, now) };
  const last = e.lastTimestamp ? ageOf(e.lastTimestamp, now) : first;
  return { first, last };
}

function nodeStatus(n: KObject): string {
  const ready = (n.status?.conditions ?? []).find((c: { type: string }) => c.type === "Ready");
  const s = ready?.status === "True" ? "Ready" : ready ? "NotReady" : "Unknown";
  return n.spec?.unschedulable ? `${s},SchedulingDisabled` : s;
}

/** Node ROLES: `node-role.kubernetes.io/<role>` and `kubernetes.io/role` labels (findNodeRoles), or `<none>`. */
function rolesCell(n: KObject): string {
  const roles = nodeRoles(n);
  return roles.length > 0 ? roles.join(",") : "<none>";
}

function nodeAddress(n: KObject, type: string): string {
  return (n.status?.addresses ?? []).find((a: { type: string }) => a.type === type)?.address ?? "<none>";
}

/** Columns by REST resource. */
export const TABLE_COLUMNS: Record<string, Column[]> = {
  deployments: [
    name,
    col("Ready", (o) => `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`),
    col("Up-to-date", (o) => String(o.status?.updatedReplicas ?? 0)),
    col("Available", (o) => String(o.status?.availableReplicas ?? 0)),
    age,
    containers,
    images,
    selector,
  ],
  replicasets: [
    name,
    col("Desired", (o) => String(o.spec?.replicas ?? 0)),
    col("Current", (o) => String(o.status?.replicas ?? 0)),
    col("Ready", (o) => String(o.status?.readyReplicas ?? 0)),
    age,
    containers,
    images,
    selector,
  ],
  pods: [
    name,
    col("Ready", (o, now) => podCells(o as Pod, now).ready),
    col("Status", (o, now) => podCells(o as Pod, now).status),
    col("Restarts", (o, now) => podCells(o as Pod, now).restarts),
    age,
    col("IP", (o) => podWideCells(o as Pod)[0] as string, true),
    col("Node", (o) => podWideCells(o as Pod)[1] as string, true),
    col("Nominated Node", (o) => podWideCells(o as Pod)[2] as string, true),
    col("Readiness Gates", (o) => podWideCells(o as Pod)[3] as string, true),
  ],
  services: [
    name,
    col("Type", (o) => o.spec?.type ?? "ClusterIP"),
    col("Cluster-IP", (o) => o.spec?.clusterIPs?.[0] ?? o.spec?.clusterIP ?? "<none>"),
    col("External-IP", externalIp),
    col("Port(s)", servicePorts),
    age,
    col("Selector", (o) => formatLabelMap(o.spec?.selector), true),
  ],
  endpoints: [name, col("Endpoints", formatEndpoints), age],
  events: [
    col("Last Seen", (o, now) => eventTime(o, now).last),
    col("Type", (o) => o.type ?? ""),
    col("Reason", (o) => o.reason ?? ""),
    col("Object", (o) =>
      o.involvedObject?.name
        ? `${String(o.involvedObject.kind).toLowerCase()}/${o.involvedObject.name}`
        : String(o.involvedObject?.kind ?? "").toLowerCase(),
    ),
    col("Subobject", (o) => o.involvedObject?.fieldPath ?? "", true),
    col("Source", eventSource, true),
    col("Message", (o) => String(o.message ?? "").trim()),
    col("First Seen", (o, now) => eventTime(o, now).first, true),
    // printEvent: a series' count, else count; a singleton of the events API has none (0): 1.
    col("Count", (o) => String(o.series?.count ?? (o.count || 1)), true),
    col("Name", (o) => o.metadata.name, true),
  ],
  namespaces: [name, col("Status", (o) => o.status?.phase ?? ""), age],
  nodes: [
    name,
    col("Status", nodeStatus),
    col("Roles", rolesCell),
    age,
    col("Version", (o) => o.status?.nodeInfo?.kubeletVersion ?? ""),
    col("Internal-IP", (o) => nodeAddress(o, "InternalIP"), true),
    col("External-IP", (o) => nodeAddress(o, "ExternalIP"), true),
    // printNode shows `<unknown>` for an empty OS image, kernel or runtime version.
    col("OS-Image", (o) => o.status?.nodeInfo?.osImage || "<unknown>", true),
    col("Kernel-Version", (o) => o.status?.nodeInfo?.kernelVersion || "<unknown>", true),
    col("Container-Runtime", (o) => o.status?.nodeInfo?.containerRuntimeVersion || "<unknown>", true),
  ],
  configmaps: [
    name,
    col("Data", (o) => String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length)),
    age,
  ],
  secrets: [
    name,
    col("Type", (o) => o.type ?? ""),
    col("Data", (o) => String(Object.keys(o.data ?? {}).length)),
    age,
  ],
  serviceaccounts: [name, col("Secrets", (o) => String((o.secrets ?? []).length)), age],
  resourcequotas: [
    name,
    age,
    col("Request", (o) => quotaRequestLimit(o).request),
    col("Limit", (o) => quotaRequestLimit(o).limit),
  ],
  roles: [name, createdAt],
  clusterroles: [name, createdAt],
  rolebindings: bindingColumns(),
  clusterrolebindings: bindingColumns(),
};

function bindingColumns(): Column[] {
  return [
    name,
    col("Role", bindingRole),
    age,
    col("Users", (o) => bindingSubjects(o).users, true),
    col("Groups", (o) => bindingSubjects(o).groups, true),
    col("ServiceAccounts", (o) => bindingSubjects(o).serviceAccounts, true),
  ];
}

/** The default table of a kind without a server printer: `NAME  CREATED AT`. */
export const DEFAULT_COLUMNS: Column[] = [name, createdAt];

/** The columns of `resource`, wide ones included only when `wide`. */
export function columnsFor(resource: string, wide: boolean): Column[] {
  return (TABLE_COLUMNS[resource] ?? DEFAULT_COLUMNS).filter((c) => wide || !c.wide);
}
