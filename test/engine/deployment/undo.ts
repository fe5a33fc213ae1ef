/**
 * `kubectl rollout undo` as kubectl does it (polymorphichelpers/rollback.go, controller-facts §12), for
 * tests: pick the ReplicaSet with the second-highest revision (or --to-revision), then replace the
 * Deployment's template with the set's template minus the pod-template-hash label and its annotations with
 * the six controller/apply keys of the Deployment plus every other annotation of the set.
 */
import type { Api } from "../../../src/engine/api/api";
import {
  lastRevision,
  revision,
  SKIP_COPY_ANNOTATIONS,
} from "../../../src/engine/controllers/deployment/revisions";
import type { KObject } from "../../../src/engine/model/types";

/** Rolls `name` back; returns the revision it went to, or undefined if there is none (or it is paused). */
export function rolloutUndo(
  api: Api,
  name: string,
  toRevision = 0,
  namespace = "default",
): number | undefined {
  const d = api.get("deployments", namespace, name);
  if (d.spec?.paused) return undefined;
  const sets = api
    .list("replicasets", namespace)
    .filter((rs) =>
      (rs.metadata.ownerReferences ?? []).some((r) => r.controller && r.uid === d.metadata.uid),
    );
  const target = toRevision > 0 ? toRevision : lastRevision(sets);
  const rs = sets.find((s) => revision(s) === target);
  if (!rs || target === 0) return undefined;
  const next: KObject = JSON.parse(JSON.stringify(d));
  const template = JSON.parse(JSON.stringify(rs.spec.template));
  delete template.metadata?.labels?.["pod-template-hash"];
  next.spec.template = template;
  const annotations: Record<string, string> = {};
  for (const k of SKIP_COPY_ANNOTATIONS) {
    const v = d.metadata.annotations?.[k];
    if (v !== undefined) annotations[k] = v;
  }
  for (const [k, v] of Object.entries(rs.metadata.annotations ?? {})) {
    if (!SKIP_COPY_ANNOTATIONS.includes(k)) annotations[k] = v;
  }
  next.metadata.annotations = annotations;
  delete next.metadata.resourceVersion;
  api.update("deployments", next);
  return target;
}
