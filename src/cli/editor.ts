/**
 * `kubectl edit` in the terminal: the text goes to a real temporary file opened with `$KUBE_EDITOR`, else
 * `$EDITOR`, else `vi` (kubectl's order), and what the editor saved comes back. An editor that exits with
 * an error counts as cancelled.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";

/** The editor command kubectl would use. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.KUBE_EDITOR || env.EDITOR || "vi";
}

/** Opens `content` in the editor as a file named like `file`; returns the saved text, or null if the editor failed. */
export function editInRealEditor(
  file: string,
  content: string,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  const dir = mkdtempSync(join(tmpdir(), "rollout-sandbox-"));
  const path = join(dir, basename(file) || "edit.yaml");
  try {
    writeFileSync(path, content);
    // The editor variable may carry arguments (`code -w`), so it runs through the shell as kubectl's does.
    const r = spawnSync(`${editorCommand(env)} '${path.replace(/'/g, "'\\''")}'`, {
      stdio: "inherit",
      shell: true,
      env,
    });
    if (r.status !== 0) return null;
    return readFileSync(path, "utf8");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
