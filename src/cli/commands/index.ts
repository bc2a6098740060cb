import type { DefineCommand } from "../command.js";
import { generateCommand } from "./generate.js";
import { inspectCommand } from "./inspect.js";
import { lintCommand } from "./lint.js";
import { pushCommand } from "./push.js";
import { updateCommand } from "./update.js";

/** Every command, in the order `modelcard --help` lists them. */
export const commands: readonly DefineCommand[] = [
  generateCommand,
  inspectCommand,
  updateCommand,
  lintCommand,
  pushCommand,
];
