/** `kubectl version [--client]`: client, Kustomize and server versions (the sandbox plays a v1.32.4 cluster). */
import { CmdError } from "../errors";
import { VERSION_HELP } from "../help/version";
import { done } from "../program";
import type { CommandSpec } from "./types";

/** The kubectl release the sandbox imitates. */
export const CLIENT_VERSION = "v1.32.4";
/** The Kustomize version built into kubectl v1.32.4. */
export const KUSTOMIZE_VERSION = "v5.5.0";
/** The API server version the simulated cluster reports. */
export const SERVER_VERSION = "v1.32.4";

/** `kubectl version`. */
export const versionCommand: CommandSpec = {
  name: "version",
  flags: [
    { name: "client", kind: "bool", default: "false" },
    { name: "output", shorthand: "o", kind: "string", default: "" },
  ],
  help: VERSION_HELP,
  run(args, flags, ctx) {
    if (args.length > 0) throw new CmdError(`extra arguments: [${args.join(" ")}]`);
    const output = flags.string("output");
    if (output !== "" && output !== "yaml" && output !== "json")
      throw new CmdError("--output must be 'yaml' or 'json'");
    let text = `Client Version: ${CLIENT_VERSION}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (!flags.bool("client")) text += `Server Version: ${SERVER_VERSION}\n`;
    ctx.io.out(text);
    return done(0);
  },
};
