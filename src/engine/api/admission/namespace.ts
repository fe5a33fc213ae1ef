/**
 * NamespaceLifecycle admission: nothing is created in a namespace that does not exist
 * (`namespaces "staging" not found`) or is being deleted
 * (`unable to create new content in namespace staging because it is being terminated`).
 */
import type { AdmissionPlugin } from "../admission";
import { type ApiError, forbidden, notFound } from "../errors";

/** The NamespaceLifecycle plugin (validating half, creates of namespaced objects). */
export const namespaceLifecyclePlugin: AdmissionPlugin = {
  name: "NamespaceLifecycle",
  admit(req, state) {
    if (req.operation !== "CREATE" || !req.type.namespaced || !req.namespace) return;
    const namespaces = state.objects.namespaces;
    // A bare cluster without namespaces (unit tests of one component) has nothing to check against.
    if (!namespaces || namespaces.size === 0) return;
    const ns = namespaces.get(req.namespace);
    if (!ns) throw notFound("namespaces", req.namespace);
    if (ns.metadata.deletionTimestamp || ns.status?.phase === "Terminating") {
      throw forbiddenIn(req.type.resource, req.name, req.namespace);
    }
  },
};

function forbiddenIn(resource: string, name: string, namespace: string): ApiError {
  const why = `unable to create new content in namespace ${namespace} because it is being terminated`;
  return forbidden(resource, name, why);
}
