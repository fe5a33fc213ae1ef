/**
 * Pipes into the text filters and their messages. Expected outputs: GNU grep 3 / coreutils 9 in the C
 * locale on the development machine, for the same input file.
 */
import { describe, expect, it } from "vitest";
import { Session } from "../../src/session";
import { runLines, sh } from "./support";

const F = { "f.txt": "b x\na y\nB x\nc z\na y\n" };

const CASES: [string, string][] = [
  ["cat f.txt | grep -i b", "b x\nB x\n"],
  ["cat f.txt | grep -c x", "2\n"],
  ['cat f.txt | grep -v -E "x|z"', "a y\na y\n"],
  ["cat f.txt | head -n 2", "b x\na y\n"],
  ["cat f.txt | head -2", "b x\na y\n"],
  ["cat f.txt | tail -n 2", "c z\na y\n"],
  ["cat f.txt | wc -l", "5\n"],
  ["cat f.txt | wc", "      5      10      20\n"],
  ["cat f.txt | sort -r", "c z\nb x\na y\na y\nB x\n"],
  ["cat f.txt | sort | uniq -c", "      1 B x\n      2 a y\n      1 b x\n      1 c z\n"],
  ['cat f.txt | grep -n "a\\|c"', "2:a y\n4:c z\n5:a y\n"],
  ["grep -w a f.txt", "a y\na y\n"],
  ["cat f.txt | grep q; echo $?", "1\n"],
  ["grep x < f.txt > out.txt; cat out.txt", "b x\nB x\n"],
  ["echo a > o.txt; echo b >> o.txt; cat o.txt", "a\nb\n"],
  ["cat nofile 2>/dev/null; echo $?", "1\n"],
  ["echo *.txt '*.txt' nomatch*", "f.txt *.txt nomatch*\n"],
];

describe("pipes and filters", () => {
  for (const [line, stdout] of CASES) {
    it(line, () => {
      const e = sh(line, { files: F });
      expect(e.stdout).toBe(stdout);
      expect(e.stderr).toBe("");
    });
  }

  it("GNU's messages for bad operands", () => {
    expect(sh("head -n x f.txt", { files: F }).stderr).toBe("head: invalid number of lines: ‘x’\n");
    expect(sh("sleep abc").stderr).toBe(
      "sleep: invalid time interval ‘abc’\nTry 'sleep --help' for more information.\n",
    );
    const cat = sh("cat nofile");
    expect(cat.stderr).toBe("cat: nofile: No such file or directory\n");
    expect(cat.exit).toBe(1);
  });

  it("head closes the pipe: an endless producer stops after 3 lines, without simulated time passing", () => {
    const s = new Session();
    const [e] = runLines(s, ["while true; do echo x; sleep 1; done | head -n 3"]);
    expect(e?.stdout).toBe("x\nx\nx\n");
    expect(e?.exit).toBe(0);
    expect(s.cluster.now).toBe(2000);
  });
});

describe("loops on the simulated clock", () => {
  it("sleep inside a for loop advances the clock by exactly the sleeps", () => {
    const s = new Session();
    const [e] = runLines(s, ["for i in 1 2 3; do date; sleep 5; done"]);
    expect(e?.stdout).toBe(
      "Thu Jan  1 00:00:00 UTC 2026\nThu Jan  1 00:00:05 UTC 2026\nThu Jan  1 00:00:10 UTC 2026\n",
    );
    expect(s.cluster.now).toBe(15_000);
  });

  it("an endless loop is interrupted after the budget, status 130, and the next line runs", () => {
    const s = new Session();
    const [loop, next] = runLines(s, ["while true; do echo tick; sleep 10; done", "echo $?"], 25);
    expect(loop?.stdout).toBe("tick\ntick\ntick\n");
    expect(loop?.exit).toBe(130);
    expect(next?.stdout).toBe("130\n");
    expect(next?.t).toBe(25);
  });

  it("a loop that never waits still ends at the budget (1000 turns stand for a simulated second)", () => {
    const s = new Session();
    const [loop] = runLines(s, ["while true; do :; done"], 5);
    expect(loop?.exit).toBe(130);
    expect(s.cluster.now).toBe(5000);
  });

  it("lines typed while a command runs wait for it (type-ahead)", () => {
    const s = new Session();
    const t = s.terminals[0];
    t?.submit("sleep 3; echo first");
    t?.submit("echo second");
    expect(t?.busy).toBe(true);
    s.tick(3000);
    expect(s.transcript.map((e) => [e.line, e.stdout, e.t])).toEqual([
      ["sleep 3; echo first", "first\n", 0],
      ["echo second", "second\n", 3],
    ]);
  });
});
