/**
 * kubectl's entry point: finds the command in argv as cobra does (skipping flags), parses its flags,
 * answers `-h`, resolves namespace and identity, runs the command and prints its errors as kubectl does.
 */
import { COMMANDS, findCommand } from "./commands/index";
import type { CommandContext, CommandSpec } from "./commands/types";
import type { KubectlContext } from "./context";
import { printError } from "./errors";
import { type FlagDef, FlagError, type Flags, parseFlags } from "./flags";
import { GLOBAL_FLAGS, HELP_FLAG } from "./global-flags";
import { KUBECTL_HELP } from "./help/kubectl";
import { contextFor, requestUser } from "./identity";
import { Interrupt, type Program } from "./program";
import { readTerminal, wantsStdin } from "./stdin";
import { unknownCommand } from "./suggest";

export type { CommandContext, CommandSpec } from "./commands/types";
export type { KubectlContext } from "./context";
export { COMMANDS };

/** Runs `kubectl <argv…>` (argv without the leading "kubectl"); the program returns the exit code. */
export function* kubectl(argv: string[], ctx: KubectlContext): Program {
  const found = locate(argv);
  if (found.kind === "none") return rootOnly(argv, ctx);
  if (found.kind === "unknown" && found.word === "help") {
    const words = argv.filter((a) => !a.startsWith("-")).slice(1);
    const text = helpTopic(words);
    if (text !== undefined) ctx.io.out(text);
    // cobra: `Unknown help topic %#q` then the root's usage (its help without the description), exit 0.
    else
      ctx.io.err(
        `Unknown help topic [${words.map((w) => `\`${w}\``).join(" ")}]\n\n\n${KUBECTL_HELP.slice(KUBECTL_HELP.indexOf("Basic Commands"))}`,
      );
    return 0;
  }
  if (found.kind === "unknown") return unknownCommand(found.word, ctx.io);
  const { spec, rest } = found;
  const path = spec.parent ? `${spec.parent} ${spec.name}` : spec.name;
  let parsed: ReturnType<typeof parseFlags>;
  try {
    parsed = parseFlags(rest, [...spec.flags, ...GLOBAL_FLAGS, HELP_FLAG]);
  } catch (e) {
    return printError(e, ctx.io, path);
  }
  const { args, flags, argsLenAtDash } = parsed;
  if (flags.bool("help")) {
    ctx.io.out(spec.help);
    return 0;
  }
  warnDeprecated(flags, [...spec.flags, ...GLOBAL_FLAGS], ctx);
  // `-f -` with nothing piped reads the terminal until Ctrl-D, as kubectl reads its standard input.
  const stdin = ctx.stdin ?? (wantsStdin(flags) ? yield* readTerminal() : undefined);
  try {
    const cctx = commandContext({ ...ctx, stdin }, flags, path, argsLenAtDash);
    return yield* spec.run(args, flags, cctx);
  } catch (e) {
    if (e instanceof Interrupt) throw e;
    return printError(e, ctx.io, path);
  }
}

type Located =
  | { kind: "none" }
  | { kind: "unknown"; word: string }
  | { kind: "found"; spec: CommandSpec; rest: string[] };

/** Finds the command words (`rollout`, `history`) among the flags and returns the remaining argv. */
function locate(argv: readonly string[]): Located {
  const first = nextWord(argv, 0, GLOBAL_FLAGS);
  if (first < 0) return { kind: "none" };
  const word = argv[first] as string;
  const top = findCommand(word);
  if (!top) return { kind: "unknown", word };
  let spec = top;
  let path = top.name;
  let rest = [...argv.slice(0, first), ...argv.slice(first + 1)];
  // Descend while the command has subcommands (`create` → `secret` → `generic`).
  while (COMMANDS.some((c) => c.parent === path)) {
    const next = nextWord(rest, 0, [...spec.flags, ...GLOBAL_FLAGS]);
    const child = next >= 0 ? findCommand(rest[next] as string, path) : undefined;
    if (!child) break;
    spec = child;
    path = `${path} ${child.name}`;
    rest = [...rest.slice(0, next), ...rest.slice(next + 1)];
  }
  return { kind: "found", spec, rest };
}

/** Index of the first argument at or after `from` that is not a flag or a flag's value; -1 if none. */
function nextWord(argv: readonly string[], from: number, defs: readonly FlagDef[]): number {
  for (let i = from; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") return -1;
    if (!a.startsWith("-") || a === "-") return i;
    if (a.includes("=")) continue;
    const def = a.startsWith("--")
      ? defs.find((d) => d.name === a.slice(2))
      : a.length === 2
        ? defs.find((d) => d.shorthand === a[1])
        : undefined;
    if (def && def.kind !== "bool" && def.noOptDefault === undefined) i++;
  }
  return -1;
}

/** `kubectl help [COMMAND [SUBCOMMAND]]`: the same text as `-h` (undefined for a topic the sandbox lacks). */
function helpTopic(words: readonly string[]): string | undefined {
  if (words.length === 0) return KUBECTL_HELP;
  let spec = findCommand(words[0] as string);
  for (const w of words.slice(1)) {
    if (!spec) break;
    const parent: string = spec.parent ? `${spec.parent} ${spec.name}` : spec.name;
    spec = findCommand(w, parent) ?? spec;
  }
  return spec?.help;
}

/** `kubectl`, `kubectl -h`, `kubectl --foo`: the root command's help or flag errors. */
function rootOnly(argv: readonly string[], ctx: KubectlContext): number {
  try {
    parseFlags(argv, [...GLOBAL_FLAGS, HELP_FLAG]);
  } catch (e) {
    if (e instanceof FlagError) return printError(e, ctx.io, "");
  }
  ctx.io.out(KUBECTL_HELP);
  return 0;
}

function warnDeprecated(flags: Flags, defs: readonly FlagDef[], ctx: KubectlContext): void {
  const warned = new Set<string>();
  for (const g of flags.given) {
    const def = defs.find((d) => d.name === g.name);
    if (def?.deprecated && !warned.has(g.name)) {
      warned.add(g.name);
      ctx.io.err(`Flag --${g.name} has been deprecated, ${def.deprecated}\n`);
    }
  }
}

function commandContext(
  ctx: KubectlContext,
  flags: Flags,
  path: string,
  argsLenAtDash: number,
): CommandContext {
  const kubeContext = contextFor(ctx.kubeconfig, flags);
  const explicitNamespace = flags.changed("namespace");
  const namespace = explicitNamespace ? flags.string("namespace") : kubeContext?.namespace || "default";
  const user = requestUser(ctx.cluster.state, kubeContext, flags);
  return { ...ctx, namespace, explicitNamespace, user, path, argsLenAtDash };
}
