/**
 * The session layer's entry: what the CLI, the browser app and the lessons drive (one cluster, its clock,
 * N terminals, the learner's files). Nothing here depends on Node or the DOM.
 */
export { VirtualFiles } from "../shell/files";
export { CLEAR_SEQUENCE } from "../shell/utilities";
export { completeLine } from "./complete";
export {
  Session,
  type SessionInput,
  type SessionOptions,
  type SessionRecord,
  type Snapshot,
} from "./session";
export { CONTINUATION_PROMPT, SHELL_PROMPT, Terminal, type TranscriptEntry } from "./terminal";
