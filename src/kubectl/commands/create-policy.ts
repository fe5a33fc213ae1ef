/**
 * `kubectl create quota|role|clusterrole|rolebinding|clusterrolebinding|serviceaccount NAME`: the
 * objects come from src/kubectl/builders/policy.ts, the request and printing from create-support.ts.
 * Errors as kubectl wraps them: `error: failed to create quota: …`, `… serviceaccount: …`; roles and
 * bindings print the server's error as is.
 */
import { findResourceType, type ResourceType } from "../../engine";
import { type Built, buildBinding, buildQuota, buildRole, buildServiceAccount } from "../builders/policy";
import { CmdError } from "../errors";
import type { FlagDef } from "../flags";
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

/** `kubectl create quota NAME [--hard=…] [--scopes=…]` (alias `resourcequota`). */
export const createQuotaCommand: CommandSpec = {
  name: "quota",
  aliases: ["resourcequota"],
  parent: "create",
  short: "Create a quota with the specified name",
  flags: flagsFromHelp(CREATE_QUOTA_HELP, [DRY_RUN_FLAG]),
  help: CREATE_QUOTA_HELP,
  run(args, flags, ctx) {
    const obj = unwrap(buildQuota(nameArg(args), flags.string("hard"), flags.string("scopes")));
    return done(createAndPrint(ctx, flags, typeOf("resourcequotas"), obj, "failed to create quota"));
  },
};

/** `kubectl create role NAME --verb=… --resource=… [--resource-name=…]`. */
export const createRoleCommand: CommandSpec = {
  name: "role",
  parent: "create",
  short: "Create a role with single rule",
  flags: flagsFromHelp(CREATE_ROLE_HELP, [DRY_RUN_FLAG]),
  help: CREATE_ROLE_HELP,
  run(args, flags, ctx) {
    const name = nameArg(args);
    const f = {
      verbs: flags.list("verb"),
      resources: flags.list("resource"),
      resourceNames: flags.list("resource-name"),
    };
    const obj = unwrap(buildRole("Role", name, f, (w) => ctx.io.err(w)));
    return done(createAndPrint(ctx, flags, typeOf("roles"), obj));
  },
};

/** `kubectl create clusterrole NAME --verb=… (--resource=… | --non-resource-url=…)`. */
export const createClusterRoleCommand: CommandSpec = {
  name: "clusterrole",
  parent: "create",
  short: "Create a cluster role",
  flags: flagsFromHelp(CREATE_CLUSTERROLE_HELP, [DRY_RUN_FLAG]),
  help: CREATE_CLUSTERROLE_HELP,
  run(args, flags, ctx) {
    const name = nameArg(args);
    const f = {
      verbs: flags.list("verb"),
      resources: flags.list("resource"),
      resourceNames: flags.list("resource-name"),
      nonResourceURLs: flags.list("non-resource-url"),
    };
    const obj = unwrap(buildRole("ClusterRole", name, f, (w) => ctx.io.err(w)));
    return done(createAndPrint(ctx, flags, typeOf("clusterroles"), obj));
  },
};

/** `kubectl create rolebinding NAME --role=…|--clusterrole=… [--user=…] [--group=…] [--serviceaccount=ns:name]`. */
export const createRoleBindingCommand: CommandSpec = {
  name: "rolebinding",
  parent: "create",
  short: "Create a role binding for a particular role or cluster role",
  flags: flagsFromHelp(CREATE_ROLEBINDING_HELP, [DRY_RUN_FLAG, ...SUBJECT_FLAGS]),
  help: CREATE_ROLEBINDING_HELP,
  run(args, flags, ctx) {
    const name = nameArg(args);
    const obj = unwrap(
      buildBinding("RoleBinding", name, {
        role: flags.string("role") || undefined,
        clusterrole: flags.string("clusterrole") || undefined,
        users: flags.list("user"),
        groups: flags.list("group"),
        serviceaccounts: flags.list("serviceaccount"),
      }),
    );
    return done(createAndPrint(ctx, flags, typeOf("rolebindings"), obj));
  },
};

/** `kubectl create clusterrolebinding NAME --clusterrole=… [--user=…] [--group=…] [--serviceaccount=ns:name]`. */
export const createClusterRoleBindingCommand: CommandSpec = {
  name: "clusterrolebinding",
  parent: "create",
  short: "Create a cluster role binding for a particular cluster role",
  flags: flagsFromHelp(CREATE_CLUSTERROLEBINDING_HELP, [DRY_RUN_FLAG, ...SUBJECT_FLAGS]),
  help: CREATE_CLUSTERROLEBINDING_HELP,
  run(args, flags, ctx) {
    const name = nameArg(args);
    const obj = unwrap(
      buildBinding("ClusterRoleBinding", name, {
        clusterrole: flags.string("clusterrole") || undefined,
        users: flags.list("user"),
        groups: flags.list("group"),
        serviceaccounts: flags.list("serviceaccount"),
      }),
    );
    return done(createAndPrint(ctx, flags, typeOf("clusterrolebindings"), obj));
  },
};

/** `kubectl create serviceaccount NAME` (alias `sa`). */
export const createServiceAccountCommand: CommandSpec = {
  name: "serviceaccount",
  aliases: ["sa"],
  parent: "create",
  short: "Create a service account with the specified name",
  flags: flagsFromHelp(CREATE_SERVICEACCOUNT_HELP, [DRY_RUN_FLAG]),
  help: CREATE_SERVICEACCOUNT_HELP,
  run(args, flags, ctx) {
    const obj = buildServiceAccount(nameArg(args));
    return done(
      createAndPrint(ctx, flags, typeOf("serviceaccounts"), obj, "failed to create serviceaccount"),
    );
  },
};

/** Every command of this file. */
export const CREATE_POLICY_COMMANDS: CommandSpec[] = [
  createQuotaCommand,
  createRoleCommand,
  createClusterRoleCommand,
  createRoleBindingCommand,
  createClusterRoleBindingCommand,
  createServiceAccountCommand,
];
