import { Command, CommanderError } from "commander";
import { MetadataConflictError } from "../card/metadata-conflict-error.js";
import { COMMANDS, type CommandEntry } from "./commands/index.js";
import { EXIT, exitCodeFor } from "./exit-codes.js";
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
  // The first word that is not an option names the command: only that one is loaded. Without a known one
  // (top-level help, a typo), the list is built from names and summaries alone.
  const words = argv.filter((argument) => !argument.startsWith("-"));
  // `modelcard help lint` asks for the help of lint.
  const requested = words[0] === "help" ? words[1] : words[0];
  if (requested !== undefined && Object.hasOwn(COMMANDS, requested)) {
    const define = await (COMMANDS[requested] as CommandEntry).load();
    const command = define({ io, exit: (code) => (exitCode = code) });
    command
      .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
      .showHelpAfterError("(run with --help for usage)")
      .exitOverride();
    program.addCommand(command);
  } else {
    for (const [name, { summary }] of Object.entries(COMMANDS)) program.command(name).description(summary);
    program.configureHelp({ subcommandTerm: (command) => COMMANDS[command.name()]?.term ?? command.name() });
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
    // huggingface_hub's words name its Python argument; on the command line it is a flag.
    const hint = error instanceof MetadataConflictError ? " On the command line: --overwrite." : "";
    io.stderr(`modelcard: ${message}${hint}\n`);
    return exitCodeFor(error);
  }
}
