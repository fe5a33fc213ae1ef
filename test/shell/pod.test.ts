/**
 * Shells inside pods: busybox's applets (sh, wget; no curl, no bash) and their real messages
 * (kubectl-facts §9: busybox networking/wget.c strings; ash's `sh: curl: not found`, status 127), the
 * root prompt `/ # `, and containerd's refusal to exec a missing binary (§10).
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { Pod } from "../../src/engine";
import type { Program } from "../../src/kubectl/program";
import { Session } from "../../src/session";
import { makePodExec } from "../../src/shell/pod";
import { runLines } from "./support";

const APP = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: http-go
spec:
  replicas: 2
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
        ports:
        - containerPort: 8080
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
    targetPort: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: tmp
spec:
  containers:
  - name: tmp
    image: busybox
    command: ["sleep", "3600"]
`;

interface PodRun {
  out: string;
  err: string;
  prompts: string[];
  statuses: (number | undefined)[];
  exit: number;
}

/** Runs `argv` in pod `name` as `kubectl exec [-it]` would, feeding `lines` to a shell; waits move the clock. */
function exec(s: Session, name: string, argv: string[], lines: string[] = [], tty = true): PodRun {
  const pod = s.cluster.state.objects.pods?.get(`default/${name}`) as Pod;
  const r: PodRun = { out: "", err: "", prompts: [], statuses: [], exit: -1 };
  const io = { out: (t: string) => (r.out += t), err: (t: string) => (r.err += t) };
  const program: Program = makePodExec(s.cluster)(pod, pod.spec?.containers?.[0]?.name ?? "", argv, io, tty);
  let step = program.next();
  const queue = [...lines];
  while (!step.done) {
    const e = step.value;
    if (e.type === "readLine") {
      r.prompts.push(e.prompt);
      r.statuses.push(e.status);
      step = program.next(queue.shift() ?? null);
    } else if (e.type === "wait") {
      s.tick(Math.max(0, (e.until ?? s.cluster.now + 1000) - s.cluster.now));
      step = program.next(undefined);
    } else step = program.next(null);
  }
  r.exit = step.value;
  return r;
}

let s: Session;
let clusterIp: string;

beforeAll(() => {
  s = new Session({ files: { "app.yaml": APP } });
  runLines(s, ["kubectl create -f app.yaml", "sleep 20"]);
  clusterIp = s.cluster.state.objects.services?.get("default/http-go")?.spec?.clusterIP ?? "";
});

const WELCOME = /^Welcome! http-go-[a-z0-9]+-[a-z0-9]{5}\n$/;

describe("busybox sh in a pod", () => {
  it("prompts `/ # `, reports each line's status, and ends at `exit`", () => {
    const r = exec(s, "tmp", ["sh"], ["hostname", "curl http-go:8080", "bash", "cat /etc/hostname", "exit"]);
    expect(r.prompts).toEqual(["/ # ", "/ # ", "/ # ", "/ # ", "/ # "]);
    expect(r.statuses.slice(1)).toEqual([0, 127, 127, 0]);
    expect(r.out).toBe("tmp\ntmp\n");
    expect(r.err).toBe("sh: curl: not found\nsh: bash: not found\n");
    expect(r.exit).toBe(0);
  });

  it("a half-typed command continues after ash's PS2 `> `; a here-document reads the next lines", () => {
    const lines = ["for i in 1 2; do", "echo $i; done", "cat <<EOF", "in $HOSTNAME", "EOF", "exit"];
    const r = exec(s, "tmp", ["sh"], lines);
    expect(r.prompts).toEqual(["/ # ", "> ", "/ # ", "> ", "> ", "/ # "]);
    expect(r.out).toBe("1\n2\nin tmp\n");
    expect(r.err).toBe("");
  });

  it("`wget -O- -q` and `wget -qO-` print only the body, from a ready endpoint", () => {
    const r = exec(s, "tmp", ["sh"], [`wget -O- -q ${clusterIp}:8080`, "wget -qO- http-go:8080", "exit"]);
    const bodies = r.out.split(/(?<=\n)/);
    expect(bodies).toHaveLength(2);
    for (const b of bodies) expect(b).toMatch(WELCOME);
    expect(r.err).toBe("");
  });

  it("wget without -q reports on stderr as busybox does", () => {
    const r = exec(s, "tmp", ["wget", "-O-", "http-go:8080"], [], false);
    expect(r.out).toMatch(WELCOME);
    expect(r.err.split("\n")).toEqual([
      `Connecting to http-go:8080 (${clusterIp}:8080)`,
      "writing to stdout",
      `-                    100% |********************************|    ${String(r.out.length).padStart(2)}  0:00:00 ETA`,
      "written to stdout",
      "",
    ]);
  });

  it("an unknown name is a bad address", () => {
    const r = exec(s, "tmp", ["wget", "-qO-", "nosuch:8080"], [], false);
    expect(r.err).toBe("wget: bad address 'nosuch'\n");
    expect(r.exit).toBe(1);
  });

  it("a missing binary is containerd's exec error", () => {
    const r = exec(s, "tmp", ["bash"], [], true);
    expect(r.err).toMatch(
      /^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in \$PATH: unknown\n$/,
    );
    expect(r.exit).toBe(1);
  });

  it("a Service with no ready endpoints refuses the connection", () => {
    s.cluster.request((api) => {
      const d = api.get("deployments", "default", "http-go");
      api.update("deployments", { ...d, spec: { ...d.spec, replicas: 0 } });
    });
    runLines(s, ["sleep 40"]);
    const r = exec(s, "tmp", ["wget", "-qO-", `${clusterIp}:8080`], [], false);
    expect(r.err).toBe(`wget: can't connect to remote host (${clusterIp}): Connection refused\n`);
    expect(r.exit).toBe(1);
  });
});
