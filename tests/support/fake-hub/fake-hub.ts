import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { READ_ROUTE_TABLE, type ReadRoute, readRoutes } from "./fake-hub-reads.js";

/**
 * A local stand-in for the part of the Hugging Face Hub's HTTP API that @huggingface/hub uses to publish a model
 * (whoami, repo info, create repo, create branch, preupload, LFS batch + basic and multipart upload, NDJSON commit)
 * plus validate-yaml, and what a push reads back (commits of a branch, paths-info, pull requests). It follows the
 * wire format that library sends, checks it the way the Hub would (auth, LFS object hashes and sizes, LFS pointers
 * in the commit, the parent commit), applies commits atomically, and keeps every request so tests can assert on
 * what arrived. Faults can be queued per route: an error answer, a dropped connection, a server that never answers,
 * or a connection dropped after the request was applied. The read side (model info and files at a revision,
 * model listings, refs; private and gated repositories) is in fake-hub-reads.ts.
 */

export type FakeHubRoute =
  | "whoami"
  | "repo-info"
  | "create-repo"
  | "create-branch"
  | "validate-yaml"
  | "preupload"
  | "lfs-batch"
  | "lfs-upload"
  | "lfs-part"
  | "lfs-complete"
  | "commit"
  | "list-commits"
  | "paths-info"
  | "discussions"
  | ReadRoute;

export interface FakeHubUser {
  name: string;
  orgs?: string[];
  role?: "read" | "write";
}

export interface FakeHubOptions {
  /** Known tokens and whom they belong to. */
  users?: Record<string, FakeHubUser>;
  /** Files at least this large go through LFS (the Hub uses 10 MB). */
  lfsThreshold?: number;
  /** When set, LFS objects larger than this are uploaded in parts of this size (the Hub's multipart transfer). */
  multipartChunkSize?: number;
  /**
   * False: basic LFS uploads are hashed as they stream in and only their digest and size are kept (for pushing
   * gigabytes in benchmarks); the commit then holds empty bytes for them. Default true.
   */
  keepLfsBytes?: boolean;
  /** The Hub's metadata validation: errors answer 400, warnings 200. */
  validateYaml?: (content: string) => { errors?: string[]; warnings?: string[] };
  /** Models per page of `/api/models` (default 500). */
  listPageSize?: number;
  /** Called when a request has arrived, before it is answered (e.g. to commit concurrently). */
  onRequest?: (request: RecordedRequest) => void;
}

export interface RecordedRequest {
  route: FakeHubRoute | "unknown";
  method: string;
  path: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Set when a queued fault answered this request. */
  fault?: string;
}

export interface Fault {
  route: FakeHubRoute;
  /** How many matching requests fail; default 1, Infinity for all. */
  times?: number;
  /** Drop the connection without an answer. */
  reset?: boolean;
  /** Read the request, then never answer (nor close the connection). */
  hang?: boolean;
  /** Apply the request as usual, then drop the connection instead of answering. */
  resetAfterApplying?: boolean;
  status?: number;
  headers?: Record<string, string>;
  /** JSON answer body. */
  body?: unknown;
  /** JSON answer body made from the request (to echo what it carried). */
  bodyFrom?: (request: RecordedRequest) => unknown;
  /** An answer body sent as is (not JSON-encoded): to answer what a client cannot parse. */
  rawBody?: string;
  /** Apply the request as usual, then answer what this makes of the usual JSON answer (same status). */
  rewrite?: (answer: unknown) => unknown;
}

export interface FakeFile {
  bytes: Buffer;
  /** Arrived through LFS (an `lfsFile` commit line) rather than inline base64. */
  lfs: boolean;
}

export interface FakeCommit {
  oid: string;
  /** The commit it was made on. */
  parent: string;
  branch: string;
  /** Who made it (the token's user). */
  author: string;
  /** The pull request number when the commit opened one. */
  pullRequest: number | null;
  title: string;
  description: string | undefined;
  /** The files this commit added or changed. */
  files: Map<string, FakeFile>;
}

export interface FakeRepo {
  id: string;
  private: boolean;
  /** Every branch's files (`refs/pr/N` for pull requests). */
  branches: Map<string, Map<string, FakeFile>>;
  /** Every branch's head commit id. */
  heads: Map<string, string>;
  /** The files of each commit id, as of that commit. */
  trees: Map<string, Map<string, FakeFile>>;
  /** The commits pushed (not the repository's initial one), oldest first. */
  commits: FakeCommit[];
  /** Tags and the commit each names. */
  tags?: Map<string, string>;
  /** Files need an accepted access request (or membership of the owner). */
  gated?: boolean;
  /** Users whose access request to a gated repository was accepted. */
  gatedAccess?: Set<string>;
}

export interface FakeHub {
  url: string;
  requests: RecordedRequest[];
  repos: Map<string, FakeRepo>;
  /** LFS objects by sha256. */
  lfs: Map<string, Buffer>;
  options: FakeHubOptions;
  fail(fault: Fault): void;
  /** Called with each request once it has been read, before it is applied or answered (e.g. to change files). */
  onRequest: ((request: RecordedRequest) => void | Promise<void>) | null;
  /** Creates a repository as if it already existed on the Hub; `gated: [users]` names those given access. */
  addRepo(id: string, options?: { private?: boolean; gated?: boolean | string[] }): FakeRepo;
  /** Commits files to a branch as someone else would (no request is recorded); returns the commit id. */
  writeFiles(id: string, files: Record<string, string | Buffer>, options?: { branch?: string; title?: string }): string;
  /** Forgets requests, repositories, LFS objects and pending faults. */
  reset(): void;
  close(): Promise<void>;
}

/** What the Hub's default .gitattributes sends to LFS whatever the size (a subset). */
const LFS_EXTENSIONS = /\.(safetensors|bin|gguf|pt|pth|ckpt|h5|onnx|msgpack|model|npy|npz|pkl|zip|tar|gz)$/;

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  const requests: RecordedRequest[] = [];
  const repos = new Map<string, FakeRepo>();
  const lfs = new Map<string, Buffer>();
  /** Objects kept as digest and size only (`keepLfsBytes: false`). */
  const lfsDigests = new Map<string, number>();
  const parts = new Map<string, Map<number, Buffer>>();
  const faults: Fault[] = [];
  let pullRequests = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      sendJson(res, status, { error: (error as Error).message });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const target = new URL(req.url ?? "/", url);
    const { route, params } = matchRoute(req.method ?? "GET", target.pathname);
    const chunks: Buffer[] = [];
    const fault = route === "unknown" ? undefined : takeFault(route);
    if (fault?.reset) {
      // Read a little so the client is mid-request, then drop the connection.
      requests.push(record(route, req, target, Buffer.alloc(0), "reset"));
      req.socket.destroy();
      return;
    }
    if (fault?.hang) {
      for await (const chunk of req) chunks.push(chunk as Buffer);
      requests.push(record(route, req, target, Buffer.concat(chunks), "hang"));
      return;
    }
    if (route === "lfs-upload" && options.keepLfsBytes === false && !fault) {
      requests.push(record(route, req, target, Buffer.alloc(0), undefined));
      await storeLfsDigest(params[0]!, req, Number(target.searchParams.get("size")));
      sendJson(res, 200, {});
      return;
    }
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const faultName = fault?.resetAfterApplying
      ? "reset after applying"
      : fault?.rewrite
        ? "rewritten"
        : fault
          ? `status ${fault.status}`
          : undefined;
    const recorded = record(route, req, target, Buffer.concat(chunks), faultName);
    requests.push(recorded);
    options.onRequest?.(recorded);
    await fakeHub.onRequest?.(recorded);
    if (fault?.resetAfterApplying && route !== "unknown") {
      try {
        ROUTES[route](recorded, params);
      } finally {
        req.socket.destroy();
      }
      return;
    }
    if (fault?.rewrite && route !== "unknown") {
      const result = ROUTES[route](recorded, params);
      const [status, body, headers] = Array.isArray(result) ? result : [200, result, undefined];
      sendJson(res, status, fault.rewrite(body), headers);
      return;
    }
    if (fault?.rawBody !== undefined) {
      res.writeHead(fault.status ?? 500, { "Content-Type": "application/json", ...fault.headers });
      res.end(fault.rawBody);
      return;
    }
    if (fault) {
      const body = fault.bodyFrom?.(recorded) ?? fault.body ?? { error: "injected fault" };
      sendJson(res, fault.status ?? 500, body, fault.headers);
      return;
    }
    if (route === "unknown") throw new HttpError(404, `no route for ${req.method} ${target.pathname}`);
    const result = ROUTES[route](recorded, params);
    const [status, body, headers] = Array.isArray(result) ? result : [200, result, undefined];
    sendJson(res, status, body, headers);
  }

  function takeFault(route: FakeHubRoute): Fault | undefined {
    const index = faults.findIndex((fault) => fault.route === route);
    const fault = faults[index];
    if (!fault) return undefined;
    const left = (fault.times ?? 1) - 1;
    if (left <= 0) faults.splice(index, 1);
    else fault.times = left;
    return fault;
  }

  function user(request: RecordedRequest): FakeHubUser | undefined {
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];
    return token ? options.users?.[token] : undefined;
  }

  function requireUser(request: RecordedRequest, write: boolean): FakeHubUser {
    const found = user(request);
    if (!found) throw new HttpError(401, "Invalid credentials in Authorization header");
    if (write && found.role === "read")
      throw new HttpError(403, "You have read access but not the required permissions");
    return found;
  }

  function ownRepo(request: RecordedRequest, id: string): FakeRepo {
    const who = requireUser(request, true);
    const repo = repos.get(id);
    if (!repo) throw new HttpError(404, `Repository not found: ${id}`);
    const owner = id.split("/")[0]!;
    // As on the Hub, anyone may read a public repository and open a pull request on it (a community result).
    const reading = request.method === "GET" || request.route === "paths-info";
    const community = !repo.private && (reading || request.query.create_pr === "1");
    if (owner !== who.name && !(who.orgs ?? []).includes(owner) && !community) throw new HttpError(403, "Forbidden");
    return repo;
  }

  function addRepo(id: string, settings: { private?: boolean; gated?: boolean | string[] } = {}): FakeRepo {
    const initial = randomBytes(20).toString("hex");
    const tree = new Map([[".gitattributes", { bytes: Buffer.from("*.safetensors filter=lfs\n"), lfs: false }]]);
    const repo: FakeRepo = {
      id,
      private: Boolean(settings.private),
      branches: new Map([["main", tree]]),
      heads: new Map([["main", initial]]),
      trees: new Map([[initial, tree]]),
      commits: [],
      ...(settings.gated && {
        gated: true,
        gatedAccess: new Set(Array.isArray(settings.gated) ? settings.gated : []),
      }),
    };
    repos.set(id, repo);
    return repo;
  }

  function writeFiles(
    id: string,
    files: Record<string, string | Buffer>,
    settings: { branch?: string; title?: string } = {},
  ): string {
    const repo = repos.get(id) ?? addRepo(id);
    const branch = settings.branch ?? "main";
    const parent = repo.heads.get(branch) ?? repo.heads.get("main")!;
    const tree = new Map(repo.trees.get(parent)!);
    const changed = new Map<string, FakeFile>();
    for (const [path, content] of Object.entries(files)) {
      changed.set(path, { bytes: Buffer.from(content), lfs: false });
      tree.set(path, changed.get(path)!);
    }
    const oid = randomBytes(20).toString("hex");
    repo.branches.set(branch, tree);
    repo.heads.set(branch, oid);
    repo.trees.set(oid, tree);
    const title = settings.title ?? "Upload files";
    repo.commits.push({
      oid,
      parent,
      branch,
      author: "someone-else",
      pullRequest: null,
      title,
      description: undefined,
      files: changed,
    });
    return oid;
  }

  type Answer = unknown | [number, unknown, Record<string, string>?];
  const ROUTES: Record<FakeHubRoute, (request: RecordedRequest, params: string[]) => Answer> = {
    ...readRoutes({ url, repos, user, listPageSize: () => options.listPageSize ?? 500 }),
    whoami(request) {
      const who = requireUser(request, false);
      return {
        type: "user",
        name: who.name,
        orgs: (who.orgs ?? []).map((name) => ({ type: "org", name })),
        auth: { type: "access_token", accessToken: { displayName: "test", role: who.role ?? "write" } },
      };
    },
    "repo-info"(request, [id]) {
      const repo = repos.get(id!);
      const who = user(request);
      if (!repo || (repo.private && who?.name !== id!.split("/")[0])) {
        return [404, { error: "Repository not found" }];
      }
      return { id: repo.id, private: repo.private, likes: 0 };
    },
    "create-repo"(request) {
      const who = requireUser(request, true);
      const body = JSON.parse(request.body.toString("utf8")) as {
        name: string;
        organization?: string;
        type?: string;
        visibility?: string;
      };
      const owner = body.organization ?? who.name;
      if (owner !== who.name && !(who.orgs ?? []).includes(owner))
        throw new HttpError(403, "You cannot create in this namespace");
      const id = `${owner}/${body.name}`;
      if (repos.has(id)) return [409, { error: "You already created this model repo", url: `${url}/${id}` }];
      addRepo(id, { private: body.visibility === "private" });
      return { url: `${url}/${id}`, name: id, id: randomBytes(12).toString("hex") };
    },
    "create-branch"(request, [id, branch]) {
      const repo = ownRepo(request, id!);
      if (repo.branches.has(branch!)) return [409, { error: "Reference already exists" }];
      const body = JSON.parse(request.body.toString("utf8") || "{}") as { startingPoint?: string };
      const from = repo.branches.get(body.startingPoint ?? "main");
      if (!from) throw new HttpError(404, `Invalid rev id: ${body.startingPoint}`);
      repo.branches.set(branch!, new Map(from));
      repo.heads.set(branch!, repo.heads.get(body.startingPoint ?? "main")!);
      return {};
    },
    "validate-yaml"(request) {
      const body = JSON.parse(request.body.toString("utf8")) as { repoType?: string; content?: string };
      if (body.repoType !== "model" || typeof body.content !== "string")
        throw new HttpError(400, "repoType and content are required");
      const verdict = options.validateYaml?.(body.content) ?? {};
      const toMessages = (list: string[] | undefined) => (list ?? []).map((message) => ({ message }));
      if ((verdict.errors ?? []).length > 0) return [400, { errors: toMessages(verdict.errors) }];
      return { warnings: toMessages(verdict.warnings) };
    },
    preupload(request, [id, revision]) {
      const repo = ownRepo(request, id!);
      if (request.query.create_pr !== "1" && !repo.branches.has(revision!))
        throw new HttpError(404, `Invalid rev id: ${revision}`);
      const body = JSON.parse(request.body.toString("utf8")) as {
        files: { path: string; size: number; sample: string }[];
      };
      const threshold = options.lfsThreshold ?? 10_000_000;
      return {
        files: body.files.map((file) => {
          const binary = Buffer.from(file.sample, "base64").includes(0);
          const uploadMode = file.size >= threshold || LFS_EXTENSIONS.test(file.path) || binary ? "lfs" : "regular";
          return { path: file.path, uploadMode, shouldIgnore: false };
        }),
      };
    },
    "lfs-batch"(request, [id]) {
      ownRepo(request, id!);
      if (request.headers.accept !== "application/vnd.git-lfs+json")
        throw new HttpError(406, "Accept must be application/vnd.git-lfs+json");
      const body = JSON.parse(request.body.toString("utf8")) as {
        operation: string;
        objects: { oid: string; size: number }[];
      };
      if (body.operation !== "upload") throw new HttpError(400, "only uploads");
      const chunkSize = options.multipartChunkSize;
      const objects = body.objects.map(({ oid, size }) => {
        if (lfs.has(oid) || lfsDigests.has(oid)) return { oid, size };
        if (chunkSize && size > chunkSize) {
          const header: Record<string, string> = { chunk_size: String(chunkSize) };
          for (let part = 1; part <= Math.ceil(size / chunkSize); part++) {
            header[String(part).padStart(5, "0")] = `${url}/lfs/${oid}/parts/${part}?size=${size}`;
          }
          return { oid, size, actions: { upload: { href: `${url}/lfs/${oid}/complete?size=${size}`, header } } };
        }
        return { oid, size, actions: { upload: { href: `${url}/lfs/${oid}?size=${size}` } } };
      });
      return [
        200,
        { transfer: chunkSize ? "multipart" : "basic", objects },
        { "Content-Type": "application/vnd.git-lfs+json" },
      ];
    },
    "lfs-upload"(request, [oid]) {
      storeLfs(oid!, request.body, Number(request.query.size));
      return {};
    },
    "lfs-part"(request, [oid, part]) {
      const received = parts.get(oid!) ?? new Map<number, Buffer>();
      parts.set(oid!, received.set(Number(part), request.body));
      return [200, {}, { ETag: `"${createHash("md5").update(request.body).digest("hex")}"` }];
    },
    "lfs-complete"(request, [oid]) {
      const body = JSON.parse(request.body.toString("utf8")) as {
        oid: string;
        parts: { partNumber: number; etag: string }[];
      };
      const received = parts.get(oid!);
      const ordered = body.parts.map(({ partNumber, etag }) => {
        const bytes = received?.get(partNumber);
        if (!bytes || etag !== `"${createHash("md5").update(bytes).digest("hex")}"`)
          throw new HttpError(400, `part ${partNumber} missing or changed`);
        return bytes;
      });
      storeLfs(oid!, Buffer.concat(ordered), Number(request.query.size));
      parts.delete(oid!);
      return {};
    },
    commit(request, [id, revision]) {
      const repo = ownRepo(request, id!);
      const who = requireUser(request, true);
      if (request.headers["content-type"] !== "application/x-ndjson") throw new HttpError(400, "expected NDJSON");
      const lines = request.body
        .toString("utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as { key: string; value: Record<string, unknown> });
      const header = lines[0];
      if (header?.key !== "header" || typeof header.value.summary !== "string")
        throw new HttpError(400, "the first line must be the header");
      const files = new Map<string, FakeFile>();
      const deleted: string[] = [];
      for (const { key, value } of lines.slice(1)) {
        const path = String(value.path);
        if (key === "file") {
          if (value.encoding !== "base64") throw new HttpError(400, `${path}: only base64 content is expected`);
          files.set(path, { bytes: Buffer.from(String(value.content), "base64"), lfs: false });
        } else if (key === "lfsFile") {
          const oid = String(value.oid);
          const bytes = lfs.get(oid) ?? (lfsDigests.get(oid) === value.size ? Buffer.alloc(0) : undefined);
          if (!bytes || (lfs.has(oid) && bytes.length !== value.size)) {
            return [
              422,
              { error: `Your push was rejected because an LFS pointer pointed to a file that does not exist: ${path}` },
            ];
          }
          files.set(path, { bytes, lfs: true });
        } else if (key === "deletedFile") {
          deleted.push(path);
        } else {
          throw new HttpError(400, `unknown line ${key}`);
        }
      }
      const isPullRequest = request.query.create_pr === "1";
      if (!repo.branches.has(revision!)) throw new HttpError(404, `Invalid rev id: ${revision}`);
      // As the Hub: on a branch, the parent must still be its head; a pull request starts from the parent given.
      const parentCommit = header.value.parentCommit;
      let parent = repo.heads.get(revision!)!;
      if (typeof parentCommit === "string") {
        if (!repo.trees.has(parentCommit)) throw new HttpError(400, `Invalid parent commit: ${parentCommit}`);
        if (!isPullRequest && parentCommit !== parent) {
          return [412, { error: "A commit has happened since. Please refresh and try again." }];
        }
        parent = parentCommit;
      }
      const number = isPullRequest ? ++pullRequests : null;
      const target = isPullRequest ? `refs/pr/${number}` : revision!;
      // Atomic: the new tree is built aside and swapped in whole.
      const tree = new Map(repo.trees.get(parent)!);
      for (const path of deleted) tree.delete(path);
      for (const [path, file] of files) tree.set(path, file);
      const oid = randomBytes(20).toString("hex");
      repo.branches.set(target, tree);
      repo.heads.set(target, oid);
      repo.trees.set(oid, tree);
      const description = typeof header.value.description === "string" ? header.value.description : undefined;
      repo.commits.push({
        oid,
        parent,
        branch: target,
        author: who.name,
        pullRequest: number,
        title: header.value.summary,
        description,
        files,
      });
      return {
        success: true,
        commitOid: oid,
        commitUrl: `${url}/${id}/commit/${oid}`,
        hookOutput: "",
        ...(number !== null && { pullRequestUrl: `${url}/${id}/discussions/${number}` }),
      };
    },
    "list-commits"(request, [id, revision]) {
      const repo = ownRepo(request, id!);
      let oid = repo.heads.get(revision!);
      if (!oid) throw new HttpError(404, `Invalid rev id: ${revision}`);
      const limit = Number(request.query.limit ?? 100);
      const list: { id: string; title: string; message: string; authors: unknown[]; date: string }[] = [];
      while (oid && list.length < limit) {
        const commit = repo.commits.find((candidate) => candidate.oid === oid);
        list.push({ id: oid, title: commit?.title ?? "initial commit", message: "", authors: [], date: "" });
        oid = commit?.parent;
      }
      return [200, list];
    },
    "paths-info"(request, [id, revision]) {
      const repo = ownRepo(request, id!);
      const tree = repo.trees.get(revision!) ?? repo.branches.get(revision!);
      if (!tree) throw new HttpError(404, `Invalid rev id: ${revision}`);
      const body = JSON.parse(request.body.toString("utf8")) as { paths: string[] };
      const infos = body.paths.flatMap((path) => {
        const file = tree.get(path);
        if (!file) return [];
        const sha256 = createHash("sha256").update(file.bytes).digest("hex");
        const blob = createHash("sha1").update(`blob ${file.bytes.length}\0`).update(file.bytes).digest("hex");
        return [
          {
            type: "file",
            path,
            size: file.bytes.length,
            oid: blob,
            ...(file.lfs && { lfs: { oid: sha256, size: file.bytes.length, pointerSize: 134 } }),
          },
        ];
      });
      return [200, infos];
    },
    discussions(request, [id]) {
      const repo = ownRepo(request, id!);
      const discussions = repo.commits
        .filter((commit) => commit.pullRequest !== null)
        .filter((commit) => !request.query.author || commit.author === request.query.author)
        .map((commit) => ({
          num: commit.pullRequest,
          title: commit.title,
          status: "open",
          isPullRequest: true,
          author: { name: commit.author },
        }))
        .reverse();
      return { discussions, count: discussions.length, start: 0, numClosedDiscussions: 0 };
    },
  };

  function storeLfs(oid: string, bytes: Buffer, size: number) {
    const actual = createHash("sha256").update(bytes).digest("hex");
    if (actual !== oid || bytes.length !== size) {
      throw new HttpError(400, `LFS object ${oid}: got ${bytes.length} bytes hashing to ${actual}`);
    }
    lfs.set(oid, bytes);
  }

  async function storeLfsDigest(oid: string, body: AsyncIterable<unknown>, size: number) {
    const hash = createHash("sha256");
    let length = 0;
    for await (const chunk of body) {
      hash.update(chunk as Buffer);
      length += (chunk as Buffer).length;
    }
    const actual = hash.digest("hex");
    if (actual !== oid || length !== size) {
      throw new HttpError(400, `LFS object ${oid}: got ${length} bytes hashing to ${actual}`);
    }
    lfsDigests.set(oid, size);
  }

  const fakeHub: FakeHub = {
    url,
    requests,
    repos,
    lfs,
    options,
    onRequest: null,
    fail: (fault) => faults.push({ ...fault }),
    addRepo,
    writeFiles,
    reset() {
      requests.length = 0;
      repos.clear();
      lfs.clear();
      lfsDigests.clear();
      parts.clear();
      faults.length = 0;
      pullRequests = 0;
      fakeHub.onRequest = null;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
  return fakeHub;
}

function matchRoute(method: string, pathname: string): { route: FakeHubRoute | "unknown"; params: string[] } {
  const table: [string, RegExp, FakeHubRoute][] = [
    ["GET", /^\/api\/whoami-v2$/, "whoami"],
    ["POST", /^\/api\/repos\/create$/, "create-repo"],
    ["POST", /^\/api\/validate-yaml$/, "validate-yaml"],
    ["GET", /^\/api\/models\/([^/]+\/[^/]+)$/, "repo-info"],
    ["POST", /^\/api\/models\/([^/]+\/[^/]+)\/branch\/([^/]+)$/, "create-branch"],
    ["POST", /^\/api\/models\/([^/]+\/[^/]+)\/preupload\/([^/]+)$/, "preupload"],
    ["POST", /^\/api\/models\/([^/]+\/[^/]+)\/commit\/([^/]+)$/, "commit"],
    ["GET", /^\/api\/models\/([^/]+\/[^/]+)\/commits\/([^/]+)$/, "list-commits"],
    ["POST", /^\/api\/models\/([^/]+\/[^/]+)\/paths-info\/([^/]+)$/, "paths-info"],
    ["GET", /^\/api\/models\/([^/]+\/[^/]+)\/discussions$/, "discussions"],
    ["POST", /^\/([^/]+\/[^/]+)\.git\/info\/lfs\/objects\/batch$/, "lfs-batch"],
    ["PUT", /^\/lfs\/([0-9a-f]{64})$/, "lfs-upload"],
    ["PUT", /^\/lfs\/([0-9a-f]{64})\/parts\/(\d+)$/, "lfs-part"],
    ["POST", /^\/lfs\/([0-9a-f]{64})\/complete$/, "lfs-complete"],
    ...READ_ROUTE_TABLE,
  ];
  for (const [verb, pattern, route] of table) {
    const match = method === verb ? pattern.exec(pathname) : null;
    if (match) return { route, params: match.slice(1).map((part) => decodeURIComponent(part)) };
  }
  return { route: "unknown", params: [] };
}

function record(
  route: FakeHubRoute | "unknown",
  req: IncomingMessage,
  target: URL,
  body: Buffer,
  fault: string | undefined,
): RecordedRequest {
  return {
    route,
    method: req.method ?? "GET",
    path: target.pathname,
    query: Object.fromEntries(target.searchParams),
    headers: req.headers,
    body,
    ...(fault && { fault }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  if (res.headersSent || res.destroyed) return;
  if (Buffer.isBuffer(body)) {
    // A file's bytes (resolve), sent as they are.
    res.writeHead(status, headers);
    res.end(body);
    return;
  }
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
