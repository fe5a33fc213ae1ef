/** The write verbs (apply, delete, scale, set image, patch, annotate, label, …), listed in the registry as one group. */
import { annotateCommand, labelCommand } from "./annotate";
import { applyCommand } from "./apply";
import { deleteCommand } from "./delete";
import { patchCommand } from "./patch";
import { scaleCommand } from "./scale";
import { setCommand, setImageCommand } from "./set-image";
import type { CommandSpec } from "./types";

/** Every write verb, for COMMANDS in commands/index.ts. */
export const WRITE_COMMANDS: CommandSpec[] = [
  annotateCommand,
  applyCommand,
  deleteCommand,
  labelCommand,
  patchCommand,
  scaleCommand,
  setCommand,
  setImageCommand,
];
