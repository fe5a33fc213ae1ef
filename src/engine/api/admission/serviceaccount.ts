/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount), mutating half: a pod gets the
 * `default` service account when it names none; the account it names must exist, else
 * `pods "http-go-5d4f7c9b6-" is forbidden: error looking up service account default/deployer:
 * serviceaccount "deployer" not found` (the name is the generateName: no name is drawn yet); and its
 * token is mounted as the projected volume `kube-api-access-xxxxx` at
 * /var/run/secrets/kubernetes.io/serviceaccount, as `kubectl describe pod` shows.
 */
import { qualifiedResource } from "../../model/resources";
import type { KObject } from "../../model/types";
import type { ClusterState } from "../../store/state";
import type { AdmissionPlugin } from "../admission";
import { forbidden } from "../errors";
import { randomSuffix } from "../naming";

/** Where the token is mounted in every container. */
export const TOKEN_MOUNT_PATH = "/var/run/secrets/kubernetes.io/serviceaccount";

/** The ServiceAccount plugin: pod creates only. */
export const serviceAccountPlugin: AdmissionPlugin = {
  name: "ServiceAccount",
  admit(req, state) {
    if (req.operation !== "CREATE" || req.subresource || req.type.kind !== "Pod" || req.type.group !== "")
      return;
    const pod = req.object;
    pod.spec ??= {};
    if (!pod.spec.serviceAccountName) pod.spec.serviceAccountName = pod.spec.serviceAccount || "default";
    pod.spec.serviceAccount = pod.spec.serviceAccountName;
    const ns = req.namespace as string;
    const name: string = pod.spec.serviceAccountName;
    const sa = state.objects.serviceaccounts?.get(`${ns}/${name}`);
    // The service-account controller creates `default` in every namespace within moments; a cluster built
    // without it (a bare test cluster) behaves as if it had.
    if (!sa && !(name === "default" && !hasAnyServiceAccount(state, ns))) {
      throw forbidden(
        qualifiedResource(req.type),
        req.name,
        `error looking up service account ${ns}/${name}: serviceaccount "${name}" not found`,
      );
    }
    if (shouldAutomount(sa, pod)) mountToken(state, pod);
  },
};

function hasAnyServiceAccount(state: ClusterState, ns: string): boolean {
  return (state.objects.serviceaccounts?.values() ?? []).some((o) => o.metadata.namespace === ns);
}

function shouldAutomount(sa: KObject | undefined, pod: KObject): boolean {
  if (pod.spec.automountServiceAccountToken !== undefined) return !!pod.spec.automountServiceAccountToken;
  return sa?.automountServiceAccountToken !== false;
}

/** Adds the projected token volume and a read-only mount of it to every container that has none there. */
function mountToken(state: ClusterState, pod: KObject): void {
  const containers: KObject[] = [...(pod.spec.initContainers ?? []), ...(pod.spec.containers ?? [])];
  const needing = containers.filter(
    (c) => !(c.volumeMounts ?? []).some((m: { mountPath: string }) => m.mountPath === TOKEN_MOUNT_PATH),
  );
  if (needing.length === 0) return;
  const volumeName = `kube-api-access-${randomSuffix(state, 5)}`;
  for (const c of needing) {
    c.volumeMounts = [
      ...(c.volumeMounts ?? []),
      { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH },
    ];
  }
  pod.spec.volumes = [...(pod.spec.volumes ?? []), tokenVolume(volumeName)];
}

/** The projected volume the plugin adds (token valid 3607 s, the cluster CA, the namespace). */
function tokenVolume(name: string): KObject["spec"] {
  return { name, projected: { sources: TOKEN_SOURCES, defaultMode: 420 } };
}

/**
 * The volume's sources, one value shared by every pod: stored objects are never changed in place (they
 * are frozen where tests run), and a copy per pod was 600 bytes of each of a rollout's 20,000 pods.
 */
const TOKEN_SOURCES = [
  { serviceAccountToken: { expirationSeconds: 3607, path: "token" } },
  { configMap: { name: "kube-root-ca.crt", items: [{ key: "ca.crt", path: "ca.crt" }] } },
  {
    downwardAPI: {
      items: [{ path: "namespace", fieldRef: { apiVersion: "v1", fieldPath: "metadata.namespace" } }],
    },
  },
];
