import { existsSync, readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { Command, InvalidArgumentError } from "commander";
import type { ConfiguredSeverity, FileResult, LintConfig } from "../../lint/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import { hubTarget, isOffline } from "../hub-card-target.js";
import type { CliIo } from "../io.js";
import { readStdinBytes } from "../read-stdin-bytes.js";
import { VERSION } from "../version.js";

// The engine loads when the command runs, so that other commands (and --help) never pay for it.
type LintModule = typeof import("../../lint/index.js");

type Format = "pretty" | "json" | "sarif" | "github";

interface LintFlags {
  format: Format;
  config?: string;
  fix?: boolean;
  maxWarnings?: number;
  jobs?: number;
  listRules?: boolean;
  quiet?: boolean;
  rule?: Record<string, ConfiguredSeverity>;
  ignorePattern?: string[];
  revision?: string;
  author?: string;
  limit?: number;
  concurrency: number;
  offline?: boolean;
}

/** A progress line appears on a terminal once this many cards have been linted. */
const PROGRESS_AFTER = 300;

function count(name: string, minimum: number) {
  return (value: string) => {
    const number = Number(value);
    if (!Number.isInteger(number) || number < minimum) {
      throw new InvalidArgumentError(`${name} must be an integer of at least ${minimum}.`);
    }
    return number;
  };
}

/** `--rule ID=SEVERITY`, repeatable, as ESLint's `--rule`; later ones win. */
function ruleSetting(
  value: string,
  previous: Record<string, ConfiguredSeverity> = {},
): Record<string, ConfiguredSeverity> {
  const match = /^\s*([^=:\s]+)\s*[=:]\s*(off|warn|error)\s*$/.exec(value);
  if (!match)
    throw new InvalidArgumentError(`write ID=SEVERITY with a severity of off, warn or error, e.g. license=warn.`);
  return { ...previous, [match[1] as string]: match[2] as ConfiguredSeverity };
}

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function format(value: string): Format {
  if (value === "pretty" || value === "json" || value === "sarif" || value === "github") return value;
  throw new InvalidArgumentError("use pretty, json, sarif or github.");
}

async function loadConfig(
  lint: LintModule,
  flags: LintFlags,
  io: CliIo,
): Promise<{ config: LintConfig; configPath: string | null }> {
  const configPath = flags.config === undefined ? lint.findLintConfig(io.cwd) : resolve(io.cwd, flags.config);
  try {
    const loaded = await lint.loadLintConfig(configPath ?? undefined, io.cwd);
    if (flags.rule === undefined) return { config: loaded, configPath };
    // Command-line severities win over the file's, as ESLint's --rule does.
    const config: LintConfig = { ...loaded, rules: { ...loaded.rules, ...flags.rule } };
    lint.resolveLintConfig(config);
    return { config, configPath };
  } catch (error) {
    if (error instanceof lint.LintConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** Machine output is gathered into writes of about this size: one write per card costs a system call each. */
const WRITE_SIZE = 64 * 1024;

/** Writes results as they come, in the chosen format, and keeps the totals. */
function createOutput(lint: LintModule, io: CliIo, flags: LintFlags, config: LintConfig) {
  const totals = new lint.LintTotals();
  let pending = "";
  const write = (text: string) => {
    pending += text;
    if (pending.length >= WRITE_SIZE) flush();
  };
  const flush = () => {
    if (pending !== "") io.stdout(pending);
    pending = "";
  };
  let fatal = false;
  let separator = "";
  const sarif =
    flags.format === "sarif"
      ? lint.createSarifWriter(
          lint.resolveLintConfig(config).map((active) => active.rule),
          VERSION,
        )
      : null;
  const color = io.isTTY && !("NO_COLOR" in io.env);
  let lastProgress = 0;
  const progress = (done: number) => {
    if (!io.isTTY || done < PROGRESS_AFTER || Date.now() - lastProgress < 100) return;
    lastProgress = Date.now();
    io.stderr(`\r\x1b[Klinting… ${done} cards, ${totals.errorCount} errors, ${totals.warningCount} warnings`);
  };
  return {
    start() {
      if (flags.format === "json") write("[");
      if (sarif) write(sarif.start());
    },
    /** `result.file` is where to read the text for code frames; `file` is the name to show. */
    add(linted: FileResult, file: string, text?: string) {
      // --quiet: errors only, as if the warnings had not been found (ESLint's --quiet).
      const result = flags.quiet
        ? lint.fileResult(
            linted.file,
            linted.messages.filter((message) => message.severity === "error"),
            {
              ...(linted.fatal ? { fatal: true } : {}),
              ...(linted.fixed === undefined ? {} : { fixed: linted.fixed }),
            },
          )
        : linted;
      totals.add(result);
      fatal ||= Boolean(result.fatal);
      const shown = { ...result, file };
      if (flags.format === "json") {
        // As ESLint's `output`: the fixed text of a file that --fix changed.
        const output = result.fixed ? readText(result.file) : undefined;
        const eslint = lint.toEslintResult(result, { filePath: file, ...(output === undefined ? {} : { output }) });
        write(`${separator}${JSON.stringify(eslint)}`);
        separator = ",";
      } else if (sarif) {
        const results = sarif.results(shown);
        if (results) {
          write(`${separator}${results}`);
          separator = ",";
        }
      } else if (flags.format === "github") {
        write(lint.formatGithubFile(shown));
      } else if (result.messages.length > 0) {
        const source = text ?? (result.fatal ? undefined : readText(result.file));
        if (lastProgress) io.stderr("\r\x1b[K");
        io.stdout(lint.formatPrettyFile(shown, { color, ...(source === undefined ? {} : { text: source }) }));
      }
      progress(totals.files);
    },
    end(): number {
      if (lastProgress) io.stderr("\r\x1b[K");
      const none = totals.files === 0;
      if (flags.format === "json") write("]\n");
      if (sarif) write(sarif.end());
      flush();
      // No card at all is a usage error, said once on stderr, not a clean summary.
      if (flags.format === "pretty" && !none) io.stdout(lint.formatPrettySummary(totals, color));
      if (flags.format === "github" && !none) io.stdout(lint.formatGithubSummary(totals));
      const tooManyWarnings = flags.maxWarnings !== undefined && totals.warningCount > flags.maxWarnings;
      if (tooManyWarnings && totals.errorCount === 0) {
        io.stderr(
          `modelcard lint: ${totals.warningCount} ${totals.warningCount === 1 ? "warning" : "warnings"}, more than --max-warnings ${flags.maxWarnings}; fix some or raise the limit.\n`,
        );
      }
      if (none)
        io.stderr("modelcard lint: no cards found; pass README.md files, *.md cards or folders holding them.\n");
      if (fatal || none) return EXIT.usage;
      return totals.errorCount > 0 || tooManyWarnings ? EXIT.refused : EXIT.ok;
    },
  };
}

function readText(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function listRules(lint: LintModule, io: CliIo, config: LintConfig): void {
  for (const { rule, severity } of lint.resolveLintConfig(config)) {
    const level = severity ?? rule.defaultSeverity;
    io.stdout(
      `${rule.id.padEnd(26)} ${level.padEnd(8)} ${rule.fixable ? "fixable" : "       "}  ${rule.description}\n`,
    );
  }
  // The rules of .eval_results/*.yaml files, with the severity the configuration gives them.
  for (const { rule, severity } of lint.activeEvalResultsRules(config)) {
    io.stdout(
      `${rule.id.padEnd(26)} ${severity.padEnd(8)} ${rule.fixable ? "fixable" : "       "}  ${rule.description}\n`,
    );
  }
}

export const lintCommand: DefineCommand = ({ io, exit }) =>
  new Command("lint")
    .description(
      "Check cards against the Hub's rules and more: files, folders (every README.md and card below) or - for stdin.",
    )
    .argument("[paths...]", "cards or folders (default: README.md)")
    .option(
      "--format <format>",
      "pretty, json, sarif (GitHub code scanning) or github (pull-request annotations in GitHub Actions)",
      format,
      "pretty" as Format,
    )
    .option("--config <file>", "a modelcard.config.json or .yaml (default: the nearest one from the current folder up)")
    .option("--fix", "apply safe fixes and write the files (atomically); what is left is reported")
    .option("--max-warnings <n>", "exit with code 1 when there are more warnings than this", count("--max-warnings", 0))
    .option("--jobs <n>", "worker threads for many files (default: one per core)", count("--jobs", 1))
    .option("--quiet", "report errors only (no warnings)")
    .option("--rule <id=severity>", "set a rule's severity: off, warn or error (repeatable)", ruleSetting)
    .option(
      "--ignore-pattern <glob>",
      "skip files and folders matching this glob, relative to the current folder (repeatable)",
      collect,
    )
    .option("--list-rules", "list the rules with their severity and exit")
    .option("--author <name>", "also lint every model card of this user or organization on the Hub")
    .option("--limit <n>", "with --author: at most this many models", count("--limit", 1))
    .option("--concurrency <n>", "cards read from the Hub at the same time", count("--concurrency", 1), 8)
    .option("--revision <rev>", "for cards on the Hub (hf://OWNER/NAME): a branch, tag, commit id or refs/pr/N")
    .option("--offline", "never contact the Hub (also HF_HUB_OFFLINE=1)")
    .action(async (paths: string[], flags: LintFlags) => {
      const lint = await import("../../lint/index.js");
      const { config, configPath } = await loadConfig(lint, flags, io);
      if (flags.listRules) {
        listRules(lint, io, config);
        exit(EXIT.ok);
        return;
      }
      // Cards on the Hub (hf://OWNER/NAME, --author) are read after the local ones.
      const hubRepos = paths.filter((path) => path.startsWith("hf://"));
      const onHub = hubRepos.length > 0 || flags.author !== undefined;
      if (onHub && isOffline(io, flags.offline)) {
        throw new UsageError(
          `${hubRepos[0] ?? `--author ${flags.author}`}: offline mode (--offline or HF_HUB_OFFLINE) sends no request; unset it to lint cards on the Hub`,
        );
      }
      if (flags.limit !== undefined && flags.author === undefined) {
        throw new UsageError("--limit applies to --author: pass --author ORG, or drop --limit.");
      }
      if (onHub && flags.fix)
        throw new UsageError("--fix cannot write to the Hub; edit a card there with `modelcard update`.");
      const repos = hubRepos.map((path) => hubTarget(path, { cwd: io.cwd, allowBareId: false })?.repo as string);
      const localPaths = paths.filter((path) => !path.startsWith("hf://"));
      const targets = localPaths.map((path) => (path === "-" ? path : resolve(io.cwd, path)));
      if (targets.length === 0 && !onHub) {
        const readme = resolve(io.cwd, "README.md");
        if (!existsSync(readme)) throw new UsageError("no card given and no README.md here; pass a card or a folder.");
        targets.push(readme);
      }
      if (targets.includes("-") && flags.fix) throw new UsageError("--fix cannot write to stdin; lint a file instead.");
      // Files below the current folder are shown relative to it (as SARIF and editors expect), others in full.
      const shown = (path: string) => {
        const below = relative(io.cwd, path);
        return below === "" || below.startsWith("..") || isAbsolute(below) ? path : below;
      };
      const output = createOutput(lint, io, flags, config);
      output.start();
      if (targets.includes("-")) {
        // Decoded by the card as a file is: binary content is reported, never printed as a card.
        const bytes = await readStdinBytes(io);
        const result = (await lint.lintCardBytes(bytes, "<stdin>", { config })) as FileResult;
        output.add(result, "<stdin>", result.fatal ? undefined : Buffer.from(bytes).toString("utf8"));
      }
      const files = lint.collectCardFiles(
        targets.filter((path) => path !== "-"),
        { ignorePatterns: flags.ignorePattern ?? [], cwd: io.cwd },
      );
      await lint.lintFiles(files, {
        config,
        configPath,
        cwd: io.cwd,
        fix: Boolean(flags.fix),
        ...(flags.jobs === undefined ? {} : { jobs: flags.jobs }),
        onResult: (result) => output.add(result, shown(result.file)),
      });
      if (onHub) {
        const { lintHubCards } = await import("../lint-hub-cards.js");
        await lintHubCards({
          repos,
          author: flags.author,
          limit: flags.limit,
          revision: flags.revision,
          concurrency: flags.concurrency,
          config,
          lint,
          io,
          onResult: (result, name, text) => output.add(result, name, text),
        });
      }
      exit(output.end());
    });
