/**
 * `kubectl create quota|role|clusterrole|rolebinding|clusterrolebinding|serviceaccount NAME`: the
 * objects come from src/kubectl/builders/policy.ts, the request and printing from create-support.ts.
 * Errors as kubectl wraps them: `error: failed to create quota: …`, `… serviceaccount: …`; roles and
 * bindings print the server's error as is.
 */
import { findResourceType, type ResourceType } from "../../engine";
import { type Built, buildBinding, buildQuota, buildRole, buildServiceAccount } from "../builders/policy";
import { CmdError } from "../errors";
import type { FlagDef, Flags } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { CREATE_CLUSTERROLE_HELP } from "../help/create-clusterrole";
import { CREATE_CLUSTERROLEBINDING_HELP } from "../help/create-clusterrolebinding";
import { CREATE_QUOTA_HELP } from "../help/create-quota";
import { CREATE_ROLE_HELP } from "../help/create-role";
import { CREATE_ROLEBINDING_HELP } from "../help/create-rolebinding";
import { CREATE_SERVICEACCOUNT_HELP } from "../help/create-serviceaccount";
import { done } from "../program";
import { createAndPrint, DRY_RUN_FLAG, nameArg } from "./create-support";
import type { CommandSpec } from "./types";

/** Repeatable, not comma-split (pflag StringArray): subjects may contain commas. */
const SUBJECT_FLAGS: FlagDef[] = [
  { name: "user", kind: "stringArray" },
  { name: "group", kind: "stringArray" },
  { name: "serviceaccount", kind: "stringArray" },
];

function typeOf(resource: string): ResourceType {
  return findResourceType(resource) as ResourceType;
}

function unwrap(b: Built): NonNullable<Extract<Built, { ok: true }>["object"]> {
  if (!b.ok) throw new CmdError(b.error);
  return b.object;
}

/**
 * A `create` sub-command whose object is built from its flags and created as is: role, clusterrole,
 * rolebinding and clusterrolebinding differ only in name, help, extra flags, resource and builder.
 */
function builtCommand(
  name: string,
  short: string,
  help: string,
  resource: string,
  build: (name: string, flags: Flags, warn: (text: string) => void) => Built,
  more: { aliases?: string[]; extraFlags?: FlagDef[]; failure?: string } = {},
): CommandSpec {
  return {
    name,
    ...(more.aliases ? { aliases: more.aliases } : {}),
    parent: "create",
    short,
    flags: flagsFromHelp(help, [DRY_RUN_FLAG, ...(more.extraFlags ?? [])]),
    help,
    run(args, flags, ctx) {
      const obj = unwrap(build(nameArg(args), flags, (w) => ctx.io.err(w)));
      return done(createAndPrint(ctx, flags, typeOf(resource), obj, more.failure));
    },
  };
}

/** `kubectl create quota NAME [--hard=…] [--scopes=…]` (alias `resourcequota`). */
export const createQuotaCommand = builtCommand(
  "quota",
  "Create a quota with the specified name",
  CREATE_QUOTA_HELP,
  "resourcequotas",
  (name, flags) => buildQuota(name, flags.string("hard"), flags.string("scopes")),
  { aliases: ["resourcequota"], failure: "failed to create quota" },
);

/** The subjects of a binding: `--user`, `--group`, `--serviceaccount` (each repeatable). */
function subjects(flags: Flags) {
  return {
    users: flags.list("user"),
    groups: flags.list("group"),
    serviceaccounts: flags.list("serviceaccount"),
  };
}

/** `kubectl create role NAME --verb=… --resource=… [--resource-name=…]`. */
export const createRoleCommand = builtCommand(
  "role",
  "Create a role with single rule",
  CREATE_ROLE_HELP,
  "roles",
  (name, flags, warn) =>
    buildRole(
      "Role",
      name,
      {
        verbs: flags.list("verb"),
        resources: flags.list("resource"),
        resourceNames: flags.list("resource-name"),
      },
      warn,
    ),
);

/** `kubectl create clusterrole NAME --verb=… (--resource=… | --non-resource-url=…)`. */
export const createClusterRoleCommand = builtCommand(
  "clusterrole",
  "Create a cluster role",
  CREATE_CLUSTERROLE_HELP,
  "clusterroles",
  (name, flags, warn) =>
    buildRole(
      "ClusterRole",
      name,
      {
        verbs: flags.list("verb"),
        resources: flags.list("resource"),
        resourceNames: flags.list("resource-name"),
        nonResourceURLs: flags.list("non-resource-url"),
      },
      warn,
    ),
);

/** `kubectl create rolebinding NAME --role=…|--clusterrole=… [--user=…] [--group=…] [--serviceaccount=ns:name]`. */
export const createRoleBindingCommand = builtCommand(
  "rolebinding",
  "Create a role binding for a particular role or cluster role",
  CREATE_ROLEBINDING_HELP,
  "rolebindings",
  (name, flags) =>
    buildBinding("RoleBinding", name, {
      role: flags.string("role") || undefined,
      clusterrole: flags.string("clusterrole") || undefined,
      ...subjects(flags),
    }),
  { extraFlags: SUBJECT_FLAGS },
);

/** `kubectl create clusterrolebinding NAME --clusterrole=… [--user=…] [--group=…] [--serviceaccount=ns:name]`. */
export const createClusterRoleBindingCommand = builtCommand(
  "clusterrolebinding",
  "Create a cluster role binding for a particular cluster role",
  CREATE_CLUSTERROLEBINDING_HELP,
  "clusterrolebindings",
  (name, flags) =>
    buildBinding("ClusterRoleBinding", name, {
      clusterrole: flags.string("clusterrole") || undefined,
      ...subjects(flags),
    }),
  { extraFlags: SUBJECT_FLAGS },
);

/** `kubectl create serviceaccount NAME` (alias `sa`). */
export const createServiceAccountCommand = builtCommand(
  "serviceaccount",
  "Create a service account with the specified name",
  CREATE_SERVICEACCOUNT_HELP,
  "serviceaccounts",
  (name) => ({ ok: true, object: buildServiceAccount(name) }),
  { aliases: ["sa"], failure: "failed to create serviceaccount" },
);

/** Every command of this file. */
export const CREATE_POLICY_COMMANDS: CommandSpec[] = [
  createQuotaCommand,
  createRoleCommand,
  createClusterRoleCommand,
  createRoleBindingCommand,
  createClusterRoleBindingCommand,
  createServiceAccountCommand,
];
