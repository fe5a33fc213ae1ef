/**
 * The rollout history of a Deployment as the history panel draws it: one row per ReplicaSet, newest
 * revision first, with its CHANGE-CAUSE (the ReplicaSet's kubernetes.io/change-cause, as `kubectl
 * rollout history` reads it), and undo's renumbering: a ReplicaSet that served earlier revisions
 * lists them in deployment.kubernetes.io/revision-history ("revision 2 is now revision 4").
 */
import { stringify } from "yaml";
import type { ClusterState, Deployment, PodTemplateSpec, ReplicaSet } from "../../engine";

/** One revision of a Deployment. */
export interface RevisionRow {
  revision: number;
  changeCause: string | undefined;
  replicaSet: string;
  hash: string;
  images: string[];
  /** Revisions this ReplicaSet had before (oldest first); the last one is the one undo renumbered. */
  formerRevisions: number[];
  /** The pod template without the pod-template-hash label, as YAML (for the diff). */
  templateYaml: string;
  /** True for the Deployment's current revision. */
  current: boolean;
}

/** YAML of templates already shown, by template object (stored objects are immutable, so identity is enough). */
const yamlCache = new WeakMap<object, string>();

/** The template as kubectl would show it, minus the label the controller adds (cached per template object). */
function templateYaml(template: PodTemplateSpec | undefined): string {
  if (!template) return stringify({});
  let text = yamlCache.get(template);
  if (text === undefined) yamlCache.set(template, (text = templateYamlOf(template)));
  return text;
}

function templateYamlOf(template: PodTemplateSpec | undefined): string {
  const t = structuredClone(template ?? {});
  if (t.metadata?.labels) {
    delete t.metadata.labels["pod-template-hash"];
  }
  return stringify(t, { sortMapEntries: false });
}

/** The revisions of deployment `name` in `namespace`, newest first. */
export function revisionRows(state: ClusterState, namespace: string, name: string): RevisionRow[] {
  const d = state.objects.deployments?.get(`${namespace}/${name}`) as Deployment | undefined;
  if (!d) return [];
  const uid = d.metadata?.uid;
  const current = d.metadata?.annotations?.["deployment.kubernetes.io/revision"];
  const rows: RevisionRow[] = [];
  for (const [key, o] of state.objects.replicasets?.entries() ?? []) {
    if (!key.startsWith(`${namespace}/`)) continue;
    const rs = o as unknown as ReplicaSet;
    if (!(rs.metadata?.ownerReferences ?? []).some((r) => r.uid === uid && r.controller)) continue;
    const a = rs.metadata?.annotations ?? {};
    const revision = Number(a["deployment.kubernetes.io/revision"] ?? 0);
    if (!revision) continue;
    const former = (a["deployment.kubernetes.io/revision-history"] ?? "")
      .split(",")
      .map((s) => Number(s.trim()))
      .filter((n) => n > 0);
    rows.push({
      revision,
      changeCause: a["kubernetes.io/change-cause"],
      replicaSet: rs.metadata?.name ?? "",
      hash: rs.metadata?.labels?.["pod-template-hash"] ?? "",
      images: (rs.spec?.template?.spec?.containers ?? []).map((c) => c.image ?? ""),
      formerRevisions: former,
      templateYaml: templateYaml(rs.spec?.template),
      current: String(revision) === current,
    });
  }
  return rows.sort((x, y) => y.revision - x.revision);
}

/** Deployment names of a namespace, sorted. */
export function deploymentNames(state: ClusterState, namespace: string): string[] {
  return (state.objects.deployments?.keys() ?? [])
    .filter((k) => k.startsWith(`${namespace}/`))
    .map((k) => k.slice(namespace.length + 1))
    .sort();
}
