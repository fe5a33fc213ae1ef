/**
 * Here-documents, line continuations and comments across lines, and standard input fed by pipes and
 * here-documents. Expected outputs: dash 0.5 (Debian's /bin/sh, the parent of busybox ash) run on the same
 * text with HOME=/home/learner on the development machine.
 */
import { describe, expect, it } from "vitest";
import { runScript } from "../../src/cli/script";
import { CONTINUATION_PROMPT, Session } from "../../src/session";
import { runLines, sh } from "./support";

const CASES: [string, string, string][] = [
  ["expands $VAR in the body", "cat <<EOF\nhello $HOME\n  x\nEOF", "hello /home/learner\n  x\n"],
  ["a quoted delimiter keeps the body literal", "cat <<'EOF'\n$HOME `x` \\\\\nEOF", "$HOME `x` \\\\\n"],
  ["<<- strips leading tabs", "cat <<-EOF\n\tindented\n\t\ttwo\n\tEOF", "indented\ntwo\n"],
  ["a here-document into a pipe", "cat <<EOF | grep b\na\nb\nEOF", "b\n"],
  [
    "read takes the lines one by one",
    'while read x; do echo "[$x]"; done <<EOF\none\ntwo\nEOF',
    "[one]\n[two]\n",
  ],
  ["two documents on one line are read in order", "cat <<A; cat <<B\n1\nA\n2\nB", "1\n2\n"],
  [
    "backslash escapes only $ ` \\ and newline; $(…) and $((…)) expand",
    'cat <<EOF\n\\$HOME \\\\ \\x "q" $(echo sub) $((1+2))\nEOF',
    '$HOME \\ \\x "q" sub 3\n',
  ],
  ["backslash-newline joins body lines", "cat <<EOF\na\\\nb\nEOF", "ab\n"],
  ["in a loop the body expands anew each turn", "for i in 1 2; do\ncat <<EOF\n[$i]\nEOF\ndone", "[1]\n[2]\n"],
  ["a delimiter with a space, double-quoted", 'cat <<"E O"\n$HOME\nE O', "$HOME\n"],
  ["with an output redirection", "cat <<EOF >out.txt\nsaved\nEOF\ncat out.txt", "saved\n"],
  [
    "a comment ends at its line, not at the end of the input",
    "for i in a b; do # c\necho $i\ndone",
    "a\nb\n",
  ],
  ["backslash-newline is a line continuation", 'echo "x\\\ny"; echo a \\\nb', "xy\na b\n"],
];

describe("here-documents (whole outputs as dash prints them)", () => {
  for (const [name, text, stdout] of CASES) {
    it(name, () => {
      const e = sh(text);
      expect(e.stdout).toBe(stdout);
      expect(e.stderr).toBe("");
      expect(e.exit).toBe(0);
    });
  }
});

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: gasbugs/http-go:v1
`;

describe("here-document errors (busybox ash wording)", () => {
  it("`<<` without a delimiter word", () => {
    const e = sh("cat <<\nEOF");
    expect([e.stdout, e.stderr, e.exit]).toEqual(["", "sh: syntax error: unexpected newline\n", 2]);
  });
});

describe("standard input of kubectl", () => {
  it("cat FILE | kubectl apply -f - creates what the file holds", () => {
    const e = sh("cat web.yaml | kubectl apply -f -", { files: { "web.yaml": DEPLOYMENT } });
    expect([e.stdout, e.stderr, e.exit]).toEqual(["deployment.apps/web created\n", "", 0]);
  });

  it("kubectl create -f - <<EOF takes the manifest from the here-document", () => {
    const e = sh(`kubectl create -f - <<EOF\n${DEPLOYMENT}EOF`);
    expect([e.stdout, e.stderr, e.exit]).toEqual(["deployment.apps/web created\n", "", 0]);
  });

  it("a kubectl that does not read stdin leaves it to the loop around it", () => {
    const e = sh("while read ns; do kubectl get ns $ns -o name; done <<EOF\ndefault\nkube-system\nEOF");
    expect(e.stdout).toBe("namespace/default\nnamespace/kube-system\n");
  });
});

const SLEEPER = `apiVersion: v1
kind: Pod
metadata:
  name: tmp
spec:
  containers:
  - name: tmp
    image: busybox
    command: ["sleep", "3600"]
`;

describe("standard input of kubectl exec -i", () => {
  const s = new Session({ files: { "tmp.yaml": SLEEPER } });
  runLines(s, ["kubectl create -f tmp.yaml", "sleep 20"]);

  it("a here-document is the in-pod shell's script (no prompt without -t)", () => {
    const [e] = runLines(s, [
      "kubectl exec -i tmp -- sh <<'EOF'\nhostname\necho $HOSTNAME; exit 3\necho not reached\nEOF",
    ]);
    expect([e?.stdout, e?.stderr, e?.exit]).toEqual([
      "tmp\ntmp\n",
      "command terminated with exit code 3\n",
      3,
    ]);
  });

  it("a pipe feeds the command in the container", () => {
    const [sh, cat] = runLines(s, [
      "echo hostname | kubectl exec -i tmp -- sh",
      "echo hi | kubectl exec -i tmp -- cat",
    ]);
    expect([sh?.stdout, sh?.exit]).toEqual(["tmp\n", 0]);
    expect([cat?.stdout, cat?.exit]).toEqual(["hi\n", 0]);
  });

  it("without -i the command's stdin is empty: sh ends at once", () => {
    const [e] = runLines(s, ["echo hostname | kubectl exec tmp -- sh"]);
    expect([e?.stdout, e?.stderr, e?.exit]).toEqual(["", "", 0]);
  });
});

describe("a terminal asks for the rest with sh's `> ` prompt", () => {
  it("a here-document's body comes from the next lines; one transcript entry holds it all", () => {
    const s = new Session();
    const t = s.terminals[0];
    t?.submit("cat <<EOF");
    expect(t?.prompt).toBe(CONTINUATION_PROMPT);
    t?.submit("one $USER");
    t?.submit("");
    expect(t?.prompt).toBe("> ");
    t?.submit("EOF");
    expect(t?.prompt).toBe("$ ");
    expect(s.transcript.map((e) => [e.line, e.stdout, e.exit])).toEqual([
      ["cat <<EOF\none $USER\n\nEOF", "one learner\n\n", 0],
    ]);
  });

  it("an unclosed quote continues on the next line, the newline kept inside the quotes", () => {
    const s = new Session();
    const t = s.terminals[0];
    t?.submit('echo "a');
    expect(t?.prompt).toBe("> ");
    t?.submit('b"');
    expect(s.transcript.map((e) => [e.line, e.stdout])).toEqual([['echo "a\nb"', "a\nb\n"]]);
  });
});

describe("the end of a script is sh's end of file", () => {
  const run = (lines: string[]) => {
    const out: string[] = [];
    const entries = runScript(new Session(), lines, {
      interruptAfter: 30,
      edit: () => null,
      write: (t) => out.push(t),
    });
    return { entries: entries.map((e) => [e.line, e.stdout, e.stderr, e.exit]), text: out.join("") };
  };

  it("a script's lines after `<<EOF` are the body; the text transcript shows them after `> `", () => {
    const r = run(["cat <<EOF", "# not a comment here", "", "EOF", "echo after"]);
    expect(r.entries).toEqual([
      ["cat <<EOF\n# not a comment here\n\nEOF", "# not a comment here\n\n", "", 0],
      ["echo after", "after\n", "", 0],
    ]);
    expect(r.text).toBe(
      "$ cat <<EOF\n> # not a comment here\n> \n> EOF\n# not a comment here\n\n$ echo after\nafter\n",
    );
  });

  it("a here-document still open at the end ends there without a message (dash, busybox ash)", () => {
    expect(run(["cat <<EOF", "last line"]).entries).toEqual([["cat <<EOF\nlast line", "last line\n", "", 0]]);
  });

  it("an open quote at the end: ash's unterminated quoted string, status 2", () => {
    expect(run(['echo "abc']).entries).toEqual([
      ['echo "abc', "", "sh: syntax error: unterminated quoted string\n", 2],
    ]);
  });

  it("an open loop at the end: unexpected end of file, expecting done", () => {
    expect(run(["for i in 1 2; do", "echo $i"]).entries).toEqual([
      ["for i in 1 2; do\necho $i", "", 'sh: syntax error: unexpected end of file (expecting "done")\n', 2],
    ]);
  });
});
