/**
 * Redirections of one command: `> f`, `>> f`, `< f`, `2> f`, `2>> f`, `2>&1`, `&> f`, `<<EOF`. Output files are
 * written as the command writes (a `tail` of the file in another terminal sees lines arrive);
 * `/dev/null` swallows; ash's messages for a missing input or a folder as output.
 */
import type { Io } from "../kubectl/program";
import { expandJoined, type Steps } from "./expand";
import type { Stdin } from "./host";
import type { Shell } from "./interpreter";
import type { Redirect } from "./parser";

/** A command's streams after its redirections, and close() to call when it ends. */
export interface Redirected {
  io: Io;
  stdin: Stdin | undefined;
  close: () => void;
}

/** Applies `redirects` to `io`/`stdin`; an exit status instead when one cannot be opened (the error is printed). */
export function* applyRedirects(
  sh: Shell,
  redirects: Redirect[],
  io: Io,
  stdin: Stdin | undefined,
): Steps<Redirected | number> {
  let out = io.out;
  let err = io.err;
  let input = stdin;
  const pending: (() => void)[] = [];
  for (const r of redirects) {
    const target = r.target ? yield* expandJoined(r.target, sh.scope(io)) : "";
    if (r.op === "2>&1") {
      err = out;
      continue;
    }
    if (r.op === "<<" || r.op === "<<-") {
      // The target is the here-document's body, already expanded like "…" (or literal when quoted).
      input = { text: target, pos: 0 };
      continue;
    }
    if (r.op === "<") {
      const text = sh.read(target);
      if (text === undefined) {
        io.err(`${sh.host.name}: can't open '${target}': No such file or directory\n`);
        return 1;
      }
      input = { text, pos: 0 };
      continue;
    }
    const sink = fileSink(sh, target, r.op === ">>" || r.op === "2>>", io);
    if (!sink) return 1;
    pending.push(sink.close);
    if (r.op === "2>" || r.op === "2>>") err = sink.write;
    else if (r.op === "&>") {
      out = sink.write;
      err = sink.write;
    } else out = sink.write;
  }
  return {
    io: { out, err },
    stdin: input,
    close: () => {
      for (const c of pending) c();
    },
  };
}

function fileSink(
  sh: Shell,
  path: string,
  append: boolean,
  io: Io,
): { write: (t: string) => void; close: () => void } | undefined {
  if (path === "/dev/null") return { write: () => {}, close: () => {} };
  const files = sh.host.files;
  if (files.isDir(path)) {
    io.err(`${sh.host.name}: can't create ${path}: Is a directory\n`);
    return undefined;
  }
  let text = append ? (files.read(path) ?? "") : "";
  files.write(path, text);
  return {
    write: (t) => {
      text += t;
      files.write(path, text);
    },
    close: () => {},
  };
}
