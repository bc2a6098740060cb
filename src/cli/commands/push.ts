import { lstat, stat } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { Command } from "commander";
import { readRepoId } from "../../card/index.js";
import type { GeneratedCard } from "../../generate/index.js";
import {
  createSecretRedactor,
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_IDLE_TIMEOUT_MS,
  formatBytes,
  type LeftOutPath,
  lintBeforePush,
  type PushOutcome,
  type PushProblem,
  type PushProgressEvent,
  pushModelCard,
  redactValues,
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
  followSymlinks?: boolean;
  include?: string[];
  exclude?: string[];
  timeout?: string;
  json?: boolean;
}

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

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
    .option(
      "--follow-symlinks",
      "send files whose symlinks lead out of the folder (e.g. a Hugging Face cache snapshot)",
    )
    .option("--include <glob>", "send exactly the files matching this glob, with the card (repeatable)", collect)
    .option("--exclude <glob>", "leave out the files matching this glob (repeatable)", collect)
    .option(
      "--timeout <seconds>",
      `give up on a request when no byte moved for this long (default: MODELCARD_TIMEOUT, else ${DEFAULT_IDLE_TIMEOUT_MS / 1000})`,
    )
    .option("--json", "print the plan and the outcome as JSON on stdout")
    .addHelpText(
      "after",
      `\nThe Hub is https://huggingface.co unless HF_ENDPOINT says otherwise. Progress goes to stderr; the summary, with the commit or pull request URL, to stdout. Never sent: .git/, .cache/, this tool's temporary files, and symlinks leading out of the folder (unless --follow-symlinks). A connection must open within ${DEFAULT_CONNECT_TIMEOUT_MS / 1000} s (or the timeout, if shorter).`,
    )
    .action(async (target: string, flags: PushFlags) => {
      const repoId = readRepoId(flags.repo);
      if (repoId.kind !== "hub-id" || repoId.owner === null) {
        throw new UsageError(`--repo ${flags.repo}: expected OWNER/NAME, e.g. --repo my-user/my-model`);
      }
      const idleMs = timeoutMs(flags.timeout, io.env.MODELCARD_TIMEOUT);
      const path = resolve(io.cwd, target);
      const credentials = resolveHubCredentials({ token: flags.token, env: io.env });
      // One redaction step for every line and JSON value this command writes, and for its error.
      const redact = createSecretRedactor(credentials);
      const out = {
        ...io,
        stdout: (text: string) => io.stdout(redact(text)),
        stderr: (text: string) => io.stderr(redact(text)),
      };
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
      let generated: GeneratedCard | null = null;
      let notGenerated: string | null = null;
      try {
        // "generate, then push": a run folder without a card gets the card `generate --from` would write.
        if (isFolder && (await hasNoCard(path))) {
          // Loaded only here: pushing a card that exists needs no template engine nor image renderer.
          const { GenerateInputError, generateCard } = await import("../../generate/index.js");
          try {
            // No hardware detection: the machine that pushes is not always the one that trained.
            generated = await generateCard({ values: { from: path, "repo-name": flags.repo }, hardwareProbe: null });
          } catch (error) {
            if (!(error instanceof GenerateInputError)) throw error;
            notGenerated = error.message;
          }
        }
        outcome = await pushModelCard({
          path,
          repo: flags.repo,
          hubUrl: credentials.hubUrl,
          ...(secret && { accessToken: secret }),
          ...(generated && {
            card: generated.card,
            files: generated.assets.map((asset) => ({ pathInRepo: asset.fileName, content: asset.content })),
          }),
          validate: lintBeforePush(config),
          lintConfig: config,
          revision: flags.revision ?? "main",
          ...(flags.createPr && { createPr: true }),
          ...(flags.private && { private: true }),
          ...(flags.cardOnly && { cardOnly: true }),
          ...(flags.dryRun && { dryRun: true }),
          ...(flags.followSymlinks && { followSymlinks: true }),
          ...(flags.include && { include: flags.include }),
          ...(flags.exclude && { exclude: flags.exclude }),
          ...(idleMs !== undefined && { timeouts: { idleMs } }),
          ...(flags.commitMessage !== undefined && { commitMessage: flags.commitMessage }),
          onProgress: progressPrinter(out),
        });
      } catch (error) {
        // Every failure is shown without the token, whatever produced it; its kind (and exit code) is kept.
        if (error instanceof Error) {
          error.message = redact(error.message);
          throw error;
        }
        throw new Error(redact(String(error)));
      }
      if (notGenerated !== null) outcome = explainMissingCard(outcome, notGenerated);
      if (generated) {
        out.stderr(
          `${target} has no README.md: the card is generated from the run, as \`modelcard generate --from ${target}\` would write it, and is not written to ${target}\n`,
        );
      }
      // Problems point into the card itself, named the way the user named the run or the card.
      const cardPath = outcome.plan.card?.localPath ?? path;
      const shownPath = (path: string) => (isAbsolute(target) ? path : relative(io.cwd, path));
      out.stderr(formatProblems(shownPath(cardPath), outcome.problems, shownPath(isFolder ? path : dirname(path))));
      const json = () => `${JSON.stringify(redactValues(outcomeJson(outcome, Boolean(generated)), redact), null, 2)}\n`;
      out.stdout(flags.json ? json() : formatOutcome(outcome));
      exit(outcome.status === "refused" ? EXIT.refused : EXIT.ok);
    });

/** The folder has no card of its own: no README.md, or a README.md symlink that leads nowhere. */
async function hasNoCard(folder: string): Promise<boolean> {
  const readme = join(folder, "README.md");
  const link = await lstat(readme).catch((error: NodeJS.ErrnoException) => error);
  if (link instanceof Error) return link.code === "ENOENT";
  if (!link.isSymbolicLink()) return false;
  const target = await stat(readme).catch((error: NodeJS.ErrnoException) => error);
  return target instanceof Error && (target.code === "ENOENT" || target.code === "ELOOP");
}

/** The refusal of a folder without a card says why no card could be generated from it. */
function explainMissingCard(outcome: PushOutcome, reason: string): PushOutcome {
  const problems = outcome.problems.map((problem) =>
    problem.code === "missing-card"
      ? {
          ...problem,
          message: problem.message.replace(
            "README.md;",
            `README.md and no card could be generated from it (${reason});`,
          ),
        }
      : problem,
  );
  return { ...outcome, problems };
}

/** `--timeout`, else MODELCARD_TIMEOUT, in seconds -> milliseconds; undefined for the default. */
function timeoutMs(flag: string | undefined, environment: string | undefined): number | undefined {
  const [name, value] = flag !== undefined ? ["--timeout", flag] : ["MODELCARD_TIMEOUT", environment];
  if (value === undefined || value.trim() === "") return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError(
      `${name} ${value}: expected a number of seconds above 0, e.g. ${name === "--timeout" ? "--timeout 300" : "MODELCARD_TIMEOUT=300"}`,
    );
  }
  return Math.round(seconds * 1000);
}

async function loadConfig(flag: string | undefined, cwd: string, cardFolder: string) {
  try {
    return await loadLintConfig(flag, flag === undefined ? cardFolder : cwd);
  } catch (error) {
    if (error instanceof LintConfigError) throw new UsageError(error.message);
    throw error;
  }
}

/**
 * `path:line:column: severity code: message`, the Hub's messages marked as such; a problem about another file of
 * the folder names that file.
 */
export function formatProblems(file: string, problems: readonly PushProblem[], folder = "."): string {
  return problems
    .map((problem) => {
      const where =
        problem.path !== undefined
          ? join(folder, problem.path)
          : problem.line === undefined
            ? file
            : `${file}:${problem.line}:${problem.column ?? 1}`;
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
    return `${lines.join("\n")}\n${formatLeftOut(plan.skipped)}`;
  }
  const created = outcome.repoCreated ? " (repository created)" : "";
  const confirmed = outcome.confirmedAfterLostAnswer ? " (its answer was lost; the commit was found on the Hub)" : "";
  if (outcome.pullRequestUrl) {
    return `opened a pull request with ${count} on ${outcome.repoUrl}${created}${confirmed}\npull request: ${outcome.pullRequestUrl}\ncommit: ${outcome.commitUrl}\n${formatLeftOut(plan.skipped)}`;
  }
  return `pushed ${count} to ${outcome.repoUrl} on ${outcome.branch}${created}${confirmed}\ncommit: ${outcome.commitUrl}\n${formatLeftOut(plan.skipped)}`;
}

/** `left out: a, b (reason); c (other reason)`: what the folder holds that was not sent, grouped by why. */
function formatLeftOut(skipped: readonly LeftOutPath[]): string {
  if (skipped.length === 0) return "";
  const byReason = new Map<string, string[]>();
  for (const { path, reason } of skipped) byReason.set(reason, [...(byReason.get(reason) ?? []), path]);
  const groups = [...byReason].map(([reason, paths]) => `${paths.join(", ")} (${reason})`);
  return `left out: ${groups.join("; ")}\n`;
}

/** The `--json` shape: the plan, the outcome, what was left out and why, the problems. */
export function outcomeJson(outcome: PushOutcome, cardGenerated = false) {
  const { plan } = outcome;
  return {
    status: outcome.status,
    repoUrl: outcome.repoUrl,
    cardGenerated,
    files: plan.files.map((file) => ({ path: file.pathInRepo, size: file.size, generated: Boolean(file.content) })),
    totalBytes: plan.totalBytes,
    leftOut: plan.skipped,
    outsideLinks: plan.outsideLinks,
    problems: outcome.problems,
    ...(outcome.status === "pushed" && {
      branch: outcome.branch,
      repoCreated: outcome.repoCreated,
      commitOid: outcome.commitOid,
      commitUrl: outcome.commitUrl,
      pullRequestUrl: outcome.pullRequestUrl,
      confirmedAfterLostAnswer: outcome.confirmedAfterLostAnswer,
    }),
  };
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
