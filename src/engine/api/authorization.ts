/**
 * Authorization (RBAC) of API requests. The default user is a cluster admin (`system:masters`), so
 * every request is allowed until a lesson switches to another user or service account.
 */
import type { ClusterState } from "../store/state";

/** Who makes a request: a user or a service account (`system:serviceaccount:default:deployer`). */
export interface UserInfo {
  name: string;
  groups: string[];
}

/** The sandbox's default identity, as a kind/minikube kubeconfig gives: an admin. */
export const ADMIN_USER: UserInfo = {
  name: "kubernetes-admin",
  groups: ["system:masters", "system:authenticated"],
};

/** The identity controllers act as. */
export function controllerUser(controller: string): UserInfo {
  return { name: `system:serviceaccount:kube-system:${controller}`, groups: ["system:masters"] };
}

/** One request as the authorizer sees it. */
export interface AuthorizationRequest {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

/** True when `user` may make `req`. `system:masters` may do everything. */
export function authorize(_state: ClusterState, user: UserInfo, _req: AuthorizationRequest): boolean {
  return user.groups.includes("system:masters");
}
