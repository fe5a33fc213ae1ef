/** cobra's "Did you mean this?" suggestions: names within Levenshtein distance 2, or that start with what was typed. */

/** The suggested command names for a mistyped `typed`, in the order given. */
export function suggestionsFor(typed: string, names: readonly string[]): string[] {
  const lower = typed.toLowerCase();
  return names.filter((n) => levenshtein(lower, n.toLowerCase()) <= 2 || n.toLowerCase().startsWith(lower));
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
