import { Command, CommanderError } from "commander";
import { MetadataConflictError } from "../card/index.js";
import { commandLoaders } from "./commands/index.js";
import { EXIT } from "./exit-codes.js";
import { type CliIo, processIo } from "./io.js";
import { VERSION } from "./version.js";

/** Runs the command line `argv` (without `node` and the script) and resolves to the exit code. */
export async function cli(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command("modelcard")
    .description("Write, read, check, edit and publish Hugging Face model cards.")
    .version(VERSION)
    .showHelpAfterError("(run with --help for usage)")
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();
  // The first word that is not an option names the command; without a known one, load all (help, suggestions).
  const requested = argv.find((argument) => !argument.startsWith("-"));
  const names =
    requested !== undefined && Object.hasOwn(commandLoaders, requested) ? [requested] : Object.keys(commandLoaders);
  const commands = await Promise.all(names.map((name) => commandLoaders[name]!()));
  for (const define of commands) {
    const command = define({ io, exit: (code) => (exitCode = code) });
    command
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError("(run with --help for usage)")
      .exitOverride();
    program.addCommand(command);
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here with code 0; a usage error has already been printed.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`modelcard: ${message}\n`);
    return error instanceof MetadataConflictError ? EXIT.refused : EXIT.usage;
  }
}
