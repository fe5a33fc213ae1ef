/**
 * Who a kubectl invocation acts as: the user of the kubeconfig context in use (`--context`, else the
 * current one), or the identity `--as`/`--as-group` ask for, which the API server checks as an
 * impersonation request (a refusal is the real Forbidden error).
 */
import { ADMIN_USER, impersonate, impersonatedUser, type UserInfo } from "../engine";
import type { KubeContext, Kubeconfig } from "./context";
import { CmdError } from "./errors";
import type { Flags } from "./flags";

/** The kubeconfig context a command uses; throws kubectl's error for an unknown `--context`. */
export function contextFor(kubeconfig: Kubeconfig, flags: Flags): KubeContext | undefined {
  const name = flags.string("context") || kubeconfig.currentContext;
  const found = kubeconfig.contexts.find((c) => c.name === name);
  if (!found && flags.changed("context"))
    throw new CmdError(`context was not found for specified context: ${name}`);
  return found;
}

/** The UserInfo of a kubeconfig user name: the admin keeps `system:masters`; anyone else is an authenticated user. */
export function userInfoOf(name: string): UserInfo {
  return name === ADMIN_USER.name ? ADMIN_USER : impersonatedUser(name);
}

/** The identity requests run as, after the server's impersonation check when `--as` is given. */
export function requestUser(
  state: Parameters<typeof impersonate>[0],
  context: KubeContext | undefined,
  flags: Flags,
): UserInfo {
  const base = userInfoOf(context?.user ?? ADMIN_USER.name);
  const as = flags.string("as");
  const groups = flags.list("as-group");
  if (!as && groups.length === 0) return base;
  return impersonate(state, base, as || base.name, groups);
}
