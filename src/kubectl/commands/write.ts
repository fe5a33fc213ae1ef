/** The write verbs (apply, delete, scale, set image, patch, annotate, label, expose, run, exec, edit, create deployment), listed in the registry as one group. */
import { annotateCommand, labelCommand } from "./annotate";
import { applyCommand } from "./apply";
import { createDeploymentCommand } from "./create-deployment";
import { deleteCommand } from "./delete";
import { editCommand } from "./edit";
import { execCommand } from "./exec";
import { exposeCommand } from "./expose";
import { patchCommand } from "./patch";
import { runCommand } from "./run";
import { scaleCommand } from "./scale";
import { setCommand, setImageCommand } from "./set-image";
import type { CommandSpec } from "./types";

/** Every write verb, for COMMANDS in commands/index.ts. */
export const WRITE_COMMANDS: CommandSpec[] = [
  annotateCommand,
  applyCommand,
  createDeploymentCommand,
  deleteCommand,
  editCommand,
  execCommand,
  exposeCommand,
  labelCommand,
  patchCommand,
  runCommand,
  scaleCommand,
  setCommand,
  setImageCommand,
];
