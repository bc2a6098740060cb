import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import {
  type CommitOperation,
  type CommitOutput,
  commitIter,
  createBranch,
  createRepo,
  HubApiError,
  repoExists,
  whoAmI,
} from "@huggingface/hub";
import { ModelCard, readRepoId } from "../card/index.js";
import { FileAccessError } from "../errors/file-access-error.js";
import { type GeneratedCard, GenerateInputError, generateCard } from "../generate/index.js";
import { binaryContentReason } from "../io/binary-content-reason.js";
import type { LintConfig } from "../lint/types.js";
import { describePushFailure } from "./describe-push-failure.js";
import { fetchWithRetries, networkErrorCode, type RetryNotice, type RetryOptions } from "./fetch-with-retries.js";
import { fetchWithTimeouts, type HubTimeouts } from "./fetch-with-timeouts.js";
import { fetchWithUploadProgress } from "./fetch-with-upload-progress.js";
import { findPushedCommit } from "./find-pushed-commit.js";
import { getHubJson } from "./get-hub-json.js";
import { HubConnectionError } from "./hub-connection-error.js";
import { type LocalCardCheck, lintBeforePush } from "./lint-before-push.js";
import { lintEvalResultsBeforePush } from "./lint-eval-results-before-push.js";
import { locateHubMessage } from "./locate-hub-message.js";
import { planUpload, type UploadPlan } from "./plan-upload.js";
import { PushFailedError, type PushStep } from "./push-failed-error.js";
import type { PushProblem } from "./push-problem.js";
import { redactToken } from "./redact-token.js";
import { resolveHubCredentials } from "./resolve-hub-credentials.js";
import { validateCardOnHub } from "./validate-card-on-hub.js";

export interface PushModelCardParams {
  /** A training output directory (its README.md and model files) or a card file (sent as README.md). */
  path: string;
  /** `owner/name` of the model repository; created when missing. */
  repo: string;
  /** Send only the card. */
  cardOnly?: boolean;
  /** Send files whose symlinks lead out of the folder; without it such a link refuses the push. */
  followSymlinks?: boolean;
  /** Send exactly the files matching these globs (as `upload_folder`'s `allow_patterns`), with the card. */
  include?: readonly string[];
  /** Leave out the files matching these globs (as `upload_folder`'s `ignore_patterns`); never the card. */
  exclude?: readonly string[];
  /** Open a pull request instead of committing to the branch. */
  createPr?: boolean;
  /** Create the repository as private (an existing repository keeps its visibility). */
  private?: boolean;
  /** Branch to commit to (created from main when missing), or the pull request's base. Default `main`. */
  revision?: string;
  /** Commit (or pull request) title. */
  commitMessage?: string;
  commitDescription?: string;
  /**
   * When a directory has no README.md, push the card `modelcard generate --from DIR` would write (and its curves),
   * without writing them to the directory. Default true; false refuses instead.
   */
  generateMissingCard?: boolean;
  /** Check the card and list the files, sending no request at all. */
  dryRun?: boolean;
  /** Defaults to `HF_TOKEN`, then the token file under `HF_HOME`. */
  accessToken?: string;
  /** Defaults to `HF_ENDPOINT`, then https://huggingface.co. */
  hubUrl?: string;
  /** Replaces the default fetch (which applies `timeouts`). */
  fetch?: typeof fetch;
  /** Connect and idle timeouts of every request (defaults: 10 s and 120 s). */
  timeouts?: HubTimeouts;
  /** The local check that must pass before anything is sent. Default: the lint rules with their default settings. */
  validate?: LocalCardCheck;
  /** Lint configuration for the `.eval_results/*.yaml` files sent with the card (default: the rules' defaults). */
  lintConfig?: LintConfig;
  retry?: RetryOptions;
  onProgress?: (event: PushProgressEvent) => void;
  abortSignal?: AbortSignal;
}

export type PushProgressEvent =
  | { type: "step"; step: PushStep; detail: string }
  | { type: "hashing"; path: string; hashed: number; size: number }
  | { type: "bytes"; path: string; sent: number; size: number }
  | { type: "uploaded"; path: string; size: number }
  | ({ type: "retry" } & RetryNotice);

export interface PushOutcomeBase {
  plan: UploadPlan;
  /** The card was generated from the run because the directory had none. */
  cardGenerated: boolean;
  /** Local problems and the Hub's warnings (errors only when refused). */
  problems: PushProblem[];
  repoUrl: string;
}

export type PushOutcome =
  | (PushOutcomeBase & { status: "refused" })
  | (PushOutcomeBase & { status: "planned" })
  | (PushOutcomeBase & {
      status: "pushed";
      repoCreated: boolean;
      branch: string;
      commitOid: string;
      commitUrl: string;
      /** Set when `createPr` was asked. */
      pullRequestUrl: string | null;
      /** The commit's answer was lost (dropped, timed out, 5xx) and the commit was then found on the Hub. */
      confirmedAfterLostAnswer: boolean;
    });

/**
 * Publishes a card, or a whole training run, as one atomic commit through @huggingface/hub: checks the card
 * locally (errors refuse the push), then asks the Hub to validate it (errors refuse, warnings are kept), creates the
 * repository when missing, and commits README.md with the planned files on top of the branch head
 * (`parentCommit`), or opens a pull request. Large files are streamed from disk. Every request has a connect and an
 * idle timeout; requests safe to repeat are retried on 429, 5xx and dropped connections. A commit is never sent
 * twice: when its answer is lost, the branch (or the open pull requests) is read to find it. Symlinks that lead out
 * of the folder refuse the push unless `followSymlinks`; unreadable or binary files throw before anything is sent.
 * Failures throw a PushFailedError whose message never holds the token. The user's files are only read.
 */
export async function pushModelCard(params: PushModelCardParams): Promise<PushOutcome> {
  const id = readRepoId(params.repo);
  if (id.kind !== "hub-id" || id.owner === null) {
    throw new TypeError(`repo "${params.repo}" is not OWNER/NAME (e.g. my-user/my-model)`);
  }
  // Only what the caller leaves out is looked up, the way Hugging Face tools do.
  const fromEnvironment = () => resolveHubCredentials({ env: process.env });
  const hubUrl = (params.hubUrl ?? fromEnvironment().hubUrl).replace(/\/+$/, "");
  const repoUrl = `${hubUrl}/${params.repo}`;
  const plan = await planUpload({
    path: params.path,
    ...(params.cardOnly && { cardOnly: true }),
    ...(params.followSymlinks && { followSymlinks: true }),
    ...(params.include && { include: params.include }),
    ...(params.exclude && { exclude: params.exclude }),
  });
  if (plan.unreadable.length > 0) {
    const list = plan.unreadable.map((entry) => `  ${entry.localPath}: ${entry.reason}\n`).join("");
    throw new FileAccessError(
      "FILE_UNREADABLE",
      params.path,
      `cannot read what the push would send; nothing was sent:\n${list.trimEnd()}`,
    );
  }
  const cardGenerated = !plan.card && params.generateMissingCard !== false;
  const base = { plan, repoUrl, cardGenerated };
  if (!plan.card) {
    const reason = cardGenerated ? await addGeneratedCard(plan, params) : null;
    if (!plan.card) {
      const problem: PushProblem = {
        source: "card",
        code: "missing-card",
        severity: "error",
        message: `${params.path} has no README.md${reason ? ` and no card could be generated from it (${reason})` : ""}; write one with \`modelcard generate --from ${params.path}\`, then push again`,
      };
      return { ...base, cardGenerated: false, status: "refused", problems: [problem] };
    }
  }

  const cardBytes = plan.card.content ?? (await readFile(plan.card.localPath));
  const binary = binaryContentReason(cardBytes);
  if (binary) {
    const message = `${plan.card.localPath}: not a text file (${binary}); nothing was sent`;
    throw new FileAccessError("FILE_UNREADABLE", plan.card.localPath, message);
  }
  const cardText = cardBytes.toString("utf8");
  const card = ModelCard.parse(cardText);
  const problems = [...(await (params.validate ?? lintBeforePush())(card, { filePath: plan.card.localPath }))];
  problems.push(...(await lintEvalResultsBeforePush(plan.files, params.lintConfig)));
  for (const link of plan.outsideLinks) {
    problems.push({
      source: "files",
      code: "symlink-outside-folder",
      severity: "error",
      path: link.path,
      message: `a symlink to ${link.target}, outside the folder: not sent (pass --follow-symlinks to send it)`,
    });
  }
  if (problems.some((problem) => problem.severity === "error")) return { ...base, status: "refused", problems };
  if (params.dryRun) return { ...base, status: "planned", problems };

  const accessToken = params.accessToken ?? fromEnvironment().accessToken;
  if (!accessToken) {
    throw new TypeError(
      "no Hugging Face token: pass accessToken, set HF_TOKEN, or log in with `hf auth login` (it writes the token file under HF_HOME)",
    );
  }
  const emit = params.onProgress ?? (() => undefined);
  const sizes = new Map(plan.files.map((file) => [file.pathInRepo, file.size]));
  const partsSent = new Map<string, Map<number, number>>();
  const hubFetch = fetchWithRetries(
    fetchWithUploadProgress(params.fetch ?? fetchWithTimeouts(params.timeouts), ({ path, part, sent }) => {
      const parts = partsSent.get(path) ?? new Map<number, number>();
      partsSent.set(path, parts.set(part, sent));
      let total = 0;
      for (const value of parts.values()) total += value;
      emit({ type: "bytes", path, sent: total, size: sizes.get(path) ?? total });
    }),
    {
      isSafeToRetry,
      ...params.retry,
      onRetry: (notice) => {
        params.retry?.onRetry?.(notice);
        emit({ type: "retry", ...notice });
      },
    },
  );
  const hub = { hubUrl, accessToken, fetch: hubFetch };
  const repo = { type: "model" as const, name: params.repo };
  const branch = params.revision ?? "main";
  let repoCreated = false;
  /** Runs one step; a failure becomes a PushFailedError saying what happened to the repository. */
  const guard = <T>(step: PushStep | (() => PushStep), action: () => Promise<T>) =>
    action().catch((error: unknown) => {
      const failedStep = typeof step === "function" ? step() : step;
      throw describePushFailure(failedStep, error, { accessToken, repoUrl, hubUrl, repoCreated });
    });

  emit({ type: "step", step: "check-token", detail: `checking the token with ${hubUrl}` });
  const me = await guard("check-token", () => whoAmI(hub));
  if (me.auth.accessToken?.role === "read") {
    const message = `the token is read-only; create one with write access at ${hubUrl}/settings/tokens`;
    return {
      ...base,
      status: "refused",
      problems: [{ source: "hub", code: "read-only-token", severity: "error", message }],
    };
  }

  emit({ type: "step", step: "validate-on-hub", detail: `validating the card with ${hubUrl}/api/validate-yaml` });
  const validation = await guard("validate-on-hub", () => validateCardOnHub({ ...hub, content: cardText }));
  const hubProblem = (severity: "error" | "warning") => (message: string) => ({
    source: "hub" as const,
    code: `hub-${severity}`,
    severity,
    message,
    ...locateHubMessage(card, message),
  });
  problems.push(...validation.errors.map(hubProblem("error")), ...validation.warnings.map(hubProblem("warning")));
  if (validation.errors.length > 0) return { ...base, status: "refused", problems };

  await guard("create-repo", async () => {
    if (await repoExists({ ...hub, repo })) {
      if (params.private) {
        const message = `${repoUrl} already exists: its visibility is unchanged (private only applies to a new repository)`;
        problems.push({ source: "hub", code: "visibility-unchanged", severity: "warning", message });
      }
      return;
    }
    emit({ type: "step", step: "create-repo", detail: `creating ${repoUrl}${params.private ? " (private)" : ""}` });
    try {
      await createRepo({ ...hub, repo, ...(params.private && { visibility: "private" as const }) });
      repoCreated = true;
    } catch (error) {
      // 409: it exists but this token could not see it (or it was just created elsewhere); the commit will tell.
      if (!(error instanceof HubApiError && error.statusCode === 409)) throw error;
    }
  });
  if (branch !== "main" && !params.createPr) {
    emit({ type: "step", step: "create-branch", detail: `making sure branch ${branch} exists` });
    await guard("create-branch", () =>
      createBranch({ ...hub, repo, branch }).catch((error: unknown) => {
        if (!(error instanceof HubApiError && error.statusCode === 409)) throw error;
      }),
    );
  }

  emit({ type: "step", step: "read-head", detail: `reading the head of ${branch}` });
  const parentCommit = await guard("read-head", () => branchHead(hub, params.repo, branch));
  const operations: CommitOperation[] = plan.files.map((file) => ({
    operation: "addOrUpdate",
    path: file.pathInRepo,
    // The card goes up exactly as validated; other files are read lazily from disk by the library.
    content:
      file === plan.card
        ? new Blob([cardBytes])
        : file.content
          ? new Blob([file.content])
          : pathToFileURL(file.localPath),
  }));
  const title = params.commitMessage ?? defaultTitle(plan);
  let committing = false;
  emit({ type: "step", step: "upload", detail: `uploading ${plan.files.length} file(s)` });
  const commit = async (): Promise<CommitOutput> => {
    const iterator = commitIter({
      ...hub,
      repo,
      operations,
      title,
      parentCommit,
      ...(params.commitDescription !== undefined && { description: params.commitDescription }),
      branch,
      isPullRequest: Boolean(params.createPr),
      // Plain LFS transfers (basic, multipart) to the Hub's LFS endpoint, which every Hub deployment accepts;
      // Xet would chunk and send the bytes to a separate storage service.
      useXet: false,
      ...(params.abortSignal && { abortSignal: params.abortSignal }),
    });
    for (let next = await iterator.next(); ; next = await iterator.next()) {
      if (next.done) return next.value as CommitOutput;
      const event = next.value;
      if (event.event === "phase") {
        if (event.phase === "committing") {
          committing = true;
          emit({ type: "step", step: "commit", detail: `committing ${plan.files.length} file(s)` });
        }
      } else if (event.state === "hashing") {
        const size = sizes.get(event.path) ?? 0;
        emit({ type: "hashing", path: event.path, hashed: Math.round(event.progress * size), size });
      } else if (event.state === "uploading" && event.progress === 1) {
        emit({ type: "uploaded", path: event.path, size: sizes.get(event.path) ?? 0 });
      }
    }
  };
  let confirmedAfterLostAnswer = false;
  const output = await guard(
    () => (committing ? "commit" : "upload"),
    () =>
      commit().catch(async (error: unknown) => {
        if (!committing || !isOutcomeUnknown(error)) throw error;
        // The commit may have been applied: look for it rather than send it again.
        const lost = redactToken(`committing to ${repoUrl}: ${lostAnswerReason(error)}`, accessToken);
        emit({ type: "step", step: "commit", detail: `${lost}; looking for the commit on the Hub` });
        const search = await findPushedCommit({
          ...hub,
          repo: params.repo,
          branch,
          parentCommit,
          title,
          files: plan.files.map((file) => (file === plan.card ? { ...file, content: cardBytes } : file)),
          ...(params.createPr && { pullRequestBy: me.name }),
        }).catch((searchError: unknown) => {
          const why = redactToken((searchError as Error).message, accessToken);
          throw new PushFailedError(
            "commit",
            `${lost}; the commit could not be looked for (${why}): look at ${repoUrl}/commits/${branch}${params.createPr ? ` and ${repoUrl}/discussions` : ""} before pushing again.`,
          );
        });
        if (search.found) {
          confirmedAfterLostAnswer = true;
          return {
            commit: { oid: search.commitOid, url: `${repoUrl}/commit/${search.commitOid}` },
            pullRequestUrl: search.pullRequestUrl ?? undefined,
          } as CommitOutput;
        }
        const state =
          search.state === "absent"
            ? params.createPr
              ? "no pull request with this commit was opened: push again"
              : `the Hub did not apply it (${branch} is still at ${parentCommit}): push again`
            : `${branch} is now at ${search.head}, which is not this push's commit: look at ${repoUrl}/commits/${branch} before pushing again`;
        throw new PushFailedError("commit", `${lost}; ${state}.`);
      }),
  );

  return {
    ...base,
    status: "pushed",
    problems,
    repoCreated,
    branch,
    commitOid: output.commit.oid,
    commitUrl: output.commit.url,
    pullRequestUrl: output.pullRequestUrl ?? null,
    confirmedAfterLostAnswer,
  };
}

/**
 * Puts the card `modelcard generate --from DIR` would write into the plan, with its training curves unless the
 * directory has its own. Returns why it could not, or null.
 */
async function addGeneratedCard(plan: UploadPlan, params: PushModelCardParams): Promise<string | null> {
  let generated: GeneratedCard;
  try {
    // No hardware detection: the machine that pushes is not always the one that trained.
    generated = await generateCard({ values: { from: params.path, "repo-name": params.repo }, hardwareProbe: null });
  } catch (error) {
    if (error instanceof GenerateInputError) return error.message;
    throw error;
  }
  const content = Buffer.from(generated.card.toString(), "utf8");
  plan.card = { pathInRepo: "README.md", localPath: join(params.path, "README.md"), size: content.length, content };
  const present = new Set(plan.files.map((file) => file.pathInRepo));
  const assets = params.cardOnly ? [] : generated.assets.filter((asset) => !present.has(asset.fileName));
  for (const asset of assets) {
    const bytes = typeof asset.content === "string" ? Buffer.from(asset.content, "utf8") : asset.content;
    plan.files.push({
      pathInRepo: asset.fileName,
      localPath: join(params.path, asset.fileName),
      size: bytes.length,
      content: bytes,
    });
  }
  plan.files.sort((a, b) => (a.pathInRepo < b.pathInRepo ? -1 : a.pathInRepo > b.pathInRepo ? 1 : 0));
  plan.files.unshift(plan.card);
  plan.totalBytes = plan.files.reduce((sum, file) => sum + file.size, 0);
  return null;
}

function defaultTitle(plan: UploadPlan): string {
  const others = plan.files.length - 1;
  return others === 0 ? "Update model card" : `Upload model card and ${others} file${others === 1 ? "" : "s"}`;
}

/**
 * Requests that may be sent again without effect: reads, content-addressed uploads, validation and the
 * pre-upload and LFS negotiations. Never the commit (nor a repository or branch creation).
 */
function isSafeToRetry(method: string, url: URL): boolean {
  if (["GET", "HEAD", "OPTIONS", "PUT"].includes(method)) return true;
  return (
    method === "POST" &&
    /\/api\/validate-yaml$|\/preupload\/[^/]+$|\/info\/lfs\/objects\/batch$|\/paths-info\/[^/]+$|\/complete$/.test(
      url.pathname,
    )
  );
}

/** A commit request whose answer was lost: it may or may not have been applied. */
function isOutcomeUnknown(error: unknown): boolean {
  if (error instanceof HubConnectionError) return error.outcomeUnknown;
  if (error instanceof HubApiError) return error.statusCode >= 500;
  // An answer cut while being read ("terminated"): reset, or timed out between chunks.
  const code = networkErrorCode(error);
  return code !== undefined && !["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"].includes(code);
}

function lostAnswerReason(error: unknown): string {
  if (error instanceof HubApiError) return `the Hub answered ${error.statusCode}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/** The commit id at the head of `branch`, the parent of the commit to make. */
async function branchHead(
  hub: { hubUrl: string; accessToken: string; fetch: typeof fetch },
  repo: string,
  branch: string,
): Promise<string> {
  const url = `${hub.hubUrl}/api/models/${repo}/commits/${encodeURIComponent(branch)}?limit=1`;
  const commits = await getHubJson(hub, url);
  const head = Array.isArray(commits) ? (commits[0] as { id?: unknown } | undefined)?.id : undefined;
  if (typeof head !== "string") throw new Error(`${url}: no commit on ${branch}`);
  return head;
}
