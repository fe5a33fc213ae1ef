/**
 * The golden transcript of the seed notes (shared/seeds/000_779a9dde55df1ec2.txt): notes.script run by the
 * bin as a learner would, compared whole with notes.expected. notes.expected was reviewed line by line
 * against kubectl-facts.md (§1 history with its trailing space and blank line, §2 rollout status
 * messages, §3 undo/pause errors, §5 --record's deprecation line, §9 run -it: NAME required, busybox
 * without bash timing out after 1m with the delete first, `If you don't see a command prompt…`, `/ # `,
 * `sh: curl: not found`, Session ended + pod deleted, §10 exec NotFound) and the notes' own outputs
 * (revisions 1,3,4 after undo and 3,4,5 after --to-revision=1; the RS pattern 3/3/3 + 1/1/0 after edit).
 * The monitor loop runs 90 simulated seconds before Ctrl-C (`--interrupt-after 90`, long enough for
 * `kubectl run`'s 1m pod-running timeout).
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");

describe("golden transcript of the seed notes", () => {
  it("notes.script prints notes.expected, line for line", { timeout: 180_000 }, () => {
    const r = spawnSync(
      process.execPath,
      [resolve(ROOT, "bin/rollout-sandbox.js"), "run", "--interrupt-after", "90", "test/golden/notes.script"],
      {
        cwd: ROOT,
        encoding: "utf8",
        env: { ...process.env, KUBE_EDITOR: resolve(ROOT, "test/golden/edit-to-v3.sh") },
        timeout: 170_000,
      },
    );
    const expected = readFileSync(resolve(ROOT, "test/golden/notes.expected"), "utf8");
    expect(r.stdout.split("\n")).toEqual(expected.split("\n"));
    expect(r.status).toBe(0);
  });
});
