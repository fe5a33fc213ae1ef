/**
 * Real kubectl v1.32.4 for client-side answers (`--dry-run=client -o yaml`, manifest parse errors), run at
 * test time when it is on PATH; otherwise the stored output captured from it is used.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const available = spawnSync("kubectl", ["version", "--client"], { encoding: "utf8" }).status === 0;

/** What real kubectl printed for `args` with `files` in its working directory, or `stored` without kubectl. */
export function realKubectl(
  args: string[],
  files: Record<string, string>,
  stored: { stdout: string; stderr: string },
): { stdout: string; stderr: string } {
  if (!available) return stored;
  const dir = mkdtempSync(join(tmpdir(), "rs-kubectl-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  const r = spawnSync("kubectl", args, {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, KUBECONFIG: join(dir, "none") },
  });
  return { stdout: r.stdout, stderr: r.stderr };
}
