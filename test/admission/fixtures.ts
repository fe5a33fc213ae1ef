/** Fixture builders for admission tests: a cluster with only the quota controller, and pods/quotas that read like the domain. */
import { Cluster, type KObject, type UserInfo } from "../../src/engine";
import { quotaController } from "../../src/engine/controllers/quota";

/** A cluster with the `default` namespace and service account, and the quota controller running. */
export function cluster(): Cluster {
  return new Cluster({
    controllers: [quotaController],
    bootstrap: (api) => {
      api.create("namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: "default" } });
      api.create("serviceaccounts", {
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name: "default" },
      });
    },
  });
}

/** A one-container pod; `resources` as a container's `resources` field. */
export function pod(name: string, resources?: KObject["spec"], extra: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name },
    spec: {
      containers: [{ name, image: "gasbugs/http-go:v1", ...(resources ? { resources } : {}) }],
      ...extra,
    },
  };
}

/** A ResourceQuota with `hard`. */
export function quota(name: string, hard: Record<string, string>): KObject {
  return { apiVersion: "v1", kind: "ResourceQuota", metadata: { name }, spec: { hard } };
}

/** The message of the error `fn` throws (or "" if it does not throw). */
export function errorOf(fn: () => unknown): string {
  try {
    fn();
    return "";
  } catch (e) {
    return (e as Error).message;
  }
}

/** Creates `obj` as `user` (admin by default), returning the error message or "". */
export function tryCreate(c: Cluster, resource: string, obj: KObject, user?: UserInfo): string {
  return errorOf(() => c.request((api) => api.create(resource, obj), user));
}
