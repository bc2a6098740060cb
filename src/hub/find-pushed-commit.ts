import { createHash } from "node:crypto";
import { type PathInfo, pathsInfo } from "@huggingface/hub";
import { getHubJson } from "./get-hub-json.js";

/** A file of the commit and its bytes (read from the descriptor the push sent it from). */
export interface CommittedFile {
  pathInRepo: string;
  size: number;
  content: Blob;
}

export interface FindPushedCommitParams {
  hubUrl: string;
  accessToken: string;
  fetch: typeof fetch;
  /** `owner/name` of the model repository. */
  repo: string;
  /** The branch committed to, or the pull request's base. */
  branch: string;
  /** The branch head the commit was built on (its `parentCommit`). */
  parentCommit: string;
  title: string;
  /** What the commit carried. */
  files: readonly CommittedFile[];
  /** Look among the open pull requests this user opened, rather than on the branch. */
  pullRequestBy?: string;
}

/** What became of a commit whose answer never came. */
export type PushedCommitSearch =
  | { found: true; commitOid: string; pullRequestUrl: string | null }
  /** `moved`: another commit is on the branch; `absent`: the branch head is still the parent, or no such PR. */
  | { found: false; state: "absent" | "moved"; head: string | null };

interface ApiCommit {
  id: string;
  title: string;
}

/**
 * After a commit request whose outcome is unknown (the connection dropped, timed out, or the Hub answered 5xx),
 * looks for that commit instead of sending it again: on the branch, the head whose title is ours, whose parent is
 * `parentCommit` and whose files have our bytes; with `pullRequestBy`, the same at the head of one of that user's
 * open pull requests. A commit that matches is ours: the Hub applied it.
 */
export async function findPushedCommit(params: FindPushedCommitParams): Promise<PushedCommitSearch> {
  if (params.pullRequestBy === undefined) {
    const [head, parent] = await lastCommits(params, params.branch);
    if (!head || head.id === params.parentCommit) return { found: false, state: "absent", head: head?.id ?? null };
    if (await isOurs(params, head, parent)) return { found: true, commitOid: head.id, pullRequestUrl: null };
    return { found: false, state: "moved", head: head.id };
  }
  for (const number of await openPullRequests(params, params.pullRequestBy)) {
    const [head, parent] = await lastCommits(params, `refs/pr/${number}`);
    if (head && (await isOurs(params, head, parent))) {
      return {
        found: true,
        commitOid: head.id,
        pullRequestUrl: `${params.hubUrl}/${params.repo}/discussions/${number}`,
      };
    }
  }
  return { found: false, state: "absent", head: null };
}

async function isOurs(params: FindPushedCommitParams, head: ApiCommit, parent: ApiCommit | undefined) {
  return head.title === params.title && parent?.id === params.parentCommit && (await sameFiles(params, head.id));
}

async function lastCommits(params: FindPushedCommitParams, revision: string): Promise<ApiCommit[]> {
  const url = `${params.hubUrl}/api/models/${params.repo}/commits/${encodeURIComponent(revision)}?limit=2`;
  const list = await getHubJson(params, url);
  if (!Array.isArray(list)) throw new Error(`${url}: expected a list of commits`);
  return (list as ApiCommit[]).slice(0, 2);
}

/** The numbers of the open pull requests `author` opened on the repository, newest first. */
async function openPullRequests(params: FindPushedCommitParams, author: string): Promise<number[]> {
  const query = new URLSearchParams({ type: "pull_request", status: "open", author });
  const url = `${params.hubUrl}/api/models/${params.repo}/discussions?${query}`;
  const body = (await getHubJson(params, url)) as {
    discussions?: { num: number; title: string; isPullRequest: boolean }[];
  };
  return (body.discussions ?? [])
    .filter((discussion) => discussion.isPullRequest && discussion.title === params.title)
    .map((discussion) => discussion.num)
    .sort((a, b) => b - a);
}

/** Every file of the push is in `revision` with our bytes: sha256 for LFS files, the git blob id for the others. */
async function sameFiles(params: FindPushedCommitParams, revision: string): Promise<boolean> {
  const infos = await pathsInfo({
    repo: { type: "model", name: params.repo },
    paths: params.files.map((file) => file.pathInRepo),
    revision,
    hubUrl: params.hubUrl,
    accessToken: params.accessToken,
    fetch: params.fetch,
  });
  const byPath = new Map<string, PathInfo>(infos.map((info) => [info.path, info]));
  for (const file of params.files) {
    const info = byPath.get(file.pathInRepo);
    if (!info || info.size !== file.size) return false;
    const expected = info.lfs ? info.lfs.oid : info.oid;
    if (expected !== (await digest(file, info.lfs ? "sha256" : "git-blob"))) return false;
  }
  return true;
}

async function digest(file: CommittedFile, kind: "sha256" | "git-blob"): Promise<string> {
  const hash = createHash(kind === "sha256" ? "sha256" : "sha1");
  if (kind === "git-blob") hash.update(`blob ${file.size}\0`);
  for await (const chunk of file.content.stream()) hash.update(chunk);
  return hash.digest("hex");
}
