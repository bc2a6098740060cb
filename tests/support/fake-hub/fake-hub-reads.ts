import { createHash } from "node:crypto";
import type { FakeHubUser, FakeRepo, RecordedRequest } from "./fake-hub.js";

/**
 * The read side of the fake Hub, as the Hub answers it: a model's info at a revision (`/api/models/{id}/revision/
 * {rev}`, with its `sha`), a file at a revision (`/{id}/resolve/{rev}/{path}`, answering `Range: bytes=0-0` with 206
 * and `Content-Range` as @huggingface/hub expects), an author's models (`/api/models?author=`, paged with a `Link`
 * header) and a repository's refs. Private, gated and missing repositories, revisions and files answer with the
 * Hub's status and `X-Error-Code`.
 */

export type ReadRoute = "model-info" | "resolve" | "list-models" | "refs";

type Answer = [number, unknown, Record<string, string>?];

export interface ReadContext {
  url: string;
  repos: Map<string, FakeRepo>;
  user(request: RecordedRequest): FakeHubUser | undefined;
  /** Models per page of `/api/models` (the Hub's is larger); tests make it small to see the paging. */
  listPageSize(): number;
}

export const READ_ROUTE_TABLE: [string, RegExp, ReadRoute][] = [
  ["GET", /^\/api\/models\/([^/]+\/[^/]+)\/revision\/([^/]+)$/, "model-info"],
  ["GET", /^\/api\/models\/([^/]+\/[^/]+)\/refs$/, "refs"],
  ["GET", /^\/api\/models$/, "list-models"],
  ["GET", /^\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/, "resolve"],
  // A dataset's file (a benchmark's eval.yaml): its repository is added as `datasets/OWNER/NAME`.
  ["GET", /^\/(datasets\/[^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/, "resolve"],
];

function notFound(request: RecordedRequest): Answer {
  // The Hub answers 401 to a request without a token, so that it does not tell which private repositories exist.
  const status = request.headers.authorization ? 404 : 401;
  return [status, { error: "Repository not found" }, { "X-Error-Code": "RepoNotFound" }];
}

/** The commit id `revision` names: a branch (or `refs/pr/N`), a tag, a full commit id, or HEAD. */
export function resolveRevision(repo: FakeRepo, revision: string): string | undefined {
  const name = revision === "HEAD" ? "main" : revision;
  return repo.heads.get(name) ?? repo.tags?.get(name) ?? (repo.trees.has(name) ? name : undefined);
}

export function readRoutes(
  context: ReadContext,
): Record<ReadRoute, (request: RecordedRequest, params: string[]) => Answer> {
  const canSee = (request: RecordedRequest, repo: FakeRepo) => {
    if (!repo.private) return true;
    const who = context.user(request);
    const owner = repo.id.split("/")[0]!;
    return who !== undefined && (who.name === owner || (who.orgs ?? []).includes(owner));
  };
  const visible = (request: RecordedRequest, id: string) => {
    const repo = context.repos.get(id);
    return repo && canSee(request, repo) ? repo : undefined;
  };
  const info = (repo: FakeRepo, sha?: string) => ({
    _id: createHash("sha1").update(repo.id).digest("hex").slice(0, 24),
    id: repo.id,
    private: repo.private,
    gated: repo.gated ? "manual" : false,
    pipeline_tag: undefined,
    downloads: 0,
    likes: 0,
    lastModified: "2026-01-01T00:00:00.000Z",
    ...(sha !== undefined && { sha }),
  });

  return {
    "model-info"(request, [id, revision]) {
      const repo = visible(request, id!);
      if (!repo) return notFound(request);
      const sha = resolveRevision(repo, revision!);
      if (!sha) return [404, { error: `Invalid rev id: ${revision}` }, { "X-Error-Code": "RevisionNotFound" }];
      return [200, info(repo, sha)];
    },
    refs(request, [id]) {
      const repo = visible(request, id!);
      if (!repo) return notFound(request);
      const branches = [...repo.heads]
        .filter(([name]) => !name.startsWith("refs/pr/"))
        .map(([name, targetCommit]) => ({ name, ref: `refs/heads/${name}`, targetCommit }));
      const tags = [...(repo.tags ?? [])].map(([name, targetCommit]) => ({
        name,
        ref: `refs/tags/${name}`,
        targetCommit,
      }));
      return [200, { branches, tags, converts: [] }];
    },
    "list-models"(request) {
      const author = request.query.author;
      const all = [...context.repos.values()]
        .filter((repo) => author === undefined || repo.id.split("/")[0] === author)
        .filter((repo) => canSee(request, repo))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
      const start = Number(request.query.cursor ?? 0);
      const size = Math.min(Number(request.query.limit ?? 1000), context.listPageSize());
      const page = all.slice(start, start + size);
      const headers: Record<string, string> = {};
      if (start + size < all.length) {
        const next = new URL(`${context.url}${request.path}`);
        for (const [key, value] of Object.entries(request.query)) next.searchParams.set(key, value);
        next.searchParams.set("cursor", String(start + size));
        headers.Link = `<${next.href}>; rel="next"`;
      }
      return [200, page.map((repo) => info(repo)), headers];
    },
    resolve(request, [id, revision, path]) {
      const repo = visible(request, id!);
      if (!repo) return notFound(request);
      if (repo.gated) {
        const who = context.user(request);
        const owner = repo.id.split("/")[0]!;
        const member = who !== undefined && (who.name === owner || (who.orgs ?? []).includes(owner));
        if (!who) {
          const error = `Access to model ${repo.id} is restricted. You must have access to it and be authenticated to access it. Please log in.`;
          return [401, { error }, { "X-Error-Code": "GatedRepo" }];
        }
        if (!member && !repo.gatedAccess?.has(who.name)) {
          const error = `Access to model ${repo.id} is restricted and you are not in the authorized list. Visit ${context.url}/${repo.id} to ask for access.`;
          return [403, { error }, { "X-Error-Code": "GatedRepo" }];
        }
      }
      const sha = resolveRevision(repo, revision!);
      if (!sha) return [404, { error: `Invalid rev id: ${revision}` }, { "X-Error-Code": "RevisionNotFound" }];
      const file = repo.trees.get(sha)?.get(path!);
      if (!file) return [404, { error: "Entry not found" }, { "X-Error-Code": "EntryNotFound" }];
      const etag = `"${createHash("sha1").update(`blob ${file.bytes.length}\0`).update(file.bytes).digest("hex")}"`;
      const headers = { "Content-Type": "text/plain; charset=utf-8", ETag: etag, "X-Repo-Commit": sha };
      const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers.range ?? ""));
      if (!range) return [200, file.bytes, headers];
      const start = Number(range[1]);
      const end = Math.min(Number(range[2]), file.bytes.length - 1);
      const contentRange = `bytes ${start}-${end}/${file.bytes.length}`;
      return [206, file.bytes.subarray(start, end + 1), { ...headers, "Content-Range": contentRange }];
    },
  };
}
