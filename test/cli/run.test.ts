/**
 * `rollout-sandbox run`: the bin spawned as a user runs it (through tsx), a transcript of `$ LINE` and
 * output, `--json` lines, files next to the script in the sandbox's home, `-` for standard input, and
 * the interrupt budget for endless loops.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = resolve(import.meta.dirname, "../../bin/rollout-sandbox.js");

function cli(
  args: string[],
  input?: string,
  env: NodeJS.ProcessEnv = process.env,
): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", input, timeout: 60_000, env });
  return { stdout: r.stdout, stderr: r.stderr, status: r.status };
}

function scriptDir(script: string): string {
  const dir = mkdtempSync(join(tmpdir(), "rs-cli-"));
  writeFileSync(join(dir, "script.sh"), script);
  writeFileSync(join(dir, "notes.txt"), "one\ntwo\n");
  return dir;
}

const SCRIPT = `# a comment, skipped

echo hello
cat notes.txt | wc -l
nosuch
while true; do echo x; sleep 20; done
date
`;

describe("rollout-sandbox run", { timeout: 60_000 }, () => {
  it("prints `$ LINE` then the output; relative paths read the script's folder", () => {
    const dir = scriptDir(SCRIPT);
    const r = cli(["run", join(dir, "script.sh"), "--interrupt-after", "30"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      [
        "$ echo hello",
        "hello",
        "$ cat notes.txt | wc -l",
        "2",
        "$ nosuch",
        "sh: nosuch: not found",
        "$ while true; do echo x; sleep 20; done",
        "x",
        "x",
        "^C",
        "$ date",
        "Thu Jan  1 00:00:30 UTC 2026",
        "",
      ].join("\n"),
    );
  });

  it("--json prints one object per executed line", () => {
    const dir = scriptDir(SCRIPT);
    const r = cli(["run", "--json", join(dir, "script.sh")]);
    const lines = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { line: "echo hello", stdout: "hello\n", stderr: "", exit: 0, t: 0 },
      { line: "cat notes.txt | wc -l", stdout: "2\n", stderr: "", exit: 0, t: 0 },
      { line: "nosuch", stdout: "", stderr: "sh: nosuch: not found\n", exit: 127, t: 0 },
      { line: "while true; do echo x; sleep 20; done", stdout: "x\nx\n", stderr: "", exit: 130, t: 0 },
      { line: "date", stdout: "Thu Jan  1 00:00:30 UTC 2026\n", stderr: "", exit: 0, t: 30 },
    ]);
  });

  it("a here-document takes the script's next lines: `> ` in the transcript, one --json entry", () => {
    const script = "cat <<EOF | wc -l\none\n\ntwo\nEOF\necho done\n";
    const text = cli(["run", "-"], script);
    expect(text.stdout).toBe("$ cat <<EOF | wc -l\n> one\n> \n> two\n> EOF\n3\n$ echo done\ndone\n");
    const json = cli(["run", "--json", "-"], script);
    expect(
      json.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { line: "cat <<EOF | wc -l\none\n\ntwo\nEOF", stdout: "3\n", stderr: "", exit: 0, t: 0 },
      { line: "echo done", stdout: "done\n", stderr: "", exit: 0, t: 0 },
    ]);
  });

  it("reads the script from standard input with `-`", () => {
    const r = cli(["run", "-", "--seed", "4"], "echo $HOME\nkubectl get svc kubernetes -o name\n");
    expect(r.stdout).toBe(
      "$ echo $HOME\n/home/learner\n$ kubectl get svc kubernetes -o name\nservice/kubernetes\n",
    );
  });

  it("an editor opens $KUBE_EDITOR on a real temporary file and reads back what it saved", () => {
    const dir = scriptDir("vi notes.txt\ncat notes.txt\n");
    const editor = join(dir, "editor.sh");
    writeFileSync(editor, "#!/bin/sh\nsed -i 's/two/TWO/' \"$1\"\n", { mode: 0o755 });
    const r = cli(["run", join(dir, "script.sh")], undefined, { ...process.env, KUBE_EDITOR: editor });
    expect(r.stdout).toBe("$ vi notes.txt\n$ cat notes.txt\none\nTWO\n");
  });

  it("a bad argument prints the usage and exits 2", () => {
    const r = cli(["run"]);
    expect(r.status).toBe(2);
    expect(r.stderr.split("\n")[0]).toBe("rollout-sandbox: run needs a FILE (or - for standard input)");
  });
});
