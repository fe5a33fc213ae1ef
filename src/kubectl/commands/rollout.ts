/**
 * `kubectl rollout`: the group command. Alone it prints its help and exits 1 (kubectl's DefaultSubCommandRun);
 * with an unknown subcommand: `error: unknown command "foo"` + `See 'kubectl rollout -h' …`.
 */
import { UsageError } from "../errors";
import { ROLLOUT_HELP } from "../help/rollout";
import { done } from "../program";
import type { CommandSpec } from "./types";

/** `kubectl rollout` without a valid subcommand. */
export const rolloutCommand: CommandSpec = {
  name: "rollout",
  flags: [],
  help: ROLLOUT_HELP,
  run(args, _flags, ctx) {
    if (args.length > 0) throw new UsageError(`unknown command "${args[0]}"`);
    ctx.io.out(ROLLOUT_HELP);
    return done(1);
  },
};
