/**
 * A line diff (longest common subsequence) for comparing two pod templates. Templates are a few dozen
 * lines, so the O(n·m) table (at most ~100×100 cells) costs nothing.
 */

/** One line of a diff: kept, removed (only in the old text) or added (only in the new text). */
export interface DiffLine {
  kind: "same" | "removed" | "added";
  text: string;
}

/** The lines of `a` and `b` as a unified sequence of kept, removed and added lines. */
export function diffLines(a: string, b: string): DiffLine[] {
  const x = a.replace(/\n$/, "").split("\n");
  const y = b.replace(/\n$/, "").split("\n");
  const n = x.length;
  const m = y.length;
  // lcs[i][j]: length of the LCS of x[i…] and y[j…]
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    const row = lcs[i] as number[];
    const below = lcs[i + 1] as number[];
    for (let j = m - 1; j >= 0; j--) {
      row[j] =
        x[i] === y[j] ? (below[j + 1] as number) + 1 : Math.max(below[j] as number, row[j + 1] as number);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (x[i] === y[j]) {
      out.push({ kind: "same", text: x[i++] as string });
      j++;
    } else if ((lcs[i + 1]?.[j] ?? 0) >= (lcs[i]?.[j + 1] ?? 0))
      out.push({ kind: "removed", text: x[i++] as string });
    else out.push({ kind: "added", text: y[j++] as string });
  }
  while (i < n) out.push({ kind: "removed", text: x[i++] as string });
  while (j < m) out.push({ kind: "added", text: y[j++] as string });
  return out;
}
