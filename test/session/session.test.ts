/**
 * The Session: determinism (same seed + same lines → the same transcript; another seed changes only
 * generated pod names and addresses), persistence by replaying inputs, time travel, several terminals on
 * one cluster, and completion.
 */
import { describe, expect, it } from "vitest";
import { Session } from "../../src/session";
import { runLines } from "../shell/support";

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: http-go
spec:
  replicas: 3
  selector:
    matchLabels:
      app: http-go
  template:
    metadata:
      labels:
        app: http-go
    spec:
      containers:
      - name: http-go
        image: gasbugs/http-go:v1
---
apiVersion: v1
kind: Service
metadata:
  name: http-go
spec:
  selector:
    app: http-go
  ports:
  - port: 8080
`;

const SCRIPT = [
  "kubectl create -f app.yaml",
  "sleep 15",
  "kubectl get rs",
  "kubectl get pods -o wide",
  "kubectl get svc http-go",
  "for i in 1 2; do kubectl get deploy; sleep 3; done",
];

function transcript(seed: number): string {
  const s = new Session({ seed, files: { "app.yaml": APP } });
  return runLines(s, SCRIPT)
    .map((e) => `$ ${e.line} [${e.exit} @${e.t}]\n${e.stdout}${e.stderr}`)
    .join("");
}

describe("determinism", () => {
  it("the same seed and lines give byte-identical transcripts", () => {
    expect(transcript(7)).toBe(transcript(7));
  });

  it("another seed changes only generated pod names and addresses", () => {
    const mask = (t: string): string =>
      t
        .replace(/http-go-[a-z0-9]+-[a-z0-9]{5}\b/g, "POD")
        .replace(/\b10\.\d+\.\d+\.\d+\b/g, "IP")
        .replace(/ +/g, " ");
    const a = transcript(1);
    const b = transcript(2);
    expect(a).not.toBe(b);
    // ReplicaSet names come from the template hash, never from the seed.
    expect(a.match(/http-go-[a-z0-9]+(?=\s)/g)).toEqual(b.match(/http-go-[a-z0-9]+(?=\s)/g));
    expect(mask(a)).toBe(mask(b));
  });
});

describe("persistence", () => {
  it("toJSON → fromJSON replays to the same transcript, clock and cluster", () => {
    const s = new Session({ seed: 3, files: { "app.yaml": APP } });
    runLines(s, SCRIPT.slice(0, 3));
    s.openTerminal();
    s.terminals[1]?.submit("echo from two");
    s.terminals[0]?.submit("sleep 100");
    s.tick(5_000);
    s.terminals[0]?.interrupt();
    const record = JSON.parse(JSON.stringify(s.toJSON()));
    const r = Session.fromJSON(record);
    expect(r.transcript).toEqual(s.transcript);
    expect(r.cluster.now).toBe(s.cluster.now);
    expect(JSON.stringify(r.cluster.state.objects)).toBe(JSON.stringify(s.cluster.state.objects));
    expect(r.terminals.map((t) => t.id)).toEqual([1, 2]);
    expect(r.transcript.at(-1)).toMatchObject({ line: "sleep 100", exit: 130, t: 15 });
  });
});

describe("setup lines", () => {
  it("run before the learner starts, out of the transcript, and again on replay", () => {
    const opts = { files: { "app.yaml": APP }, setup: ["kubectl create -f app.yaml"] };
    const s = new Session(opts);
    expect(s.transcript).toEqual([]);
    expect(s.cluster.state.objects.deployments?.keys() ?? []).toEqual(["default/http-go"]);
    const r = Session.fromJSON(s.toJSON());
    expect(r.cluster.now).toBe(s.cluster.now);
    expect(r.cluster.state.objects.pods?.keys() ?? []).toEqual(s.cluster.state.objects.pods?.keys() ?? []);
  });
});

describe("time travel", () => {
  it("travelTo restores the cluster of that second and ends running commands with ^C", () => {
    const s = new Session({ files: { "app.yaml": APP } });
    runLines(s, ["kubectl create -f app.yaml", "sleep 30"]);
    const printed: string[] = [];
    s.terminals[0]?.onOutput((t) => printed.push(t));
    s.terminals[0]?.submit("sleep 100");
    s.tick(10_000);
    s.travelTo(1_000);
    expect(printed).toEqual(["^C\n"]);
    expect(s.cluster.now).toBeLessThanOrEqual(1_000);
    expect(s.terminals[0]?.busy).toBe(false);
    expect(s.snapshots().at(-1)?.t).toBe(s.cluster.now);
    expect(s.transcript.at(-1)?.exit).toBe(130);
  });
});

describe("terminals", () => {
  it("a waiting loop in one terminal sees a change made in another", () => {
    const s = new Session({
      files: { "ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: demo\n" },
    });
    const two = s.openTerminal();
    s.terminals[0]?.submit("while true; do kubectl get ns demo 2>&1 | tail -1; sleep 5; done");
    s.tick(6_000);
    two.submit("kubectl create -f ns.yaml");
    s.tick(5_000);
    s.terminals[0]?.interrupt();
    const loop = s.transcript[0];
    expect(loop?.stdout.split("\n").slice(0, 2)).toEqual([
      'Error from server (NotFound): namespaces "demo" not found',
      'Error from server (NotFound): namespaces "demo" not found',
    ]);
    expect(loop?.stdout.split("\n")[2]).toMatch(/^demo +/);
  });

  it("an incomplete line continues on the next with the `> ` prompt", () => {
    const s = new Session();
    const t = s.terminals[0];
    t?.submit("for i in a b; do");
    expect(t?.prompt).toBe("> ");
    t?.submit("echo $i; done");
    expect(t?.prompt).toBe("$ ");
    expect(s.transcript[0]).toMatchObject({
      line: "for i in a b; do\necho $i; done",
      stdout: "a\nb\n",
      exit: 0,
    });
  });

  it("completes kubectl verbs, resource types and object names", () => {
    const s = new Session({ files: { "app.yaml": APP } });
    runLines(s, ["kubectl create -f app.yaml"]);
    const t = s.terminals[0];
    expect(t?.complete("kubectl rol", 11)).toEqual(["rollout"]);
    expect(t?.complete("kubectl get deploy", 18)).toEqual(["deploy", "deployment", "deployments"]);
    expect(t?.complete("kubectl get deploy h", 20)).toEqual(["http-go"]);
    expect(t?.complete("kubectl describe svc/ht", 23)).toEqual(["svc/http-go"]);
    expect(t?.complete("kubectl apply -f ap", 19)).toEqual(["app.yaml"]);
  });
});

describe("an interactive shell in a pod takes the lines that follow", () => {
  it("kubectl run -it … -- sh: each inner line is its own transcript entry with its status", () => {
    const s = new Session();
    const entries = runLines(
      s,
      ["kubectl run tmp -it --rm --image busybox -- sh", "hostname", "curl x", "exit", "echo back"],
      90,
    );
    expect(entries.map((e) => [e.line, e.stdout, e.stderr, e.exit])).toEqual([
      [
        "kubectl run tmp -it --rm --image busybox -- sh",
        "",
        "If you don't see a command prompt, try pressing enter.\n",
        0,
      ],
      ["hostname", "tmp\n", "", 0],
      ["curl x", "", "sh: curl: not found\n", 127],
      [
        "exit",
        "Session ended, resume using 'kubectl attach tmp -c tmp -i -t' command when the pod is running\npod \"tmp\" deleted\n",
        "",
        0,
      ],
      ["echo back", "back\n", "", 0],
    ]);
    expect(s.terminals[0]?.prompt).toBe("$ ");
  });

  it("a command the pod's shell continues after `> ` is one transcript entry with all its lines", () => {
    const s = new Session();
    const entries = runLines(
      s,
      ["kubectl run tmp -it --rm --image busybox -- sh", "for i in 1 2; do", "echo $i", "done", "false"],
      90,
    );
    expect(entries.slice(1).map((e) => [e.line, e.stdout, e.exit])).toEqual([
      ["for i in 1 2; do\necho $i\ndone", "1\n2\n", 0],
      ["false", "", 1],
    ]);
  });
});
