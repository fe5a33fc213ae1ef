/**
 * `kubectl auth` and `kubectl auth can-i` (cmd/auth/cani.go): a SelfSubjectAccessReview answered `yes`
 * (exit 0) or `no` (exit 1, with the authorizer's reason when it has one: `no - RBAC: role… not found`),
 * or with `--list` a SelfSubjectRulesReview printed as the Resources / Non-Resource URLs / Resource
 * Names / Verbs table. The identity is the command's user (`--as` included).
 */
import { decide, findResourceType, rulesFor } from "../../engine";
import { CmdError, SilentError, UsageError } from "../errors";
import { AUTH_HELP } from "../help/auth";
import { AUTH_CAN_I_HELP } from "../help/auth-can-i";
import { ACCESS_HEADERS, accessRows } from "../printers/access";
import { alignRows, TABLE_TABS } from "../printers/tabwriter";
import { done } from "../program";
import type { CommandContext, CommandSpec } from "./types";

/** `kubectl auth` alone: its help on stderr, exit 1. */
export const authCommand: CommandSpec = {
  name: "auth",
  flags: [],
  help: AUTH_HELP,
  run(args, _flags, ctx) {
    if (args.length > 0) throw new UsageError(`unknown command "${args[0]}"`);
    ctx.io.err(AUTH_HELP);
    return done(1);
  },
};

const KNOWN_RESOURCE_VERBS = [
  "get",
  "list",
  "watch",
  "create",
  "update",
  "patch",
  "delete",
  "deletecollection",
  "use",
  "bind",
  "impersonate",
  "*",
  "approve",
  "sign",
  "escalate",
  "attest",
];
const KNOWN_NON_RESOURCE_VERBS = ["get", "put", "post", "head", "options", "delete", "patch", "*"];

/** `kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]`, `--list`. */
export const authCanICommand: CommandSpec = {
  name: "can-i",
  parent: "auth",
  short: "Check whether an action is allowed",
  flags: [
    { name: "all-namespaces", shorthand: "A", kind: "bool", default: "false" },
    { name: "list", kind: "bool", default: "false" },
    { name: "no-headers", kind: "bool", default: "false" },
    { name: "quiet", shorthand: "q", kind: "bool", default: "false" },
    { name: "subresource", kind: "string", default: "" },
  ],
  help: AUTH_CAN_I_HELP,
  run(args, flags, ctx) {
    if (flags.bool("list")) {
      if (args.length !== 0) throw new CmdError("list option must be specified with no arguments");
      if (flags.bool("quiet") || flags.bool("all-namespaces") || flags.string("subresource") !== "") {
        throw new CmdError(
          "--list option must not be specified with --quiet, --all-namespaces or --subresource",
        );
      }
      return done(printList(ctx, flags.bool("no-headers")));
    }
    if (args.length !== 2) {
      throw new CmdError(
        "you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.",
      );
    }
    return done(
      check(ctx, args[0] as string, args[1] as string, flags.string("subresource"), {
        allNamespaces: flags.bool("all-namespaces"),
        quiet: flags.bool("quiet"),
        noHeaders: flags.bool("no-headers"),
      }),
    );
  },
};

interface CheckOptions {
  allNamespaces: boolean;
  quiet: boolean;
  noHeaders: boolean;
}

/** One access check; prints `yes`/`no` and returns 0/1 (kubectl exits 1 on `no`). */
function check(
  ctx: CommandContext,
  verb: string,
  target: string,
  subresource: string,
  o: CheckOptions,
): number {
  const namespace = o.allNamespaces ? undefined : ctx.namespace;
  const warn = (text: string) => ctx.io.err(`Warning: ${text}\n`);
  let req: Parameters<typeof decide>[2];
  if (target.startsWith("/")) {
    if (subresource) throw new CmdError("--subresource can not be used with NonResourceURL");
    if (!KNOWN_NON_RESOURCE_VERBS.includes(verb)) warn(`verb '${verb}' is not a known verb`);
    req = { verb, group: "", resource: "", path: target };
  } else {
    const slash = target.indexOf("/");
    const typeArg = slash < 0 ? target : target.slice(0, slash);
    const name = slash < 0 ? undefined : target.slice(slash + 1);
    const { resource, group, namespaced } = resolve(typeArg, warn);
    if (namespaced === false && !o.allNamespaces) {
      warn(
        group
          ? `resource '${resource}' is not namespace scoped in group '${group}'`
          : `resource '${resource}' is not namespace scoped`,
      );
    }
    if (namespaced !== undefined && !KNOWN_RESOURCE_VERBS.includes(verb))
      warn(`verb '${verb}' is not a known verb`);
    req = { verb, group, resource, subresource: subresource || undefined, namespace, name };
  }
  if (o.noHeaders) throw new CmdError("--no-headers cannot be set without --list specified");
  const decision = decide(ctx.cluster.state, ctx.user, req);
  if (!o.quiet)
    ctx.io.out(decision.allowed ? "yes\n" : `no${decision.reason ? ` - ${decision.reason}` : ""}\n`);
  if (!decision.allowed) throw new SilentError(1);
  return 0;
}

/** The resource a TYPE argument names (resourceFor): discovery, else the raw word with a warning. */
function resolve(
  arg: string,
  warn: (t: string) => void,
): { resource: string; group: string; namespaced?: boolean } {
  if (arg === "*") return { resource: "*", group: "" };
  const t = findResourceType(arg.toLowerCase());
  if (t) return { resource: t.resource, group: t.group, namespaced: t.namespaced };
  const dot = arg.indexOf(".");
  const resource = dot < 0 ? arg : arg.slice(0, dot);
  const group = dot < 0 ? "" : arg.slice(dot + 1);
  warn(
    group
      ? `the server doesn't have a resource type '${resource}' in group '${group}'`
      : `the server doesn't have a resource type '${resource}'`,
  );
  return { resource: arg, group: "" };
}

/** `--list`: the user's rules in the namespace, as kubectl prints a SelfSubjectRulesReview. */
function printList(ctx: CommandContext, noHeaders: boolean): number {
  const { rules } = rulesFor(ctx.cluster.state, ctx.user, ctx.namespace);
  const rows = accessRows(rules);
  ctx.io.out(alignRows(noHeaders ? rows : [ACCESS_HEADERS, ...rows], TABLE_TABS));
  return 0;
}

/** Every `auth` command of this file. */
export const AUTH_COMMANDS: CommandSpec[] = [authCommand, authCanICommand];
