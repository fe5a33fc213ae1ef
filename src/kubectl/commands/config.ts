/**
 * `kubectl config` and its context verbs, on the session's kubeconfig (`ctx.kubeconfig`):
 * `get-contexts` (`CURRENT   NAME   CLUSTER   AUTHINFO   NAMESPACE`, sorted by name), `current-context`,
 * `use-context`, `set-context`. The group alone prints its help on stderr and exits 1
 * (cmdutil.DefaultSubCommandRun writes to ErrOut).
 */
import type { KubeContext } from "../context";
import { CmdError, ErrorList, UsageError } from "../errors";
import type { FlagDef } from "../flags";
import { CONFIG_HELP } from "../help/config";
import { CONFIG_CURRENT_CONTEXT_HELP } from "../help/config-current-context";
import { CONFIG_GET_CONTEXTS_HELP } from "../help/config-get-contexts";
import { CONFIG_SET_CONTEXT_HELP } from "../help/config-set-context";
import { CONFIG_USE_CONTEXT_HELP } from "../help/config-use-context";
import { alignRows, TABLE_TABS } from "../printers/tabwriter";
import { done } from "../program";
import type { CommandSpec } from "./types";

/** `kubectl config` without a subcommand. */
export const configCommand: CommandSpec = {
  name: "config",
  flags: [{ name: "kubeconfig", kind: "string", default: "" }],
  help: CONFIG_HELP,
  run(args, _flags, ctx) {
    if (args.length > 0) throw new UsageError(`unknown command "${args[0]}"`);
    ctx.io.err(CONFIG_HELP);
    return done(1);
  },
};

/** `kubectl config get-contexts [NAME…] [-o name] [--no-headers]`. */
export const configGetContextsCommand: CommandSpec = {
  name: "get-contexts",
  parent: "config",
  short: "Describe one or many contexts",
  flags: [
    { name: "no-headers", kind: "bool", default: "false" },
    { name: "output", shorthand: "o", kind: "string", default: "" },
  ],
  help: CONFIG_GET_CONTEXTS_HELP,
  run(args, flags, ctx) {
    const output = flags.string("output");
    if (output !== "" && output !== "name") {
      throw new CmdError(
        `--output ${output} is not available in kubectl config get-contexts; resetting to default output format`,
      );
    }
    const { contexts, currentContext } = ctx.kubeconfig;
    const missing = args.filter((n) => !contexts.some((c) => c.name === n));
    const shown = contexts
      .filter((c) => args.length === 0 || args.includes(c.name))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    if (output === "name") ctx.io.out(shown.map((c) => `${c.name}\n`).join(""));
    else {
      const rows = shown.map((c) => [
        c.name === currentContext ? "*" : "",
        c.name,
        c.cluster,
        c.user,
        c.namespace ?? "",
      ]);
      const header = flags.bool("no-headers")
        ? []
        : [["CURRENT", "NAME", "CLUSTER", "AUTHINFO", "NAMESPACE"]];
      ctx.io.out(alignRows([...header, ...rows], TABLE_TABS));
    }
    if (missing.length > 0) throw new ErrorList(missing.map((n) => new Error(`context ${n} not found`)));
    return done(0);
  },
};

/** `kubectl config current-context`. */
export const configCurrentContextCommand: CommandSpec = {
  name: "current-context",
  parent: "config",
  short: "Display the current-context",
  flags: [],
  help: CONFIG_CURRENT_CONTEXT_HELP,
  run(_args, _flags, ctx) {
    if (!ctx.kubeconfig.currentContext) throw new CmdError("current-context is not set");
    ctx.io.out(`${ctx.kubeconfig.currentContext}\n`);
    return done(0);
  },
};

/** `kubectl config use-context NAME` (alias `use`). */
export const configUseContextCommand: CommandSpec = {
  name: "use-context",
  aliases: ["use"],
  parent: "config",
  short: "Set the current-context in a kubeconfig file",
  flags: [],
  help: CONFIG_USE_CONTEXT_HELP,
  run(args, _flags, ctx) {
    const name = args[0];
    if (args.length !== 1 || name === undefined) {
      // cobra's usage then the error: `error: Unexpected args: [a b]`.
      ctx.io.out(CONFIG_USE_CONTEXT_HELP);
      throw new CmdError(`Unexpected args: [${args.join(" ")}]`);
    }
    if (!ctx.kubeconfig.contexts.some((c) => c.name === name)) {
      throw new CmdError(`no context exists with the name: "${name}"`);
    }
    ctx.kubeconfig.currentContext = name;
    ctx.io.out(`Switched to context "${name}".\n`);
    return done(0);
  },
};

const SET_CONTEXT_FLAGS: FlagDef[] = [
  { name: "cluster", kind: "string", default: "" },
  { name: "current", kind: "bool", default: "false" },
  { name: "namespace", kind: "string", default: "" },
  { name: "user", kind: "string", default: "" },
];

/** `kubectl config set-context [NAME | --current] [--cluster=…] [--user=…] [--namespace=…]`. */
export const configSetContextCommand: CommandSpec = {
  name: "set-context",
  parent: "config",
  short: "Set a context entry in kubeconfig",
  flags: SET_CONTEXT_FLAGS,
  help: CONFIG_SET_CONTEXT_HELP,
  run(args, flags, ctx) {
    const current = flags.bool("current");
    if (current && args.length > 0)
      throw new CmdError("you cannot specify both a context name and --current");
    const name = current ? ctx.kubeconfig.currentContext : args[0];
    if (!name) throw new CmdError("you must specify a non-empty context name or --current");
    const existing = ctx.kubeconfig.contexts.find((c) => c.name === name);
    const entry: KubeContext = existing ?? { name, cluster: "", user: "" };
    if (flags.changed("cluster")) entry.cluster = flags.string("cluster");
    if (flags.changed("user")) entry.user = flags.string("user");
    if (flags.changed("namespace")) entry.namespace = flags.string("namespace") || undefined;
    if (!existing) ctx.kubeconfig.contexts.push(entry);
    ctx.io.out(`Context "${name}" ${existing ? "modified" : "created"}.\n`);
    return done(0);
  },
};

/** Every `config` command of this file. */
export const CONFIG_COMMANDS: CommandSpec[] = [
  configCommand,
  configGetContextsCommand,
  configCurrentContextCommand,
  configUseContextCommand,
  configSetContextCommand,
];
