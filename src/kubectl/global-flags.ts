/**
 * The flags every kubectl command accepts (`kubectl options`). Only `-n`, `--as`, `--as-group` and
 * `--context` change what the sandbox does; the rest are accepted and ignored, as a learner's habits
 * (`--kubeconfig`, `-v=6`) must not turn into `unknown flag` errors.
 */
import type { FlagDef } from "./flags";

const s = (name: string, shorthand?: string, def = ""): FlagDef => ({
  name,
  shorthand,
  kind: "string",
  default: def,
});
const b = (name: string): FlagDef => ({ name, kind: "bool", default: "false" });

/** The global flags of kubectl v1.32 (`kubectl options`). */
export const GLOBAL_FLAGS: readonly FlagDef[] = [
  s("as"),
  { name: "as-group", kind: "stringArray" },
  s("as-uid"),
  s("cache-dir"),
  s("certificate-authority"),
  s("client-certificate"),
  s("client-key"),
  s("cluster"),
  s("context"),
  b("disable-compression"),
  b("insecure-skip-tls-verify"),
  s("kubeconfig"),
  { name: "log-flush-frequency", kind: "duration", default: "5s" },
  b("match-server-version"),
  s("namespace", "n"),
  s("password"),
  s("profile", undefined, "none"),
  s("profile-output", undefined, "profile.pprof"),
  s("request-timeout", undefined, "0"),
  s("server", "s"),
  s("tls-server-name"),
  s("token"),
  s("user"),
  s("username"),
  { name: "v", shorthand: "v", kind: "int", default: "0" },
  s("vmodule"),
  b("warnings-as-errors"),
];

/** `-h, --help`, which cobra adds to every command. */
export const HELP_FLAG: FlagDef = { name: "help", shorthand: "h", kind: "bool", default: "false" };
