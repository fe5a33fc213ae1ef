/**
 * The learner's virtual file system: an in-memory tree of text files (kubectl's `Files` interface), with a
 * working directory. The home folder (`/home/learner`) holds the lesson's files; `/tmp` exists for editors.
 */
import type { Files } from "../kubectl/context";

/** Normalises `path` against `cwd`: absolute, `.` and `..` resolved, no trailing slash. */
export function resolvePath(cwd: string, path: string): string {
  const parts = (path.startsWith("/") ? path : `${cwd}/${path}`).split("/");
  const out: string[] = [];
  for (const p of parts) {
    if (p === "" || p === ".") continue;
    if (p === "..") out.pop();
    else out.push(p);
  }
  return `/${out.join("/")}`;
}

/** An in-memory file system of text files. */
export class VirtualFiles implements Files {
  private readonly files: Map<string, string>;
  private readonly dirs: Set<string>;
  private dir: string;

  constructor(home: string, initial: Record<string, string> = {}, shared?: VirtualFiles) {
    this.files = shared?.files ?? new Map();
    this.dirs = shared?.dirs ?? new Set(["/"]);
    this.dir = "/";
    for (const d of ["/tmp", "/etc", home]) this.mkdir(d);
    this.dir = home;
    for (const [name, text] of Object.entries(initial)) this.write(resolvePath(home, name), text);
  }

  /** Another view of the same files with its own working directory (each terminal has its own `cd`). */
  fork(cwd = this.dir): VirtualFiles {
    const view = new VirtualFiles(cwd, {}, this);
    return view;
  }

  /** Every file, absolute path → text (for the CLI's editor and tests). */
  entries(): [string, string][] {
    return [...this.files.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  }

  /** The working directory. */
  get cwd(): string {
    return this.dir;
  }

  /** Changes the working directory (the caller checked it is a directory). */
  chdir(path: string): void {
    this.dir = resolvePath(this.dir, path);
  }

  /** See Files.resolve. */
  resolve(path: string): string {
    return resolvePath(this.dir, path);
  }

  /** See Files.read. */
  read(path: string): string | undefined {
    return this.files.get(this.resolve(path));
  }

  /** See Files.write: creates the parent folders as needed. */
  write(path: string, text: string): void {
    const abs = this.resolve(path);
    this.mkdir(abs.slice(0, abs.lastIndexOf("/")) || "/");
    this.files.set(abs, text);
  }

  /** Removes a file; false if there was none. */
  remove(path: string): boolean {
    return this.files.delete(this.resolve(path));
  }

  /** Creates a directory and its parents. */
  mkdir(path: string): void {
    const abs = this.resolve(path);
    const parts = abs.split("/").filter(Boolean);
    for (let i = 1; i <= parts.length; i++) this.dirs.add(`/${parts.slice(0, i).join("/")}`);
  }

  /** See Files.isDir. */
  isDir(path: string): boolean {
    return this.dirs.has(this.resolve(path));
  }

  /** See Files.list: files and folders directly inside, sorted. */
  list(path: string): string[] | undefined {
    const abs = this.resolve(path);
    if (!this.dirs.has(abs)) return undefined;
    const prefix = abs === "/" ? "/" : `${abs}/`;
    const names = new Set<string>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (p.startsWith(prefix) && p !== abs) {
        const rest = p.slice(prefix.length);
        if (rest && !rest.includes("/")) names.add(rest);
      }
    }
    return [...names].sort();
  }
}
