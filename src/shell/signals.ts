/** Control-flow signals of the shell, thrown to unwind: `exit` to the top, `break`/`continue` to the loop. */

/** Thrown by `exit` to unwind to the top of the shell. */
export class ShellExit extends Error {
  constructor(readonly code: number) {
    super("exit");
  }
}

/** Thrown by `break`/`continue` to unwind to the enclosing loop. */
export class LoopControl extends Error {
  constructor(readonly kind: "break" | "continue") {
    super(kind);
  }
}
