import { downloadFile, HubApiError, modelInfo } from "@huggingface/hub";
import { ModelCard, readRepoId } from "../card/index.js";
import { binaryContentReason } from "../io/binary-content-reason.js";
import { HubCardAccessError } from "./hub-card-access-error.js";
import { type HubConnectionParams, type HubSession, openHubSession } from "./open-hub-session.js";
import { redactToken } from "./redact-token.js";

export interface ReadCardFromHubParams extends HubConnectionParams {
  /** `owner/name` of a model repository. */
  repo: string;
  /** A branch, tag, commit id or `refs/pr/N`. Default `main`. */
  revision?: string | undefined;
  /** Offline mode (`HF_HUB_OFFLINE`): refuse at once, sending nothing. */
  offline?: boolean;
}

export interface HubCardReading {
  repo: string;
  /** The revision as asked (`main` when none was). */
  revision: string;
  /** The commit id the revision pointed to; the card is read at exactly this commit. */
  commit: string;
  /** How results name the card: `hf://owner/name@revision/README.md`. */
  name: string;
  /** The card's bytes as stored. */
  bytes: Buffer;
  card: ModelCard;
  /** The repository's page, e.g. https://huggingface.co/owner/name. */
  repoUrl: string;
}

/** `hf://owner/name@revision/README.md`, the name of a card on the Hub in every output. */
export function hubCardName(repo: string, revision = "main"): string {
  return `hf://${repo}@${revision}/README.md`;
}

/**
 * Reads a model repository's README.md at a revision through @huggingface/hub: the revision's commit id first, then
 * the card at that very commit, so that the reading and its commit always agree (a remote update commits on it).
 * A missing repository or revision, a private or gated one without access, a revision without README.md, and offline
 * mode throw a HubCardAccessError naming the repository and what to do; a request without an answer throws a
 * HubConnectionError. Nothing is written anywhere.
 */
export async function readCardFromHub(params: ReadCardFromHubParams): Promise<HubCardReading> {
  return readWithSession(params, openHubSession(params));
}

/** The same, over a session the caller already holds (a remote update reads and commits through one). */
export async function readWithSession(params: ReadCardFromHubParams, session: HubSession): Promise<HubCardReading> {
  const { repo } = params;
  const id = readRepoId(repo);
  if (id.kind !== "hub-id" || id.owner === null) {
    throw new TypeError(`repo "${repo}" is not OWNER/NAME (e.g. my-user/my-model)`);
  }
  const revision = params.revision ?? "main";
  const name = hubCardName(repo, revision);
  if (params.offline) {
    throw new HubCardAccessError(
      "offline",
      repo,
      `${name}: offline mode (--offline or HF_HUB_OFFLINE) sends no request; unset it to read cards from the Hub, or pass a local file`,
    );
  }
  const hub = {
    hubUrl: session.hubUrl,
    fetch: session.fetch,
    ...(session.accessToken && { accessToken: session.accessToken }),
  };
  const fail = (error: unknown): never => {
    throw describeReadFailure(error, { repo, revision, name, session });
  };
  const info = await modelInfo({ ...hub, name: repo, revision, additionalFields: ["sha"] }).catch(fail);
  const commit = info.sha;
  if (typeof commit !== "string") {
    throw new HubCardAccessError("hub-error", repo, `${name}: the Hub did not give the commit of ${revision}`);
  }
  const blob = await downloadFile({ ...hub, repo: { type: "model", name: repo }, path: "README.md", revision: commit })
    .then((file) => file?.arrayBuffer() ?? null)
    .catch(fail);
  if (blob === null) {
    const message = `${name}: the repository has no README.md at ${revision}; write a card locally and publish it with \`modelcard push CARD --repo ${repo}\``;
    throw new HubCardAccessError("no-card", repo, message, 404);
  }
  const bytes = Buffer.from(blob);
  const binary = binaryContentReason(bytes);
  if (binary) {
    throw new HubCardAccessError("no-card", repo, `${name}: not a text file (${binary}); a card is UTF-8 text`);
  }
  return {
    repo,
    revision,
    commit,
    name,
    bytes,
    card: ModelCard.fromBytes(bytes),
    repoUrl: `${session.hubUrl}/${repo}`,
  };
}

interface ReadFailureContext {
  repo: string;
  revision: string;
  name: string;
  session: HubSession;
}

/** The Hub's answer, as one line naming the card and what to do. */
function describeReadFailure(error: unknown, context: ReadFailureContext): unknown {
  if (!(error instanceof HubApiError)) return error;
  const { repo, revision, name, session } = context;
  const code = session.lastErrorCode();
  const status = error.statusCode;
  const login = "set HF_TOKEN or log in with `hf auth login`";
  if (code === "GatedRepo") {
    const message = session.accessToken
      ? `${name}: the repository is gated and this token has no access; ask for access at ${session.hubUrl}/${repo}`
      : `${name}: the repository is gated; ask for access at ${session.hubUrl}/${repo}, then ${login}`;
    return new HubCardAccessError("gated", repo, message, status);
  }
  if (code === "RevisionNotFound" || (status === 404 && /invalid rev/i.test(error.message))) {
    const message = `${name}: no revision ${revision} in ${repo}; pass an existing branch, tag, commit id or refs/pr/N with --revision`;
    return new HubCardAccessError("revision-not-found", repo, message, status);
  }
  if (status === 401 || status === 404 || code === "RepoNotFound") {
    const message = session.accessToken
      ? `${name}: no model repository ${repo} that this token can see; check the name (a private repository needs a token of its owner or organization)`
      : `${name}: no public model repository ${repo}; check the name, or, if it is private, ${login}`;
    return new HubCardAccessError("repo-not-found", repo, message, status);
  }
  const reason = redactToken(error.message, session.accessToken);
  return new HubCardAccessError("hub-error", repo, `${name}: the Hub answered ${status}: ${reason}`, status);
}
