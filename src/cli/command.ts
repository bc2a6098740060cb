import type { Command } from "commander";
import type { CliIo } from "./io.js";

export interface CommandContext {
  io: CliIo;
  /** Sets the process exit code for this run. */
  exit: (code: number) => void;
}

/** Each command file exports one of these: it builds the commander command and wires it to the library. */
export type DefineCommand = (context: CommandContext) => Command;
