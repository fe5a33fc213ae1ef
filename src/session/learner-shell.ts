/**
 * The shell of a terminal on the learner's machine: busybox-ash wording (`sh: foo: not found`), the
 * machine's utilities and filters, and `kubectl` wired to the session's cluster, kubeconfig and pods.
 */
import type { Cluster } from "../engine";
import type { Kubeconfig } from "../kubectl/context";
import { kubectl } from "../kubectl/index";
import { Interrupt, type Io, type Program } from "../kubectl/program";
import type { VirtualFiles } from "../shell/files";
import { FILTERS, Shell, type ShellHost } from "../shell/interpreter";
import { makePodExec } from "../shell/pod";
import { UTILITIES } from "../shell/utilities";

/** What the learner's shell reaches: the cluster, this terminal's view of the files, the kubeconfig. */
export interface LearnerMachine {
  cluster: Cluster;
  files: VirtualFiles;
  home: string;
  kubeconfig: Kubeconfig;
}

/** A new shell on the learner's machine, with a login's environment. */
export function learnerShell(m: LearnerMachine): Shell {
  const podExec = makePodExec(m.cluster);
  const { files } = m;
  const host: ShellHost = {
    name: "sh",
    files,
    now: () => m.cluster.now,
    epoch: () => m.cluster.state.epoch,
    command: (name) => {
      if (name === "kubectl")
        return function* (argv, io, stdin, sh): Program {
          return yield* kubectl(argv.slice(1), {
            cluster: m.cluster,
            io,
            files,
            // kubectl reads its stdin only for `-f -`; it leaves it unread otherwise (a `while read` loop
            // around kubectl keeps its lines), so the text is handed over without being consumed.
            stdin: stdin ? stdin.text.slice(stdin.pos) : undefined,
            env: sh.environment(),
            kubeconfig: m.kubeconfig,
            commandLine: argv.join(" "),
            podExec,
          });
        };
      return UTILITIES[name];
    },
    hasFilter: (name) => FILTERS[name] !== undefined,
    chdir: (p) => files.chdir(p),
  };
  return new Shell(host, {
    HOME: m.home,
    PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    PWD: m.home,
    USER: "learner",
    TERM: "xterm-256color",
  });
}

/** Runs a line; Ctrl-C ends it with status 130 (what a shell reports for SIGINT). */
export function* runGuarded(shell: Shell, line: string, io: Io, atEof: boolean): Program {
  try {
    return yield* shell.runLine(line, io, atEof);
  } catch (e) {
    if (e instanceof Interrupt) {
      shell.status = 130;
      return 130;
    }
    throw e;
  }
}
