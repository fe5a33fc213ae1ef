/**
 * Authorization (RBAC) of API requests. The default user is a cluster admin (`system:masters`), so
 * every request is allowed until a lesson switches to another user or service account; everyone else
 * is judged by the Roles, ClusterRoles and their bindings stored in the cluster (rbac.ts).
 */
import type { ClusterState } from "../store/state";
import { ApiError } from "./errors";
import { rbacAuthorize } from "./rbac";

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

/**
 * The identity `--as=NAME [--as-group=G…]` asks for, with the groups the authenticator adds:
 * a service account `system:serviceaccount:ns:name` is in `system:serviceaccounts` and
 * `system:serviceaccounts:ns`; everyone is in `system:authenticated`.
 */
export function impersonatedUser(name: string, groups: readonly string[] = []): UserInfo {
  const all = [...groups];
  const sa = name.match(/^system:serviceaccount:([^:]+):([^:]+)$/);
  if (sa && groups.length === 0) all.push("system:serviceaccounts", `system:serviceaccounts:${sa[1]}`);
  if (!all.includes("system:authenticated")) all.push("system:authenticated");
  return { name, groups: all };
}

/** One request as the authorizer sees it. */
export interface AuthorizationRequest {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
  /** A non-resource request (`/healthz`, `/logs/`): then only `verb` and this count. */
  path?: string;
}

/** The authorizer's answer; `reason` is appended to the Forbidden message when not empty. */
export interface AuthorizationDecision {
  allowed: boolean;
  /** `RBAC: role.rbac.authorization.k8s.io "deployer" not found` when a binding names a missing role. */
  reason: string;
}

/** True when `user` may make `req`. `system:masters` may do everything (the privileged-group authorizer). */
export function authorize(state: ClusterState, user: UserInfo, req: AuthorizationRequest): boolean {
  return decide(state, user, req).allowed;
}

/** The full decision: allowed, or not with the RBAC authorizer's reason. */
export function decide(
  state: ClusterState,
  user: UserInfo,
  req: AuthorizationRequest,
): AuthorizationDecision {
  if (user.groups.includes("system:masters")) return { allowed: true, reason: "" };
  return rbacAuthorize(state, user, req);
}

/**
 * `User "jane" cannot patch resource "deployments/scale" in API group "apps" in the namespace "default"`:
 * the sentence the API server's Forbidden response carries (responsewriters.forbiddenMessage).
 */
export function forbiddenMessage(user: UserInfo, req: AuthorizationRequest, reason = ""): string {
  if (req.path !== undefined) {
    const msg = `User "${user.name}" cannot ${req.verb} path "${req.path}"`;
    return reason ? `${msg}: ${reason}` : msg;
  }
  const what = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  const where = req.namespace ? `in the namespace "${req.namespace}"` : "at the cluster scope";
  const msg = `User "${user.name}" cannot ${req.verb} resource "${what}" in API group "${req.group}" ${where}`;
  return reason ? `${msg}: ${reason}` : msg;
}

/**
 * `--as=NAME --as-group=G`: the identity a request acts as, after checking that `requester` may
 * impersonate it (verb `impersonate` on `users`, `groups`, or the named `serviceaccounts`). Refusal is
 * the impersonation filter's Forbidden: `users "bob" is forbidden: User "jane" cannot impersonate
 * resource "users" in API group "" at the cluster scope`.
 */
export function impersonate(
  state: ClusterState,
  requester: UserInfo,
  name: string,
  groups: readonly string[] = [],
): UserInfo {
  const sa = name.match(/^system:serviceaccount:([^:]+):([^:]+)$/);
  const checks: AuthorizationRequest[] = [
    sa
      ? { verb: "impersonate", group: "", resource: "serviceaccounts", namespace: sa[1], name: sa[2] }
      : { verb: "impersonate", group: "", resource: "users", name },
    ...groups.map((g) => ({ verb: "impersonate", group: "", resource: "groups", name: g })),
  ];
  for (const req of checks) {
    const d = decide(state, requester, req);
    if (!d.allowed) {
      throw new ApiError(
        "Forbidden",
        403,
        `${req.resource} "${req.name}" is forbidden: ${forbiddenMessage(requester, req, d.reason)}`,
        {
          name: req.name,
        },
      );
    }
  }
  return impersonatedUser(name, groups);
}
