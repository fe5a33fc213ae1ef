/**
 * `kubectl create configmap NAME` (alias `cm`), `kubectl create secret` (a group) and
 * `kubectl create secret generic NAME`, from `--from-literal` and `--from-file` (builders/config.ts).
 * Errors as kubectl wraps them: `error: failed to create configmap: …`, `error: failed to create secret: …`.
 */
import { findResourceType, type ResourceType } from "../../engine";
import { buildConfigMap, buildSecret } from "../builders/config";
import { CmdError, UsageError } from "../errors";
import type { FlagDef } from "../flags";
import { flagsFromHelp } from "../flags-from-help";
import { CREATE_CONFIGMAP_HELP } from "../help/create-configmap";
import { CREATE_SECRET_HELP } from "../help/create-secret";
import { CREATE_SECRET_GENERIC_HELP } from "../help/create-secret-generic";
import { done } from "../program";
import { createAndPrint, DRY_RUN_FLAG, nameArg } from "./create-support";
import type { CommandSpec } from "./types";

/** `--from-literal` is a StringArray (values may hold commas); `--from-file` a StringSlice. */
const SOURCE_FLAGS: FlagDef[] = [DRY_RUN_FLAG, { name: "from-literal", kind: "stringArray" }];

/** `kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key=value]`. */
export const createConfigMapCommand: CommandSpec = {
  name: "configmap",
  aliases: ["cm"],
  parent: "create",
  short: "Create a config map from a local file, directory or literal value",
  flags: flagsFromHelp(CREATE_CONFIGMAP_HELP, SOURCE_FLAGS),
  help: CREATE_CONFIGMAP_HELP,
  run(args, flags, ctx) {
    const name = nameArg(args);
    const built = buildConfigMap(
      name,
      { literals: flags.list("from-literal"), files: flags.list("from-file") },
      ctx.files,
    );
    if (!built.ok) throw new CmdError(built.error);
    const t = findResourceType("configmaps") as ResourceType;
    return done(createAndPrint(ctx, flags, t, built.object, "failed to create configmap"));
  },
};

/** `kubectl create secret` without a subcommand: its help on stderr, exit 1. */
export const createSecretCommand: CommandSpec = {
  name: "secret",
  parent: "create",
  short: "Create a secret using a specified subcommand",
  flags: [],
  help: CREATE_SECRET_HELP,
  run(args, _flags, ctx) {
    if (args.length > 0) throw new UsageError(`unknown command "${args[0]}"`);
    ctx.io.err(CREATE_SECRET_HELP);
    return done(1);
  },
};

/** `kubectl create secret generic NAME [--type=…] [--from-file=…] [--from-literal=…]`. */
export const createSecretGenericCommand: CommandSpec = {
  name: "generic",
  parent: "create secret",
  short: "Create a secret from a local file, directory, or literal value",
  flags: flagsFromHelp(CREATE_SECRET_GENERIC_HELP, SOURCE_FLAGS),
  help: CREATE_SECRET_GENERIC_HELP,
  run(args, flags, ctx) {
    const name = nameArg(args);
    const sources = { literals: flags.list("from-literal"), files: flags.list("from-file") };
    const built = buildSecret(name, sources, ctx.files, flags.string("type") || undefined);
    if (!built.ok) throw new CmdError(built.error);
    const t = findResourceType("secrets") as ResourceType;
    return done(createAndPrint(ctx, flags, t, built.object, "failed to create secret"));
  },
};

/** Every command of this file. */
export const CREATE_CONFIG_COMMANDS: CommandSpec[] = [
  createConfigMapCommand,
  createSecretCommand,
  createSecretGenericCommand,
];
