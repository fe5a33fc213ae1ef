/**
 * Two small kube-controller-manager loops every namespace meets: the service-account controller
 * (a `default` ServiceAccount in every namespace, which pods use when they name none) and the root-CA
 * publisher (the `kube-root-ca.crt` ConfigMap the pods' token volume mounts, listed by
 * `kubectl get configmaps` in every namespace).
 */
import type { KObject } from "../../model/types";
import type { Controller, ControllerContext } from "../controller";

/** The cluster CA the publisher copies (a placeholder PEM: nothing in the sandbox verifies it). */
export const ROOT_CA_PEM =
  "-----BEGIN CERTIFICATE-----\nMIIBszCCAVmgAwIBAgIBADAKBggqhkjOPQQDAjAVMRMwEQYDVQQDEwptaW5pa3ViZUNBMB4XDTI2\n-----END CERTIFICATE-----\n";

function activeNamespaces(ctx: ControllerContext): KObject[] {
  return (ctx.state.objects.namespaces?.values() ?? []).filter(
    (ns) => !ns.metadata.deletionTimestamp && ns.status?.phase !== "Terminating",
  );
}

/** Ensures a `default` ServiceAccount in every active namespace. */
export const serviceAccountController: Controller = {
  name: "serviceaccount",
  reconcile(ctx) {
    let wrote = false;
    for (const ns of activeNamespaces(ctx)) {
      const name = ns.metadata.name;
      if (ctx.state.objects.serviceaccounts?.get(`${name}/default`)) continue;
      ctx.api.create("serviceaccounts", {
        apiVersion: "v1",
        kind: "ServiceAccount",
        metadata: { name: "default", namespace: name },
      });
      ctx.decide(
        `serviceaccounts/${name}/default`,
        `created the default service account of namespace ${name}`,
      );
      wrote = true;
    }
    return wrote;
  },
  nextWake: () => undefined,
};

/** Ensures the `kube-root-ca.crt` ConfigMap in every active namespace. */
export const rootCaPublisher: Controller = {
  name: "root-ca-cert-publisher",
  reconcile(ctx) {
    let wrote = false;
    for (const ns of activeNamespaces(ctx)) {
      const name = ns.metadata.name;
      if (ctx.state.objects.configmaps?.get(`${name}/kube-root-ca.crt`)) continue;
      ctx.api.create("configmaps", {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          name: "kube-root-ca.crt",
          namespace: name,
          annotations: { "kubernetes.io/description": ROOT_CA_DESCRIPTION },
        },
        data: { "ca.crt": ROOT_CA_PEM },
      });
      ctx.decide(`configmaps/${name}/kube-root-ca.crt`, `published the cluster CA to namespace ${name}`);
      wrote = true;
    }
    return wrote;
  },
  nextWake: () => undefined,
};

/** The annotation the publisher sets (v1.32 rootcacertpublisher). */
const ROOT_CA_DESCRIPTION =
  "Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.";
