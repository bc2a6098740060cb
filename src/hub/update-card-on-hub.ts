import { isDeepStrictEqual } from "node:util";
import { type CommitOutput, commit, HubApiError } from "@huggingface/hub";
import { ModelCard } from "../card/index.js";
import { HubCardAccessError } from "./hub-card-access-error.js";
import { HubConnectionError } from "./hub-connection-error.js";
import { HubUpdateConflictError } from "./hub-update-conflict-error.js";
import { openHubSession } from "./open-hub-session.js";
import { type HubCardReading, type ReadCardFromHubParams, readWithSession } from "./read-card-from-hub.js";
import { redactToken } from "./redact-token.js";

export interface UpdateCardOnHubParams extends ReadCardFromHubParams {
  /**
   * The edit, made on the card as read: `card.update(...)`, `card.delete(...)`, `card.addEvalResult(...)`. Each is
   * verified by the card; what it throws (CardEditRefusedError, MetadataConflictError) stops the update. It may run
   * twice: again on the new card when the branch moved.
   */
  edit: (card: ModelCard) => void;
  /** Open a pull request from the commit read instead of committing to the branch. */
  createPr?: boolean;
  /** The commit (or pull request) title. Default `Update metadata: KEY, KEY`. */
  commitMessage?: string;
  commitDescription?: string;
  /** Read and edit, send nothing else. */
  dryRun?: boolean;
}

export type RemoteUpdateOutcome =
  /** The edit changes nothing: no commit. */
  | { status: "unchanged"; reading: HubCardReading }
  | { status: "planned"; reading: HubCardReading; before: string; after: string; title: string }
  | {
      status: "committed";
      /** The reading the commit was made on (the second one when the branch had moved). */
      reading: HubCardReading;
      before: string;
      after: string;
      title: string;
      commitOid: string;
      commitUrl: string;
      pullRequestUrl: string | null;
      /** The branch moved after the first reading (HTTP 412): the card was read again and the edit re-applied. */
      reappliedAfterConflict: boolean;
    };

const COMMIT_ID = /^[0-9a-f]{40}$/;

/**
 * Edits a card where it lives: reads README.md at the revision and remembers its commit, applies the edit (the same
 * verified, lossless edit as a local update), and commits only README.md with that commit as `parentCommit`, so that
 * nobody's change is ever overwritten. When the branch moved (HTTP 412), the card is read again and the edit
 * re-applied and committed once more, only if it still verifies; otherwise a HubUpdateConflictError. With
 * `createPr`, a pull request starts from the commit read (from a tag or commit id it targets `main`); without it, a
 * tag or commit id is refused (there is no branch to commit to). No change, no commit.
 */
export async function updateCardOnHub(params: UpdateCardOnHubParams): Promise<RemoteUpdateOutcome> {
  const session = openHubSession(params);
  const { repo } = params;
  const revision = params.revision ?? "main";
  let reading = await readWithSession(params, session);
  const target = params.createPr ? revision : await branchOf(reading, session);
  let edited = applyEdit(reading, params.edit);
  if (edited.after === edited.before) return { status: "unchanged", reading };
  const title = params.commitMessage ?? `Update metadata: ${changedKeys(reading.card, edited.card).join(", ")}`;
  if (params.dryRun) return { status: "planned", reading, ...edited, title };

  const accessToken = session.accessToken;
  if (!accessToken) {
    throw new HubCardAccessError(
      "token",
      repo,
      `${reading.name}: committing needs a token with write access: set HF_TOKEN or log in with \`hf auth login\``,
    );
  }
  const send = async (on: HubCardReading, after: string, branch: string): Promise<CommitOutput> => {
    const output = await commit({
      repo: { type: "model", name: repo },
      hubUrl: session.hubUrl,
      accessToken,
      fetch: session.fetch,
      operations: [{ operation: "addOrUpdate", path: "README.md", content: new Blob([after]) }],
      title,
      ...(params.commitDescription !== undefined && { description: params.commitDescription }),
      branch,
      parentCommit: on.commit,
      isPullRequest: Boolean(params.createPr),
      useXet: false,
    });
    // @huggingface/hub answers nothing when the Hub found nothing to commit; this file did change.
    if (!output) throw new HubCardAccessError("hub-error", repo, `${on.name}: the Hub made no commit`);
    return output;
  };
  // A pull request from a tag or commit id is opened against main, starting from that commit.
  const branch = params.createPr && !(await isBranch(reading, session)) ? "main" : target;
  let output: CommitOutput;
  let reapplied = false;
  try {
    output = await send(reading, edited.after, branch);
  } catch (error) {
    if (!(error instanceof HubApiError && error.statusCode === 412))
      throw describeCommitFailure(error, reading, accessToken);
    // Someone committed between our read and our commit: read again and re-apply, once, only if it still verifies.
    const moved = await readWithSession(params, session);
    try {
      edited = applyEdit(moved, params.edit);
    } catch (editError) {
      throw new HubUpdateConflictError(
        repo,
        `${reading.name}: ${revision} moved from ${reading.commit.slice(0, 7)} to ${moved.commit.slice(0, 7)} after the card was read, and the edit no longer applies to the new card (${(editError as Error).message}); nothing was committed: look at ${moved.repoUrl}/commits/${revision} and run the update again`,
      );
    }
    if (edited.after === edited.before) return { status: "unchanged", reading: moved };
    reading = moved;
    reapplied = true;
    try {
      output = await send(moved, edited.after, branch);
    } catch (again) {
      if (again instanceof HubApiError && again.statusCode === 412) {
        throw new HubUpdateConflictError(
          repo,
          `${reading.name}: ${revision} moved again while the update was being committed; nothing was overwritten: run the update again`,
        );
      }
      throw describeCommitFailure(again, reading, accessToken);
    }
  }
  return {
    status: "committed",
    reading,
    ...edited,
    title,
    commitOid: output.commit.oid,
    commitUrl: output.commit.url,
    pullRequestUrl: output.pullRequestUrl ?? null,
    reappliedAfterConflict: reapplied,
  };
}

function applyEdit(reading: HubCardReading, edit: (card: ModelCard) => void) {
  // A fresh reading of the same bytes: the edit never touches the reading it is compared with.
  const card = ModelCard.fromBytes(reading.bytes);
  const before = card.toString();
  edit(card);
  return { card, before, after: card.toString() };
}

/** The top-level keys whose value the edit changed, added or removed, in the card's order. */
function changedKeys(before: ModelCard, after: ModelCard): string[] {
  const keys = [...new Set([...Object.keys(after.metadata), ...Object.keys(before.metadata)])];
  return keys.filter((key) => !isDeepStrictEqual(before.metadata[key], after.metadata[key]));
}

/** True when the revision is a branch (or `refs/pr/N`), not a tag or a commit id. */
async function isBranch(reading: HubCardReading, session: ReturnType<typeof openHubSession>): Promise<boolean> {
  const { revision } = reading;
  if (revision.startsWith("refs/pr/")) return true;
  if (COMMIT_ID.test(revision)) return false;
  const url = `${session.hubUrl}/api/models/${reading.repo}/refs`;
  const authorization = session.accessToken ? { Authorization: `Bearer ${session.accessToken}` } : undefined;
  const response = await session.fetch(url, { ...(authorization && { headers: authorization }) });
  if (!response.ok) {
    throw new HubCardAccessError(
      "hub-error",
      reading.repo,
      `${reading.name}: reading the branches answered ${response.status}`,
    );
  }
  const refs = (await response.json()) as { branches?: { name: string }[] };
  return (refs.branches ?? []).some((branch) => branch.name === revision);
}

/** The branch to commit to: the revision itself, which must be a branch. */
async function branchOf(reading: HubCardReading, session: ReturnType<typeof openHubSession>): Promise<string> {
  if (await isBranch(reading, session)) return reading.revision;
  throw new HubCardAccessError(
    "not-a-branch",
    reading.repo,
    `${reading.name}: ${reading.revision} is a tag or a commit id, not a branch: there is nothing to commit to; add --create-pr to open a pull request from it`,
  );
}

/**
 * The commit's failure as one line. Running the update again is always safe: it commits on the commit it reads, and
 * a commit that was made after all leaves nothing to change.
 */
function describeCommitFailure(error: unknown, reading: HubCardReading, accessToken: string): unknown {
  if (error instanceof HubConnectionError) {
    const message = `${reading.name}: ${error.message}; the commit may or may not have been made: look at ${reading.repoUrl}/commits/${reading.revision}, or run the update again (it changes nothing if the commit was made)`;
    return new HubCardAccessError("hub-error", reading.repo, redactToken(message, accessToken));
  }
  if (!(error instanceof HubApiError)) return error;
  const status = error.statusCode;
  const hint =
    status === 401 || status === 403
      ? "this token may not write to the repository: use a token with write access (or --create-pr if you may open pull requests)"
      : status >= 500
        ? `the commit may or may not have been made: look at ${reading.repoUrl}/commits/${reading.revision}, or run the update again (it changes nothing if the commit was made)`
        : "nothing was committed";
  const message = redactToken(
    `${reading.name}: committing failed, the Hub answered ${status}: ${error.message}; ${hint}`,
    accessToken,
  );
  return new HubCardAccessError(
    status === 401 || status === 403 ? "token" : "hub-error",
    reading.repo,
    message,
    status,
  );
}
