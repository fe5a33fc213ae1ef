/**
 * Determinism of a real script: the seed notes (test/golden/notes.script, run as `rollout-sandbox run`
 * runs it, in-process) give the same transcript twice with one seed; with another seed only the generated
 * pod names and addresses change, and ReplicaSet names (from the pod template's hash) stay the same.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { editInRealEditor } from "../../src/cli/editor";
import { folderFiles } from "../../src/cli/main";
import { runScript } from "../../src/cli/script";
import { Session } from "../../src/session";

const GOLDEN = resolve(import.meta.dirname, "../golden");
const EDITOR_ENV = { ...process.env, KUBE_EDITOR: resolve(GOLDEN, "edit-to-v3.sh") };

/** The text transcript of notes.script with `seed` (90 s interrupt budget, as the golden test runs it). */
function notes(seed: number): string {
  const lines = readFileSync(resolve(GOLDEN, "notes.script"), "utf8").split(/\r?\n/);
  const session = new Session({ seed, files: folderFiles(GOLDEN) });
  let out = "";
  runScript(session, lines, {
    interruptAfter: 90,
    edit: (file, content) => editInRealEditor(file, content, EDITOR_ENV),
    write: (t) => {
      out += t;
    },
  });
  return out;
}

/** Pod names are `<ReplicaSet>-<5 random characters>`; addresses come from the seeded generator. */
const POD = /\b(http-go-[0-9a-z]{8,10})-[0-9a-z]{5}\b/g;
const ADDRESS = /\b10\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/g;

function masked(transcript: string): string {
  // Columns are padded to the widest cell, so an address of another length moves the columns after it.
  return transcript.replace(POD, "$1-POD").replace(ADDRESS, "IP").replace(/ +/g, " ");
}

/** The NAME column of every `kubectl get rs` table. */
function replicaSetNames(transcript: string): string[] {
  return transcript
    .split("\n")
    .filter((l) => /^http-go-[0-9a-z]+ +\d+ +\d+ +\d+ /.test(l))
    .map((l) => l.split(" ")[0] as string);
}

describe("determinism of the seed notes", { timeout: 120_000 }, () => {
  const one = notes(1);

  it("the same seed twice gives the same transcript, byte for byte", () => {
    expect(notes(1)).toBe(one);
  });

  it("another seed changes only pod names and addresses; ReplicaSet names stay", () => {
    const two = notes(2);
    expect(two).not.toBe(one);
    expect(two.match(POD)).not.toEqual(one.match(POD));
    const rs = replicaSetNames(one);
    expect(rs.length).toBeGreaterThan(5);
    expect(replicaSetNames(two)).toEqual(rs);
    expect(masked(two)).toBe(masked(one));
  });
});
