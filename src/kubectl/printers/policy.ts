/**
 * Cells and describe lines of the policy kinds (ResourceQuota, LimitRange, RoleBinding, …), as the v1.32
 * server-side printers (pkg/printers/internalversion printResourceQuota, printRoleBinding) and kubectl's
 * describers (describeQuota, describeLimitRange) produce them. Describe lines use `\t` between cells:
 * the caller aligns them as kubectl's tabwriter does (padding 2).
 */
import type { KObject } from "../../engine";

/** The REQUEST and LIMIT cells of `kubectl get quota`: `pods: 3/3, requests.cpu: 300m/1`; `limits.*` go to LIMIT. */
export function quotaRequestLimit(q: KObject): { request: string; limit: string } {
  const request: string[] = [];
  const limit: string[] = [];
  for (const name of Object.keys(q.spec?.hard ?? {}).sort()) {
    const used = q.status?.used?.[name] ?? "0";
    const hard = q.status?.hard?.[name] ?? "0";
    const cell = `${name}: ${used}/${hard}`;
    const [head, ...rest] = name.split(".");
    (rest.length > 0 && head === "limits" ? limit : request).push(cell);
  }
  return { request: request.join(", "), limit: limit.join(", ") };
}

/** `kubectl describe quota` lines (Name, Namespace, then Resource/Used/Hard rows sorted by resource). */
export function describeQuotaLines(q: KObject): string[] {
  const lines = [`Name:\t${q.metadata.name}`, `Namespace:\t${q.metadata.namespace ?? ""}`];
  const scopes = [...(q.spec?.scopes ?? [])].sort();
  if (scopes.length > 0) {
    lines.push(`Scopes:\t${scopes.join(", ")}`);
    for (const s of scopes) {
      const help = SCOPE_HELP[s];
      if (help) lines.push(` * ${help}`);
    }
  }
  lines.push("Resource\tUsed\tHard", "--------\t----\t----");
  for (const name of Object.keys(q.status?.hard ?? {}).sort()) {
    lines.push(`${name}\t${q.status?.used?.[name] ?? "0"}\t${q.status.hard[name]}`);
  }
  return lines;
}

const SCOPE_HELP: Record<string, string> = {
  Terminating:
    "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
  NotTerminating:
    "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
  BestEffort:
    "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
  NotBestEffort:
    "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
};

/**
 * `kubectl describe limitrange` lines: Name, Namespace and the Type/Resource/Min/Max/Default Request/
 * Default Limit/Max Limit/Request Ratio table in one aligned block, `-` for an unset value. (kubectl walks
 * a Go map, so the real row order within one item varies; here resources are sorted.)
 */
export function describeLimitRangeLines(lr: KObject): string[] {
  const lines = [
    `Name:\t${lr.metadata.name}`,
    `Namespace:\t${lr.metadata.namespace ?? ""}`,
    "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio",
    "----\t--------\t---\t---\t---------------\t-------------\t-----------------------",
  ];
  for (const item of lr.spec?.limits ?? []) {
    const lists = [item.min, item.max, item.defaultRequest, item.default, item.maxLimitRequestRatio];
    const names = new Set<string>();
    for (const l of lists) for (const k of Object.keys(l ?? {})) names.add(k);
    for (const k of [...names].sort()) {
      lines.push([item.type, k, ...lists.map((l) => l?.[k] ?? "-")].join("\t"));
    }
  }
  return lines;
}

/** The ROLE cell of `get rolebinding`/`clusterrolebinding`: `Role/pod-reader`, `ClusterRole/view`. */
export function bindingRole(b: KObject): string {
  return `${b.roleRef?.kind ?? ""}/${b.roleRef?.name ?? ""}`;
}

/** The wide USERS, GROUPS, SERVICEACCOUNTS cells of a binding (rbac.SubjectsStrings: a service account as `default/deployer`). */
export function bindingSubjects(b: KObject): { users: string; groups: string; serviceAccounts: string } {
  const of = (kind: string) => (b.subjects ?? []).filter((s: { kind: string }) => s.kind === kind);
  return {
    users: of("User")
      .map((s: { name: string }) => s.name)
      .join(", "),
    groups: of("Group")
      .map((s: { name: string }) => s.name)
      .join(", "),
    serviceAccounts: of("ServiceAccount")
      .map((s: { name: string; namespace?: string }) => (s.namespace ? `${s.namespace}/${s.name}` : s.name))
      .join(", "),
  };
}
