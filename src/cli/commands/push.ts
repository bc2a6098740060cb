import { stat } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import { Command } from "commander";
import {
  formatBytes,
  lintBeforePush,
  type PushOutcome,
  type PushProblem,
  type PushProgressEvent,
  pushModelCard,
  redactToken,
  resolveHubCredentials,
} from "../../hub/index.js";
import { LintConfigError, loadLintConfig } from "../../lint/index.js";
import type { DefineCommand } from "../command.js";
import { EXIT, UsageError } from "../exit-codes.js";
import type { CliIo } from "../io.js";

interface PushFlags {
  repo: string;
  createPr?: boolean;
  private?: boolean;
  revision?: string;
  commitMessage?: string;
  cardOnly?: boolean;
  dryRun?: boolean;
  token?: string;
  config?: string;
}

export const pushCommand: DefineCommand = ({ io, exit }) =>
  new Command("push")
    .description(
      "Publish a card, or a whole training run (card, training curves, weights, tokenizer, quantized folders, results), to a Hugging Face model repository in one commit.",
    )
    .argument("[path]", "a training output folder (with its README.md) or a card file", ".")
    .requiredOption("--repo <owner/name>", "the model repository; created when missing")
    .option("--create-pr", "open a pull request instead of committing to the branch")
    .option("--private", "create the repository as private (an existing one keeps its visibility)")
    .option("--revision <branch>", "branch to commit to (created when missing), or the pull request's base", "main")
    .option("--commit-message <text>", "commit or pull request title")
    .option("--card-only", "send only the card")
    .option("--dry-run", "check the card and list what would be sent, without any request")
    .option("--token <token>", "Hugging Face token (default: HF_TOKEN, then the token file under HF_HOME)")
    .option("--config <file>", "lint configuration (default: the nearest modelcard.config.*)")
    .addHelpText(
      "after",
      "\nThe Hub is https://huggingface.co unless HF_ENDPOINT says otherwise. Progress goes to stderr; the summary, with the commit or pull request URL, to stdout.",
    )
    .action(async (target: string, flags: PushFlags) => {
      if (!/^[\w.-]+\/[\w.-]+$/.test(flags.repo)) {
        throw new UsageError(`--repo ${flags.repo}: expected OWNER/NAME, e.g. --repo my-user/my-model`);
      }
      const path = resolve(io.cwd, target);
      const credentials = resolveHubCredentials({ token: flags.token, env: io.env });
      if (!credentials.accessToken && !flags.dryRun) {
        throw new UsageError(
          `no Hugging Face token: pass --token, set HF_TOKEN, or log in with \`hf auth login\` (no token in ${credentials.tokenFile}). The token needs write access.`,
        );
      }
      // The lint configuration nearest to the card: a run folder's own, else its parents'.
      const isFolder = (await stat(path).catch(() => null))?.isDirectory() ?? false;
      const config = await loadConfig(flags.config, io.cwd, isFolder ? path : dirname(path));
      const secret = credentials.accessToken;
      let outcome: PushOutcome;
      try {
        outcome = await pushModelCard({
          path,
          repo: flags.repo,
          hubUrl: credentials.hubUrl,
          ...(secret && { accessToken: secret }),
          validate: lintBeforePush(config),
          revision: flags.revision ?? "main",
          ...(flags.createPr && { createPr: true }),
          ...(flags.private && { private: true }),
          ...(flags.cardOnly && { cardOnly: true }),
          ...(flags.dryRun && { dryRun: true }),
          ...(flags.commitMessage !== undefined && { commitMessage: flags.commitMessage }),
          onProgress: progressPrinter(io),
        });
      } catch (error) {
        // Every failure is shown without the token, whatever produced it.
        const message = redactToken(error instanceof Error ? error.message : String(error), secret);
        throw new Error(message);
      }
      if (outcome.cardGenerated) {
        io.stderr(
          `${target} has no README.md: the card is generated from the run, as \`modelcard generate --from ${target}\` would write it, and is not written to ${target}\n`,
        );
      }
      // Problems point into the card itself, named the way the user named the run or the card.
      const cardPath = outcome.plan.card?.localPath ?? path;
      io.stderr(formatProblems(isAbsolute(target) ? cardPath : relative(io.cwd, cardPath), outcome.problems));
      io.stdout(formatOutcome(outcome));
      exit(outcome.status === "refused" ? EXIT.refused : EXIT.ok);
    });

async function loadConfig(flag: string | undefined, cwd: string, cardFolder: string) {
  try {
    return await loadLintConfig(flag, flag === undefined ? cardFolder : cwd);
  } catch (error) {
    if (error instanceof LintConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/** `path:line:column: severity code: message`, the Hub's messages marked as such. */
export function formatProblems(file: string, problems: readonly PushProblem[]): string {
  return problems
    .map((problem) => {
      const where = problem.line === undefined ? file : `${file}:${problem.line}:${problem.column ?? 1}`;
      const from = problem.source === "hub" ? " (from the Hub)" : "";
      return `${where}: ${problem.severity} ${problem.code}${from}: ${problem.message}\n`;
    })
    .join("");
}

/** The stdout summary: the plan for a dry run, the commit or pull request URL after a push. */
export function formatOutcome(outcome: PushOutcome): string {
  const { plan } = outcome;
  const count = `${plan.files.length} file${plan.files.length === 1 ? "" : "s"} (${formatBytes(plan.totalBytes)})`;
  if (outcome.status === "refused") return `refused: nothing was sent to ${outcome.repoUrl}\n`;
  if (outcome.status === "planned") {
    const width = Math.max(...plan.files.map((file) => file.pathInRepo.length));
    const lines = [`would push ${count} to ${outcome.repoUrl}`];
    for (const file of plan.files) {
      const generated = file.content ? "  (generated, not written to disk)" : "";
      lines.push(`  ${file.pathInRepo.padEnd(width)}  ${formatBytes(file.size)}${generated}`);
    }
    if (plan.skipped.length > 0) lines.push(`left out: ${plan.skipped.join(", ")}`);
    return `${lines.join("\n")}\n`;
  }
  const created = outcome.repoCreated ? " (repository created)" : "";
  if (outcome.pullRequestUrl) {
    return `opened a pull request with ${count} on ${outcome.repoUrl}${created}\npull request: ${outcome.pullRequestUrl}\ncommit: ${outcome.commitUrl}\n`;
  }
  return `pushed ${count} to ${outcome.repoUrl} on ${outcome.branch}${created}\ncommit: ${outcome.commitUrl}\n`;
}

/**
 * Progress on stderr: one line per step and finished file; the bytes of large files as they are hashed and sent,
 * every tenth in a log, or on one line rewritten in place (every hundredth) on a terminal.
 */
function progressPrinter(io: Pick<CliIo, "stderr" | "isTTY">): (event: PushProgressEvent) => void {
  const steps = io.isTTY ? 100 : 10;
  const shown = new Map<string, number>();
  let transient = false;
  const line = (text: string) => {
    io.stderr(`${transient ? "\r\x1b[2K" : ""}${text}\n`);
    transient = false;
  };
  const bytes = (key: string, verb: string, path: string, done: number, size: number) => {
    const step = size > 0 ? Math.floor((done / size) * steps) : steps;
    if (step === (shown.get(key) ?? -1) || step >= steps) return;
    shown.set(key, step);
    const text = `  ${verb} ${path}: ${formatBytes(done)} of ${formatBytes(size)}`;
    if (!io.isTTY) return line(text);
    io.stderr(`\r\x1b[2K${text}`);
    transient = true;
  };
  return (event) => {
    if (event.type === "step") line(event.detail);
    else if (event.type === "retry") {
      line(`  ${event.request} answered ${event.reason}; retry ${event.attempt} in ${event.delayMs / 1000} s`);
    } else if (event.type === "uploaded") line(`  uploaded ${event.path} (${formatBytes(event.size)})`);
    else if (event.type === "hashing") bytes(`hash ${event.path}`, "hashing", event.path, event.hashed, event.size);
    else bytes(`send ${event.path}`, "uploading", event.path, event.sent, event.size);
  };
}
