/**
 * The shared pieces of kubectl describe (pkg/describe/describe.go): label and annotation blocks, the
 * pod template (DescribePodTemplate, also printed by `rollout history --revision`), containers, volumes,
 * tolerations, the Events table, RFC 1123 timestamps.
 */
import type { Container, CoreEvent, KObject, PodTemplateSpec } from "../../engine";
import { ageOf } from "./duration";
import type { PrefixWriter } from "./prefix-writer";

/** Annotations longer than this (key + value + 2) are wrapped onto their own line and cut (maxAnnotationLen). */
const MAX_ANNOTATION_LEN = 140;
const LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

/** `Mon, 06 May 2024 10:15:30 +0000` (Go's time.RFC1123Z in UTC). */
export function rfc1123z(timestamp: string | undefined): string {
  // Go's zero time.Time, printed for an unset timestamp.
  if (!timestamp) return "Mon, 01 Jan 0001 00:00:00 +0000";
  const d = new Date(timestamp);
  const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][d.getUTCDay()];
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][
    d.getUTCMonth()
  ];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${day}, ${p(d.getUTCDate())} ${month} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** printLabelsMultiline: `Title:\tk=v` then `\tk2=v2` lines (sorted), or `<none>`. */
export function printLabels(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, "\t");
    w.write(0, `${k}=${labels?.[k]}\n`);
  });
}

/** printAnnotationsMultiline: `key: value` sorted, last-applied hidden, long values wrapped and shortened. */
export function printAnnotations(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) {
    w.line("<none>");
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, "\t");
    const value = (annotations?.[k] ?? "").replace(/\n$/, "");
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes("\n")) {
      w.write(0, `${k}:\n`);
      for (const s of value.split("\n")) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

function shorten(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}...` : s;
}

/** printPodTolerationsMultiline. */
export function printTolerations(
  w: PrefixWriter,
  title: string,
  tolerations:
    | { key?: string; value?: string; effect?: string; operator?: string; tolerationSeconds?: number }[]
    | undefined,
): void {
  w.write(0, `${title}:\t`);
  if (!tolerations || tolerations.length === 0) {
    w.line("<none>");
    return;
  }
  tolerations.forEach((t, i) => {
    if (i !== 0) w.write(0, "\t");
    let s = t.key ?? "";
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === "Exists" && !t.value) s += t.key || t.effect ? " op=Exists" : "op=Exists";
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${s}\n`);
  });
}

/** DescribeProbe: `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function describeProbe(p: NonNullable<Container["readinessProbe"]>): string {
  const attrs = `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s #success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${(p.exec.command ?? []).join(" ")}] ${attrs}`;
  if (p.httpGet) {
    const scheme = (p.httpGet.scheme ?? "HTTP").toLowerCase();
    return `http-get ${scheme}://${p.httpGet.host ?? ""}:${p.httpGet.port}${p.httpGet.path ?? ""} ${attrs}`;
  }
  if (p.tcpSocket) return `tcp-socket ${p.tcpSocket.host ?? ""}:${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

/** The container status lines (State, Last State, Ready, Restart Count) of describe pod. */
export type StatusLines = (w: PrefixWriter, container: Container) => void;

/** describeContainers: a `Containers:` block; `space` is "  " inside a pod template. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: Container[],
  space: string,
  statusLines?: StatusLines,
  basic?: (w: PrefixWriter, c: Container, which: "id" | "imageId") => void,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? " <none>" : ""}\n`);
  for (const c of containers) {
    w.write(1, `${space ? " " : ""}${c.name}:\n`);
    basic?.(w, c, "id");
    w.write(2, `Image:\t${c.image ?? ""}\n`);
    basic?.(w, c, "imageId");
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? "TCP"}`).join(", ");
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? "TCP"}`).join(", ");
    w.write(2, ports.includes(",") ? `Ports:\t${ports}\n` : `Port:\t${ports || "<none>"}\n`);
    w.write(
      2,
      hostPorts.includes(",") ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || "<none>"}\n`,
    );
    describeCommand(w, c);
    statusLines?.(w, c);
    describeResources(w, c);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    describeEnv(w, c);
    describeMounts(w, c);
  }
}

function describeCommand(w: PrefixWriter, c: Container): void {
  for (const [title, list] of [
    ["Command", c.command],
    ["Args", c.args],
  ] as const) {
    if (!list || list.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const item of list) for (const s of item.split("\n")) w.write(3, `${s}\n`);
  }
}

function describeResources(w: PrefixWriter, c: Container): void {
  for (const [title, list] of [
    ["Limits", c.resources?.limits],
    ["Requests", c.resources?.requests],
  ] as const) {
    const keys = Object.keys(list ?? {}).sort();
    if (keys.length === 0) continue;
    w.write(2, `${title}:\n`);
    for (const k of keys) w.write(3, `${k}:\t${String((list as Record<string, unknown>)[k])}\n`);
  }
}

function describeEnv(w: PrefixWriter, c: Container): void {
  if ((c.envFrom ?? []).length > 0) {
    w.write(2, "Environment Variables from:\n");
    for (const e of c.envFrom ?? []) {
      const from = e.configMapRef ? "ConfigMap" : "Secret";
      const ref = e.configMapRef ?? e.secretRef;
      const kind = e.prefix ? `${from} with prefix '${e.prefix}'` : from;
      w.write(3, `${ref?.name ?? ""}\t${kind}\tOptional: ${ref?.optional === true}\n`);
    }
  }
  const env = c.env ?? [];
  w.write(2, `Environment:${env.length === 0 ? "\t<none>" : ""}\n`);
  for (const e of env) {
    const vf = e.valueFrom;
    if (!vf) {
      (e.value ?? "").split("\n").forEach((s, i) => {
        w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`);
      });
    } else if (vf.fieldRef) {
      w.write(3, `${e.name}:\t (${vf.fieldRef.apiVersion ?? "v1"}:${vf.fieldRef.fieldPath})\n`);
    } else if (vf.secretKeyRef) {
      w.write(
        3,
        `${e.name}:\t<set to the key '${vf.secretKeyRef.key}' in secret '${vf.secretKeyRef.name}'>\tOptional: ${vf.secretKeyRef.optional === true}\n`,
      );
    } else if (vf.configMapKeyRef) {
      w.write(
        3,
        `${e.name}:\t<set to the key '${vf.configMapKeyRef.key}' of config map '${vf.configMapKeyRef.name}'>\tOptional: ${vf.configMapKeyRef.optional === true}\n`,
      );
    }
  }
}

function describeMounts(w: PrefixWriter, c: Container): void {
  const mounts = [...(c.volumeMounts ?? [])].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1));
  w.write(2, `Mounts:${mounts.length === 0 ? "\t<none>" : ""}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly ? "ro" : "rw", ...(m.subPath ? [`path="${m.subPath}"`] : [])];
    w.write(3, `${m.mountPath} from ${m.name} (${flags.join(",")})\n`);
  }
}

/** describeVolumes (the kinds the sandbox uses: configMap, secret, emptyDir, projected). */
export function describeVolumes(w: PrefixWriter, volumes: KObject[] | undefined, space: string): void {
  if (!volumes || volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? " " : ""}${v.name}:\n`);
    if (v.configMap) {
      w.write(2, "Type:\tConfigMap (a volume populated by a ConfigMap)\n");
      w.write(2, `Name:\t${v.configMap.name}\n`);
      w.write(2, `Optional:\t${v.configMap.optional === true}\n`);
    } else if (v.secret) {
      w.write(2, "Type:\tSecret (a volume populated by a Secret)\n");
      w.write(2, `SecretName:\t${v.secret.secretName}\n`);
      w.write(2, `Optional:\t${v.secret.optional === true}\n`);
    } else if (v.emptyDir) {
      w.write(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n");
      w.write(2, `Medium:\t${v.emptyDir.medium ?? ""}\n`);
      w.write(2, `SizeLimit:\t${v.emptyDir.sizeLimit ?? "<unset>"}\n`);
    } else if (v.projected) {
      w.write(2, "Type:\tProjected (a volume that contains injected data from multiple sources)\n");
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken)
          w.write(2, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3600}\n`);
        if (s.configMap) {
          w.write(2, `ConfigMapName:\t${s.configMap.name}\n`);
          w.write(
            2,
            `ConfigMapOptional:\t${s.configMap.optional === undefined ? "<nil>" : String(s.configMap.optional)}\n`,
          );
        }
        if (s.downwardAPI) w.write(2, "DownwardAPI:\ttrue\n");
      }
    }
  }
}

/** DescribePodTemplate: `Pod Template:` and its block. */
export function describePodTemplate(w: PrefixWriter, t: PodTemplateSpec | undefined): void {
  w.write(0, "Pod Template:\n");
  if (!t) {
    w.write(1, "<unset>");
    return;
  }
  printLabels(w, "  Labels", t.metadata?.labels);
  if (Object.keys(t.metadata?.annotations ?? {}).length > 0)
    printAnnotations(w, "  Annotations", t.metadata?.annotations);
  const spec = t.spec;
  if (spec?.serviceAccountName) w.write(1, `Service Account:\t${spec.serviceAccountName}\n`);
  if ((spec?.initContainers ?? []).length > 0)
    describeContainers(w, "Init Containers", spec?.initContainers ?? [], "  ");
  describeContainers(w, "Containers", spec?.containers ?? [], "  ");
  describeVolumes(w, spec?.volumes as KObject[] | undefined, "  ");
  if (spec?.priorityClassName) w.write(1, `Priority Class Name:\t${spec.priorityClassName}\n`);
  printLabels(w, "  Node-Selectors", spec?.nodeSelector);
  printTolerations(w, "  Tolerations", spec?.tolerations);
}

/** The conditions table shared by Deployment and ReplicaSet (`Type <TAB>Status<TAB>Reason`). */
export function describeConditions(
  w: PrefixWriter,
  conditions: { type: string; status: string; reason?: string }[] | undefined,
): void {
  if (!conditions || conditions.length === 0) return;
  w.write(0, "Conditions:\n  Type\tStatus\tReason\n");
  w.write(1, "----\t------\t------\n");
  for (const c of conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ""}\n`);
}

/** The events about `obj` (kind, name and uid, as describe's field selector), sorted by last timestamp. */
export function eventsFor(obj: KObject, events: KObject[]): CoreEvent[] {
  const uid = obj.metadata.uid;
  return (events as CoreEvent[])
    .filter(
      (e) =>
        e.involvedObject?.kind === obj.kind &&
        e.involvedObject?.name === obj.metadata.name &&
        (!uid || !e.involvedObject?.uid || e.involvedObject.uid === uid),
    )
    .map((e, i) => ({ e, i }))
    .sort((a, b) => {
      const ta = Date.parse(a.e.lastTimestamp ?? a.e.eventTime ?? "");
      const tb = Date.parse(b.e.lastTimestamp ?? b.e.eventTime ?? "");
      return ta - tb || a.i - b.i;
    })
    .map(({ e }) => e);
}

/** DescribeEvents: `Events:\t<none>` or the Type/Reason/Age/From/Message table, `12s (x6 over 51s)` for repeats (a series' count and last sighting for events.k8s.io ones). */
export function describeEvents(w: PrefixWriter, events: CoreEvent[], nowMs: number): void {
  if (events.length === 0) {
    w.write(0, "Events:\t<none>\n");
    return;
  }
  w.write(0, "Events:\n  Type\tReason\tAge\tFrom\tMessage\n");
  w.write(1, "----\t------\t----\t----\t-------\n");
  for (const e of events) {
    const first = e.eventTime ? ageOf(e.eventTime, nowMs) : ageOf(e.firstTimestamp, nowMs);
    const interval = e.series
      ? `${ageOf(e.series.lastObservedTime, nowMs)} (x${e.series.count} over ${first})`
      : (e.count ?? 1) > 1
        ? `${ageOf(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`
        : first;
    const source = e.source?.component || e.reportingComponent || "";
    w.write(1, `${e.type ?? ""}\t${e.reason ?? ""}\t${interval}\t${source}\t${(e.message ?? "").trim()}\n`);
  }
}
