/**
 * The shell's grammar and expansion. Expected outputs are what a real POSIX shell prints for the same line
 * (checked with bash 5 and dash on the development machine; busybox ash agrees on all of these).
 */
import { describe, expect, it } from "vitest";
import { sh } from "./support";

const CASES: [string, string, number][] = [
  [`echo hi 'a  b' "x  $HOME" $?`, "hi a  b x  /home/learner 0\n", 0],
  [`A="1 2"; echo $A "$A" \${A}x \${B:-def} \${A:+set}`, "1 2 1 2 1 2x def set\n", 0],
  [`echo a\\ b \\$HOME "\\"q\\"" '$HOME'`, 'a b $HOME "q" $HOME\n', 0],
  ["false; echo $?; true && echo ok || echo no", "1\nok\n", 0],
  ["false && echo a || echo b", "b\n", 0],
  [`for x in a "b c" d; do echo "[$x]"; done`, "[a]\n[b c]\n[d]\n", 0],
  ['echo "$(echo inner) and `echo back`"', "inner and back\n", 0],
  ['X=5 env | grep ^X=; echo "[$X]"', "X=5\n[]\n", 0],
  ["echo -n ab; echo cd", "abcd\n", 0],
  ["echo one; # comment", "one\n", 0],
  ["x=1; { echo $x; echo two; } | wc -l", "2\n", 0],
  ["if false; then echo a; elif true; then echo b; else echo c; fi", "b\n", 0],
  ["! true; echo $?", "1\n", 0],
  ["for i in 1 2 3; do if [ $i = 2 ]; then continue; fi; echo $i; done", "1\n3\n", 0],
  ["for i in 1 2 3; do [ $i -ge 2 ] && break; echo $i; done", "1\n", 0],
  ["echo a b c | wc -w", "3\n", 0],
  ["export FOO=bar; echo $FOO; unset FOO; echo [$FOO]", "bar\n[]\n", 0],
  ["i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done", "0\n1\n2\n", 0],
  ['n=7; echo $(( (n + 1) * 2 % 5 )) "$((n / 2))" $((n > 3 && n != 7))', "1 3 0\n", 0],
  ["exit 3", "", 3],
  ["false", "", 1],
];

describe("sh grammar (whole outputs as a real sh prints them)", () => {
  for (const [line, stdout, exit] of CASES) {
    it(line, () => {
      const e = sh(line);
      expect(e.stdout).toBe(stdout);
      expect(e.stderr).toBe("");
      expect(e.exit).toBe(exit);
    });
  }
});

describe("sh errors (busybox ash wording)", () => {
  it("unknown command: `sh: foo: not found`, status 127", () => {
    const e = sh("foo --bar");
    expect(e.stderr).toBe("sh: foo: not found\n");
    expect(e.exit).toBe(127);
  });
  it("a keyword out of place", () => {
    const e = sh("done");
    expect(e.stderr).toBe('sh: syntax error: unexpected "done"\n');
    expect(e.exit).toBe(2);
  });
  it("a bad operator sequence", () => {
    const e = sh("echo a ; ; echo b");
    expect(e.stderr).toBe('sh: syntax error: unexpected ";"\n');
    expect(e.exit).toBe(2);
  });
  it("division by zero in $((…))", () => {
    const e = sh("echo $((1/0)); echo after");
    expect(e.stderr).toBe("sh: divide by zero\n");
    expect(e.exit).toBe(2);
  });
  it("cd to a missing folder", () => {
    const e = sh("cd nowhere");
    expect(e.stderr).toBe("sh: cd: can't cd to nowhere: No such file or directory\n");
    expect(e.exit).toBe(2);
  });
});
