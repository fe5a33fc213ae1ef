/**
 * The RBAC authorizer (plugin/pkg/auth/authorizer/rbac): a request is allowed when some rule of a role
 * bound to the user allows it. ClusterRoleBindings grant everywhere; RoleBindings grant in their own
 * namespace, whether they name a Role or a ClusterRole. Rules match by verb, API group, resource
 * (with `resource/subresource`, `*`, `*\/subresource`) and resourceNames; subjects by user name, group,
 * or service account (whose namespace defaults to the binding's).
 */
import type { KObject } from "../model/types";
import type { ClusterState } from "../store/state";
import type { AuthorizationDecision, AuthorizationRequest, UserInfo } from "./authorization";

/** A PolicyRule as stored (`rbac.authorization.k8s.io/v1`). */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

/** The rules that apply to `user` in `namespace`, and the errors met while collecting them (missing roles). */
export function rulesFor(
  state: ClusterState,
  user: UserInfo,
  namespace: string | undefined,
): { rules: PolicyRule[]; errors: string[] } {
  const rules: PolicyRule[] = [];
  const errors: string[] = [];
  const visit = (binding: KObject, bindingNamespace: string) => {
    if (!(binding.subjects ?? []).some((s: Subject) => appliesTo(user, s, bindingNamespace))) return;
    const found = roleRules(state, binding.roleRef, bindingNamespace);
    if (typeof found === "string") errors.push(found);
    else rules.push(...found);
  };
  for (const b of sortedObjects(state, "clusterrolebindings")) visit(b, "");
  if (namespace) {
    for (const b of sortedObjects(state, "rolebindings"))
      if (b.metadata.namespace === namespace) visit(b, namespace);
  }
  return { rules, errors };
}

/** The RBAC decision for one request (DecisionAllow, or NoOpinion with a reason listing missing roles). */
export function rbacAuthorize(
  state: ClusterState,
  user: UserInfo,
  req: AuthorizationRequest,
): AuthorizationDecision {
  const { rules, errors } = rulesFor(state, user, req.namespace);
  if (rules.some((r) => ruleAllows(r, req))) return { allowed: true, reason: "" };
  const reason = errors.length === 0 ? "" : `RBAC: ${aggregate(errors)}`;
  return { allowed: false, reason };
}

/** True when one rule allows the request (rbac.RuleAllows). */
export function ruleAllows(rule: PolicyRule, req: AuthorizationRequest): boolean {
  if (req.path !== undefined)
    return matches(rule.verbs, req.verb) && urlMatches(rule.nonResourceURLs ?? [], req.path);
  const combined = req.subresource ? `${req.resource}/${req.subresource}` : req.resource;
  return (
    matches(rule.verbs, req.verb) &&
    matches(rule.apiGroups ?? [], req.group) &&
    resourceMatches(rule.resources ?? [], combined, req.subresource) &&
    resourceNameMatches(rule.resourceNames ?? [], req.name)
  );
}

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

function appliesTo(user: UserInfo, s: Subject, bindingNamespace: string): boolean {
  if (s.kind === "User") return user.name === s.name;
  if (s.kind === "Group") return user.groups.includes(s.name);
  if (s.kind === "ServiceAccount") {
    const ns = s.namespace || bindingNamespace;
    return ns !== "" && user.name === `system:serviceaccount:${ns}:${s.name}`;
  }
  return false;
}

/** The rules of a roleRef, or the NotFound text the real authorizer collects (`role.rbac.authorization.k8s.io "x" not found`). */
function roleRules(
  state: ClusterState,
  ref: { kind: string; name: string } | undefined,
  bindingNamespace: string,
): PolicyRule[] | string {
  if (!ref) return [];
  if (ref.kind === "ClusterRole") {
    const role = state.objects.clusterroles?.get(ref.name);
    return role ? (role.rules ?? []) : `clusterrole.rbac.authorization.k8s.io "${ref.name}" not found`;
  }
  const role = state.objects.roles?.get(`${bindingNamespace}/${ref.name}`);
  return role ? (role.rules ?? []) : `role.rbac.authorization.k8s.io "${ref.name}" not found`;
}

function matches(list: readonly string[], value: string): boolean {
  return list.includes("*") || list.includes(value);
}

function resourceMatches(list: readonly string[], combined: string, subresource?: string): boolean {
  return list.some(
    (r) =>
      r === "*" ||
      r === combined ||
      (!!subresource && r.length === subresource.length + 2 && r === `*/${subresource}`),
  );
}

/** NonResourceURLMatches: exact, `*`, or a `prefix*` pattern. */
function urlMatches(patterns: readonly string[], path: string): boolean {
  return patterns.some(
    (p) => p === "*" || p === path || (p.endsWith("*") && path.startsWith(p.slice(0, -1))),
  );
}

function resourceNameMatches(names: readonly string[], name?: string): boolean {
  if (names.length === 0) return true;
  return !!name && names.includes(name);
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several as `[a, b]`. */
function aggregate(messages: string[]): string {
  const unique = [...new Set(messages)];
  return unique.length === 1 ? (unique[0] as string) : `[${unique.join(", ")}]`;
}

function sortedObjects(state: ClusterState, resource: string): KObject[] {
  const bucket = state.objects[resource];
  if (!bucket) return [];
  return bucket
    .keys()
    .sort()
    .map((k) => bucket.get(k) as KObject);
}
