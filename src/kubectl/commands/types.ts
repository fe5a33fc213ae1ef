/**
 * The shape of a kubectl command: its name, flags, help text and the program it runs. One file per verb
 * under src/kubectl/commands/ exports a `CommandSpec`; commands/index.ts lists them.
 */
import type { UserInfo } from "../../engine";
import type { KubectlContext } from "../context";
import type { FlagDef, Flags } from "../flags";
import type { Program } from "../program";

/** What a command's `run` gets besides args and flags: the kubectl context plus the resolved request scope. */
export interface CommandContext extends KubectlContext {
  /** `-n`, else the current kubeconfig context's namespace, else `default`. */
  namespace: string;
  /** True when `-n/--namespace` was given. */
  explicitNamespace: boolean;
  /** Who the requests act as: the current context's user, or the `--as` identity (already authorized). */
  user: UserInfo;
  /** The command path without `kubectl`: `rollout history`. */
  path: string;
  /** Number of positional args before `--` (-1 when there was no `--`), for `exec`/`run`. */
  argsLenAtDash: number;
}

/** One kubectl command or subcommand. */
export interface CommandSpec {
  /** `get`, or `history` for `rollout history`. */
  name: string;
  aliases?: string[];
  /** The parent command's name for subcommands (`rollout`). */
  parent?: string;
  /** The one-line description shown in the parent's `Available Commands:` list. */
  short?: string;
  /** The command's own flags (the global ones are added by the framework). */
  flags: FlagDef[];
  /** The exact `kubectl <path> -h` text of kubectl v1.32.4, printed to stdout for `-h`/`--help`. */
  help: string;
  /** Runs the command; throwing an error prints it as kubectl would (see errors.ts) and exits 1. */
  run(args: string[], flags: Flags, ctx: CommandContext): Program;
}
