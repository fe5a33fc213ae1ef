/**
 * What a kubectl invocation gets from its surroundings: the cluster, where to write, the files it may
 * read (`-f`), the environment, the kubeconfig, and the way into a pod's shell (provided by the shell
 * layer above, so kubectl does not import it).
 */
import type { Cluster, Pod } from "../engine";
import type { Io, Program } from "./program";

/** The read side of the virtual file system that `-f` and `kubectl edit` use. Paths are absolute or relative to `cwd`. */
export interface Files {
  /** The working directory (`/home/learner`). */
  readonly cwd: string;
  /** The text of a file, or undefined if there is no such file. */
  read(path: string): string | undefined;
  /** Writes (creates or replaces) a file. */
  write(path: string, text: string): void;
  /** True if `path` is a directory. */
  isDir(path: string): boolean;
  /** The entries of a directory (names, sorted), or undefined if it is not one. */
  list(path: string): string[] | undefined;
  /** `path` made absolute against `cwd`, with `.` and `..` resolved. */
  resolve(path: string): string;
}

/** One kubeconfig context (`kubectl config get-contexts`). */
export interface KubeContext {
  name: string;
  cluster: string;
  /** The user name the API server sees (`kubernetes-admin`, `jane`, `system:serviceaccount:default:deployer`). */
  user: string;
  namespace?: string;
}

/** The kubeconfig: its contexts and which one is current (`kubectl config use-context` changes it). */
export interface Kubeconfig {
  contexts: KubeContext[];
  currentContext: string;
}

/**
 * Runs a command inside a container: an in-pod shell (`sh`), `wget`, `curl`, `cat`… as the image has them.
 * `interactive`: a terminal is attached (a shell prompts); `stdin`: the text the command reads (`kubectl
 * exec -i` fed by a pipe or a here-document, "" without -i), undefined when it reads the terminal's lines.
 */
export type PodExec = (
  pod: Pod,
  container: string,
  argv: string[],
  io: Io,
  interactive: boolean,
  stdin?: string,
) => Program;

/** Everything one kubectl invocation can reach. */
export interface KubectlContext {
  cluster: Cluster;
  io: Io;
  files: Files;
  env: Readonly<Record<string, string>>;
  kubeconfig: Kubeconfig;
  /** The command line as the user typed it (for `--record`'s change-cause: `kubectl set image … --record=true`). */
  commandLine: string;
  /** How to run a command in a container; undefined where no shell layer is present (unit tests of kubectl alone). */
  podExec?: PodExec;
  /**
   * The text piped into kubectl (`cat x.yaml | kubectl apply -f -`, a heredoc), read by `-f -`; undefined
   * when standard input is the terminal, where `-f -` reads lines (readLine effect) until end of input (Ctrl-D).
   */
  stdin?: string;
}
