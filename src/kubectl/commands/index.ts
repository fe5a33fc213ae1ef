/**
 * The registry of kubectl commands. To add a verb: write `src/kubectl/commands/<verb>.ts` exporting
 * `export const <verb>Command: CommandSpec = { name, flags, help, run }` (help text copied from real
 * `kubectl <verb> -h` v1.32.4 into src/kubectl/help/<verb>.ts) and add it to COMMANDS below. Subcommands
 * set `parent` (`{ name: "history", parent: "rollout", … }`).
 */

import { apiResourcesCommand } from "./api-resources";
import { AUTH_COMMANDS } from "./auth";
import { CONFIG_COMMANDS } from "./config";
import { createCommand } from "./create";
import { CREATE_CONFIG_COMMANDS } from "./create-config";
import { CREATE_POLICY_COMMANDS } from "./create-policy";
import { describeCommand } from "./describe";
import { getCommand } from "./get";
import { logsCommand } from "./logs";
import { rolloutCommand } from "./rollout";
import { rolloutHistoryCommand } from "./rollout-history";
import { rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand } from "./rollout-patch";
import { rolloutStatusCommand } from "./rollout-status";
import { rolloutUndoCommand } from "./rollout-undo";
import type { CommandSpec } from "./types";
import { versionCommand } from "./version";
import { WRITE_COMMANDS } from "./write";

/** Every command the sandbox implements (top-level and subcommands). */
export const COMMANDS: CommandSpec[] = [
  apiResourcesCommand,
  describeCommand,
  getCommand,
  logsCommand,
  rolloutCommand,
  rolloutHistoryCommand,
  rolloutPauseCommand,
  rolloutRestartCommand,
  rolloutResumeCommand,
  rolloutStatusCommand,
  rolloutUndoCommand,
  versionCommand,
  ...AUTH_COMMANDS,
  createCommand,
  ...CREATE_POLICY_COMMANDS,
  ...CREATE_CONFIG_COMMANDS,
  ...CONFIG_COMMANDS,
  ...WRITE_COMMANDS,
];

/** Adds commands to the registry (for verbs registered from another module, e.g. in tests). */
export function registerCommands(...specs: CommandSpec[]): void {
  for (const s of specs) if (!COMMANDS.includes(s)) COMMANDS.push(s);
}

/** The command named `name` (or aliased so) under `parent` (undefined = top level). */
export function findCommand(name: string, parent?: string): CommandSpec | undefined {
  return COMMANDS.find((c) => c.parent === parent && (c.name === name || (c.aliases ?? []).includes(name)));
}

/** The subcommands of `parent`, sorted by name. */
export function subcommandsOf(parent: string): CommandSpec[] {
  return COMMANDS.filter((c) => c.parent === parent).sort((a, b) => (a.name < b.name ? -1 : 1));
}
