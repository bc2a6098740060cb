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
import { ModelCard } from "../card/index.js";
import { type GeneratedCard, GenerateInputError, generateCard } from "../generate/index.js";
import { describePushFailure } from "./describe-push-failure.js";
import { fetchWithRetries, type RetryNotice, type RetryOptions } from "./fetch-with-retries.js";
import { fetchWithUploadProgress } from "./fetch-with-upload-progress.js";
import { type LocalCardCheck, lintBeforePush } from "./lint-before-push.js";
import { locateHubMessage } from "./locate-hub-message.js";
import { planUpload, type UploadPlan } from "./plan-upload.js";
import type { PushStep } from "./push-failed-error.js";
import type { PushProblem } from "./push-problem.js";
import { resolveHubCredentials } from "./resolve-hub-credentials.js";
import { validateCardOnHub } from "./validate-card-on-hub.js";

export interface PushModelCardParams {
  /** A training output directory (its README.md and model files) or a card file (sent as README.md). */
  path: string;
  /** `owner/name` of the model repository; created when missing. */
  repo: string;
  /** Send only the card. */
  cardOnly?: boolean;
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
  fetch?: typeof fetch;
  /** The local check that must pass before anything is sent. Default: the lint rules with their default settings. */
  validate?: LocalCardCheck;
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

interface OutcomeBase {
  plan: UploadPlan;
  /** The card was generated from the run because the directory had none. */
  cardGenerated: boolean;
  /** Local problems and the Hub's warnings (errors only when refused). */
  problems: PushProblem[];
  repoUrl: string;
}

export type PushOutcome =
  | (OutcomeBase & { status: "refused" })
  | (OutcomeBase & { status: "planned" })
  | (OutcomeBase & {
      status: "pushed";
      repoCreated: boolean;
      branch: string;
      commitOid: string;
      commitUrl: string;
      /** Set when `createPr` was asked. */
      pullRequestUrl: string | null;
    });

/**
 * Publishes a card, or a whole training run, as one atomic commit through @huggingface/hub: checks the card
 * locally (errors refuse the push), then asks the Hub to validate it (errors refuse, warnings are kept), creates the
 * repository when missing, and commits README.md with the planned files, or opens a pull request. Large files are
 * streamed from disk. 429 and 5xx answers are retried; other failures throw a PushFailedError whose message never
 * holds the token. The user's files are only read.
 */
export async function pushModelCard(params: PushModelCardParams): Promise<PushOutcome> {
  if (!/^[\w.-]+\/[\w.-]+$/.test(params.repo)) {
    throw new TypeError(`repo "${params.repo}" is not OWNER/NAME (e.g. my-user/my-model)`);
  }
  // Only what the caller leaves out is looked up, the way Hugging Face tools do.
  const fromEnvironment = () => resolveHubCredentials({ env: process.env });
  const hubUrl = (params.hubUrl ?? fromEnvironment().hubUrl).replace(/\/+$/, "");
  const repoUrl = `${hubUrl}/${params.repo}`;
  const plan = await planUpload({ path: params.path, ...(params.cardOnly && { cardOnly: true }) });
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
  const cardText = cardBytes.toString("utf8");
  const card = ModelCard.parse(cardText);
  const problems = [...(await (params.validate ?? lintBeforePush())(card, { filePath: plan.card.localPath }))];
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
    fetchWithUploadProgress(params.fetch ?? fetch, ({ path, part, sent }) => {
      const parts = partsSent.get(path) ?? new Map<number, number>();
      partsSent.set(path, parts.set(part, sent));
      let total = 0;
      for (const value of parts.values()) total += value;
      emit({ type: "bytes", path, sent: total, size: sizes.get(path) ?? total });
    }),
    {
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
  const output = await guard(
    () => (committing ? "commit" : "upload"),
    async () => {
      const iterator = commitIter({
        ...hub,
        repo,
        operations,
        title,
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
    },
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
