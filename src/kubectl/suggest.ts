/**
 * `kubectl foo`: cobra's unknown-command error with its "Did you mean this?" list (names within
 * Levenshtein distance 2 — SuggestionsMinimumDistance — or starting with what was typed, case-insensitive,
 * in the order kubectl adds its commands), and an honest message for a real kubectl command the sandbox
 * does not implement (it must not suggest itself).
 */
import type { Io } from "./program";

/**
 * Every available top-level command of real kubectl v1.32, in the order kubectl adds them (its help
 * groups, then the ungrouped ones); cobra suggests in this order. `help` and the hidden `alpha` are never
 * suggested (not available commands).
 */
export const KUBECTL_COMMAND_NAMES: readonly string[] = [
  ...["create", "expose", "run", "set", "explain", "get", "edit", "delete"],
  ...["rollout", "scale", "autoscale"],
  ...["certificate", "cluster-info", "top", "cordon", "uncordon", "drain", "taint"],
  ...["describe", "logs", "attach", "exec", "port-forward", "proxy", "cp", "auth", "debug", "events"],
  ...["diff", "apply", "patch", "replace", "wait", "kustomize"],
  ...["label", "annotate", "completion"],
  ...["config", "plugin", "version", "api-versions", "api-resources", "options"],
];

/** The suggested command names for a mistyped `typed`, in the order given. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  return names.filter((n) => levenshtein(lower, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(lower));
}

/**
 * Prints the error for a first word that names no sandbox command; returns the exit code (1). A real
 * kubectl command the sandbox lacks (`diff`, `cp`) gets a one-line notice instead of cobra's error.
 */
export function unknownCommand(word: string, io: Io): number {
  if (KUBECTL_COMMAND_NAMES.includes(word) || word === "help") {
    io.err(`error: "kubectl ${word}" is not available in this sandbox\n`);
    return 1;
  }
  const hints = suggestionsFor(word, KUBECTL_COMMAND_NAMES);
  // cobra: `unknown command "x" for "kubectl"` + "\n\nDid you mean this?\n\t<name>\n…" + "\n" (only with hints).
  const tail = hints.length > 0 ? `\n\nDid you mean this?\n${hints.map((h) => `\t${h}\n`).join("")}` : "";
  io.err(`Error: unknown command "${word}" for "kubectl"${tail}\n`);
  return 1;
}

/** Edit distance between two strings (insert, delete, substitute all cost 1). */
export function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] as number) + 1, (cur[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
    }
    prev = cur;
  }
  return prev[b.length] as number;
}
