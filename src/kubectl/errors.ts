/**
 * kubectl's error printing (cmdutil.CheckErr): API errors as `Error from server (<Reason>): …`, Invalid
 * errors as `The <Kind> "<name>" is invalid: …` (one cause inline, several as `* …` lines), everything
 * else as `error: …` (never doubled), usage errors with the `See 'kubectl <cmd> -h' …` footer, and cobra's
 * flag errors as `Error: …` + `See 'kubectl <cmd> --help' for usage.`. All go to stderr; the exit code is 1.
 */
import { ApiError } from "../engine";
import { FlagError } from "./flags";
import type { Io } from "./program";

/** A plain command error: printed as `error: <message>`. */
export class CmdError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CmdError";
  }
}

/** A usage error: `error: <message>` then `See 'kubectl <path> -h' for help and examples`. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** Several errors of one run (kubectl's utilerrors aggregate): one line each. */
export class ErrorList extends Error {
  constructor(readonly errors: Error[]) {
    super(errors.map((e) => e.message).join(", "));
    this.name = "ErrorList";
  }
}

/** An error that was already printed (the command wrote its own lines); only the exit code remains. */
export class SilentError extends Error {
  constructor(readonly code = 1) {
    super("");
    this.name = "SilentError";
  }
}

/** The text of an API error as kubectl prints it (without a trailing newline). */
export function apiErrorText(err: ApiError): string {
  if (err.reason === "Invalid") {
    const causes = err.details.causes ?? [];
    const kind = err.details.kind ?? "";
    const name = err.details.name ?? "";
    const head = kind || name ? `The ${kind} "${name}" is invalid` : "The request is invalid";
    // Without kind, name and causes (a JSON patch that does not apply) kubectl appends the message.
    if (causes.length === 0) return kind || name || !err.message ? head : `${head}: ${err.message}`;
    if (causes.length === 1) return `${head}: ${causes[0]?.field}: ${causes[0]?.message}`;
    return [`${head}: `, ...causes.map((c) => `* ${c.field}: ${c.message}`)].join("\n");
  }
  return err.reason
    ? `Error from server (${err.reason}): ${err.message}`
    : `Error from server: ${err.message}`;
}

/** `error: <message>` unless the message already starts with `error: `. */
export function errorLine(message: string): string {
  return message.startsWith("error: ") ? message : `error: ${message}`;
}

/** Prints `err` as kubectl does for the command at `path` (`rollout history`); returns the exit code. */
export function printError(err: unknown, io: Io, path: string): number {
  if (err instanceof SilentError) return err.code;
  if (err instanceof FlagError) {
    io.err(`Error: ${err.message}\nSee 'kubectl ${withSpace(path)}--help' for usage.\n`);
    return 1;
  }
  if (err instanceof CobraError) {
    io.err(`Error: ${err.message}\n`);
    return 1;
  }
  if (err instanceof UsageError) {
    io.err(`${errorLine(err.message)}\nSee 'kubectl ${path} -h' for help and examples\n`);
    return 1;
  }
  if (err instanceof ErrorList && err.errors.length !== 1) {
    // Aggregates print one line per error: API errors keep their form, others are printed raw.
    for (const e of err.errors) io.err(`${e instanceof ApiError ? apiErrorText(e) : e.message}\n`);
    return 1;
  }
  if (err instanceof ErrorList) return printError(err.errors[0], io, path);
  io.err(`${errorText(err)}\n`);
  return 1;
}

/** One error as a line of text (API form or `error: …`). */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) return apiErrorText(err);
  if (err instanceof Error) return errorLine(err.message);
  return errorLine(String(err));
}

function withSpace(path: string): string {
  return path ? `${path} ` : "";
}

/** An error cobra prints itself: `Error: <message>` with no footer (a RunE error, e.g. describe without a type). */
export class CobraError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CobraError";
  }
}
