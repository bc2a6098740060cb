import { join } from "node:path";
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
import { cardFromFileBytes } from "../card/card-from-file-bytes.js";
import { ModelCard, readRepoId } from "../card/index.js";
import { FileAccessError } from "../errors/file-access-error.js";
import type { LintConfig } from "../lint/types.js";
import { describePushFailure } from "./describe-push-failure.js";
import { fetchWithRetries, networkErrorCode, type RetryNotice, type RetryOptions } from "./fetch-with-retries.js";
import { fetchWithStrictAnswers } from "./fetch-with-strict-answers.js";
import { fetchWithTimeouts, type HubTimeouts } from "./fetch-with-timeouts.js";
import { fetchWithUploadProgress } from "./fetch-with-upload-progress.js";
import { fetchWithoutRedirects } from "./fetch-without-redirects.js";
import { findPushedCommit } from "./find-pushed-commit.js";
import { getHubJson } from "./get-hub-json.js";
import { describeRequest, excerptOf, HubAnswerError } from "./hub-answer-error.js";
import { HubConnectionError } from "./hub-connection-error.js";
import { type LocalCardCheck, lintBeforePush } from "./lint-before-push.js";
import { lintEvalResultsBeforePush } from "./lint-eval-results-before-push.js";
import { locateHubMessage } from "./locate-hub-message.js";
import { type OpenedFiles, openPlannedFiles } from "./open-planned-files.js";
import { planUpload, type UploadFile, type UploadPlan } from "./plan-upload.js";
import { PushFailedError, type PushStep } from "./push-failed-error.js";
import type { PushProblem } from "./push-problem.js";
import { createSecretRedactor } from "./redact-secrets.js";
import { resolveHubCredentials } from "./resolve-hub-credentials.js";
import { validateCardOnHub } from "./validate-card-on-hub.js";

/** A file made for this push rather than read from the folder (e.g. the training curves of a generated card). */
export interface GivenFile {
  /** Path in the repository, `/`-separated. */
  pathInRepo: string;
  content: Uint8Array | string;
}

export interface PushModelCardParams {
  /** A training output directory (its README.md and model files) or a card file (sent as README.md). */
  path: string;
  /**
   * The card to send as README.md instead of the folder's (e.g. one generated from the run): its text or a
   * ModelCard. The folder's README.md is then neither read nor listed.
   */
  card?: string | ModelCard;
  /** Files made for this push, sent with the card unless the folder has a file of the same path (or `cardOnly`). */
  files?: readonly GivenFile[];
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
  /** Local problems and the Hub's warnings (errors only when refused). */
  problems: PushProblem[];
  /** The repository's URL, credentials of the endpoint redacted. */
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
 * (`parentCommit`), or opens a pull request. Each file is opened once, right after planning, without following a
 * symlink, and hashed and uploaded from that descriptor; if a file or a folder above it is no longer what was
 * planned, the push stops before the commit. Every request has a connect and an idle timeout; requests safe to repeat
 * are retried on 429, 5xx and dropped connections; requests that change the repository never follow a redirect. A
 * commit is reported only with the commit id the Hub gave, and never sent twice: when its answer is lost or unclear,
 * the branch (or the open pull requests) is read to find it. Symlinks that lead out of the folder refuse the push
 * unless `followSymlinks`; unreadable, binary or not-regular files throw before anything is sent. Messages, problems
 * and progress never hold the token nor the endpoint's credentials. The user's files are only read.
 */
export async function pushModelCard(params: PushModelCardParams): Promise<PushOutcome> {
  const id = readRepoId(params.repo);
  if (id.kind !== "hub-id" || id.owner === null) {
    throw new TypeError(`repo "${params.repo}" is not OWNER/NAME (e.g. my-user/my-model)`);
  }
  // Only what the caller leaves out is looked up, the way Hugging Face tools do.
  const fromEnvironment = () => resolveHubCredentials({ env: process.env });
  const hubUrl = (params.hubUrl ?? fromEnvironment().hubUrl).replace(/\/+$/, "");
  const accessToken = params.accessToken ?? (params.dryRun ? undefined : fromEnvironment().accessToken);
  const redact = createSecretRedactor({ accessToken, hubUrl });
  const repoUrl = redact(`${hubUrl}/${params.repo}`);
  const plan = await planUpload({
    path: params.path,
    ...(params.card !== undefined && { card: true }),
    ...(params.cardOnly && { cardOnly: true }),
    ...(params.followSymlinks && { followSymlinks: true }),
    ...(params.include && { include: params.include }),
    ...(params.exclude && { exclude: params.exclude }),
  });
  if (params.card !== undefined) addGivenCard(plan, params);
  if (plan.unreadable.length > 0) {
    const list = plan.unreadable.map((entry) => `  ${entry.localPath}: ${entry.reason}\n`).join("");
    throw new FileAccessError(
      "FILE_UNREADABLE",
      params.path,
      `cannot read what the push would send; nothing was sent:\n${list.trimEnd()}`,
    );
  }
  const base = { plan, repoUrl };
  if (!plan.card) {
    const problems = outsideLinkProblems(plan);
    // A README.md that links out of the folder is named as such; a folder with none is told how to make one.
    if (!plan.outsideLinks.some((link) => link.path === "README.md")) {
      problems.unshift({
        source: "card",
        code: "missing-card",
        severity: "error",
        message: `${params.path} has no README.md; write one with \`modelcard generate --from ${params.path}\`, then push again`,
      });
    }
    return { ...base, status: "refused", problems };
  }
  const opened = await openPlannedFiles(plan.files);
  try {
    return await pushOpenedFiles(params, { plan, card: plan.card, opened, hubUrl, accessToken, redact, repoUrl });
  } finally {
    await opened.close();
  }
}

interface OpenedPush {
  plan: UploadPlan;
  card: UploadFile;
  opened: OpenedFiles;
  hubUrl: string;
  accessToken: string | undefined;
  redact: (text: string) => string;
  repoUrl: string;
}

async function pushOpenedFiles(params: PushModelCardParams, push: OpenedPush): Promise<PushOutcome> {
  const { plan, opened, hubUrl, redact, repoUrl } = push;
  const base = { plan, repoUrl };
  const cardBytes = push.card.content ?? Buffer.from(await opened.blob(push.card).arrayBuffer());
  // The one decoder: bytes that are not UTF-8 are the card's `invalid-utf8` problem, as for lint and inspect (and
  // are sent as they are); binary content is no card.
  const card = params.card instanceof ModelCard ? params.card : cardFromFileBytes(cardBytes, push.card.localPath);
  const cardText = card.toString();
  const problems = [...(await (params.validate ?? lintBeforePush())(card, { filePath: push.card.localPath }))];
  problems.push(...outsideLinkProblems(plan));
  problems.push(...(await lintEvalResultsBeforePush(plan.files, params.lintConfig)));
  if (problems.some((problem) => problem.severity === "error")) return { ...base, status: "refused", problems };
  if (params.dryRun) return { ...base, status: "planned", problems };

  const { accessToken } = push;
  if (!accessToken) {
    throw new TypeError(
      "no Hugging Face token: pass accessToken, set HF_TOKEN, or log in with `hf auth login` (it writes the token file under HF_HOME)",
    );
  }
  // Progress goes out redacted too: a caller may print it as is.
  const emit = (event: PushProgressEvent) => {
    if (!params.onProgress) return;
    if (event.type === "step") params.onProgress({ ...event, detail: redact(event.detail) });
    else if (event.type === "retry") params.onProgress({ ...event, request: redact(event.request) });
    else params.onProgress(event);
  };
  const sizes = new Map(plan.files.map((file) => [file.pathInRepo, file.size]));
  const partsSent = new Map<string, Map<number, number>>();
  const retried = fetchWithRetries(
    fetchWithUploadProgress(
      fetchWithoutRedirects(params.fetch ?? fetchWithTimeouts(params.timeouts), hubUrl),
      ({ path, part, sent }) => {
        const parts = partsSent.get(path) ?? new Map<number, number>();
        partsSent.set(path, parts.set(part, sent));
        let total = 0;
        for (const value of parts.values()) total += value;
        emit({ type: "bytes", path, sent: total, size: sizes.get(path) ?? total });
      },
    ),
    {
      isSafeToRetry,
      ...params.retry,
      onRetry: (notice) => {
        params.retry?.onRetry?.({ ...notice, request: redact(notice.request) });
        emit({ type: "retry", ...notice });
      },
    },
  );
  const strict = fetchWithStrictAnswers(retried, hubUrl);
  // The commit: sent only while every file is still what was planned, and answered with a commit id.
  const hubFetch: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = (init?.method ?? "GET").toUpperCase();
    return method === "POST" && COMMIT_ROUTE.test(url.pathname)
      ? commitRequest(retried, opened, input, init)
      : strict(input, init);
  };
  const hub = { hubUrl, accessToken, fetch: hubFetch };
  const repo = { type: "model" as const, name: params.repo };
  const branch = params.revision ?? "main";
  let repoCreated = false;
  /** Runs one step; a failure becomes a PushFailedError saying what happened to the repository. */
  const guard = <T>(step: PushStep | (() => PushStep), action: () => Promise<T>) =>
    action().catch((error: unknown) => {
      const failedStep = typeof step === "function" ? step() : step;
      throw describePushFailure(failedStep, error, { redact, repoUrl, hubUrl: redact(hubUrl), repoCreated });
    });

  emit({ type: "step", step: "check-token", detail: `checking the token with ${hubUrl}` });
  // The answer's shape is checked by the strict fetch: a user name, at least.
  const me = await guard("check-token", async () => {
    const answer: unknown = await whoAmI(hub);
    const auth = isRecord(answer) && isRecord(answer.auth) ? answer.auth : {};
    return {
      name: (answer as { name: string }).name,
      role: isRecord(auth.accessToken) ? auth.accessToken.role : undefined,
    };
  });
  if (me.role === "read") {
    const message = redact(`the token is read-only; create one with write access at ${hubUrl}/settings/tokens`);
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
    message: redact(message),
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
  // The card goes up exactly as validated; every other file is read from the descriptor opened at planning.
  const contentOf = (file: UploadFile) => (file === push.card ? new Blob([cardBytes]) : opened.blob(file));
  const operations: CommitOperation[] = plan.files.map((file) => ({
    operation: "addOrUpdate",
    path: file.pathInRepo,
    content: contentOf(file),
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
        const lost = redact(`committing to ${repoUrl}: ${lostAnswerReason(error)}`);
        emit({ type: "step", step: "commit", detail: `${lost}; looking for the commit on the Hub` });
        const search = await findPushedCommit({
          ...hub,
          repo: params.repo,
          branch,
          parentCommit,
          title,
          files: plan.files.map((file) => ({ pathInRepo: file.pathInRepo, size: file.size, content: contentOf(file) })),
          ...(params.createPr && { pullRequestBy: me.name }),
        }).catch((searchError: unknown) => {
          const why = redact((searchError as Error).message);
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
    commitUrl: redact(
      typeof output.commit.url === "string" ? output.commit.url : `${repoUrl}/commit/${output.commit.oid}`,
    ),
    pullRequestUrl: typeof output.pullRequestUrl === "string" ? redact(output.pullRequestUrl) : null,
    confirmedAfterLostAnswer,
  };
}

function outsideLinkProblems(plan: UploadPlan): PushProblem[] {
  return plan.outsideLinks.map((link) => ({
    source: "files",
    code: "symlink-outside-folder",
    severity: "error",
    path: link.path,
    message: `a symlink to ${link.target}, outside the folder: not sent (pass --follow-symlinks to send it)`,
  }));
}

/** Puts the caller's card into the plan as README.md, with the given files the folder does not have itself. */
function addGivenCard(plan: UploadPlan, params: PushModelCardParams): void {
  const text = typeof params.card === "string" ? params.card : (params.card?.toString() ?? "");
  const content = Buffer.from(text, "utf8");
  const card = { pathInRepo: "README.md", localPath: join(params.path, "README.md"), size: content.length, content };
  const present = new Set(plan.files.map((file) => file.pathInRepo));
  const given = params.cardOnly ? [] : (params.files ?? []).filter((file) => !present.has(file.pathInRepo));
  for (const file of given) {
    const bytes = typeof file.content === "string" ? Buffer.from(file.content, "utf8") : Buffer.from(file.content);
    plan.files.push({
      pathInRepo: file.pathInRepo,
      localPath: join(params.path, file.pathInRepo),
      size: bytes.length,
      content: bytes,
    });
  }
  plan.files.sort((a, b) => (a.pathInRepo < b.pathInRepo ? -1 : a.pathInRepo > b.pathInRepo ? 1 : 0));
  plan.files.unshift(card);
  plan.card = card;
  plan.totalBytes = plan.files.reduce((sum, file) => sum + file.size, 0);
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

const COMMIT_ROUTE = /^\/api\/models\/[^/]+\/[^/]+\/commit\/[^/]+$/;

/**
 * Sends the commit only after checking that every opened file is still the planned one, and accepts its answer
 * only with a commit id: another answer is "outcome unknown", for the branch head to tell.
 */
async function commitRequest(
  fetchImpl: typeof fetch,
  opened: OpenedFiles,
  input: Parameters<typeof fetch>[0],
  init: Parameters<typeof fetch>[1],
): Promise<Response> {
  await opened.verifyUnchanged();
  const response = await fetchImpl(input, init);
  if (!response.ok) return response;
  const text = await response.text();
  const request = describeRequest("POST", new URL(input instanceof Request ? input.url : String(input)));
  let answer: unknown;
  try {
    answer = JSON.parse(text);
  } catch {
    answer = undefined;
  }
  const oid = isRecord(answer) ? answer.commitOid : undefined;
  if (typeof oid !== "string" || !/^[0-9a-f]{40}$/.test(oid)) {
    const what = answer === undefined ? "what is not JSON" : "no commit id";
    throw new HubAnswerError(
      request,
      response.status,
      `the Hub answered ${response.status} with ${what}: ${excerptOf(text)}`,
      true,
    );
  }
  return new Response(text, { status: response.status, statusText: response.statusText, headers: response.headers });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A commit request whose answer was lost: it may or may not have been applied. */
function isOutcomeUnknown(error: unknown): boolean {
  // A file that changed under the push stops it before the commit is sent.
  if (error instanceof FileAccessError) return false;
  if (error instanceof HubAnswerError) return error.outcomeUnknown;
  if (error instanceof HubConnectionError) return error.outcomeUnknown;
  if (error instanceof HubApiError) return error.statusCode >= 500;
  // An answer cut while being read ("terminated"): reset, or timed out between chunks.
  const code = networkErrorCode(error);
  return code !== undefined && !["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"].includes(code);
}

function lostAnswerReason(error: unknown): string {
  if (error instanceof HubAnswerError) return error.message;
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
