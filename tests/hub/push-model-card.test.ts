import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { generateCard } from "../../src/generate/index.js";
import {
  lintBeforePush,
  PushFailedError,
  type PushModelCardParams,
  type PushProgressEvent,
  pushModelCard,
} from "../../src/hub/index.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { copyRunFixture, EXPECTED_RUN_FILES, RUN_FIXTURE, snapshotTree } from "./run-fixture.js";

const TOKEN = "hf_testtokenAlice0123456789";
const READ_TOKEN = "hf_readonlyBob0123456789";
const CARD = join(RUN_FIXTURE, "README.md");

let hub: FakeHub;
let sleeps: number[];

beforeAll(async () => {
  hub = await startFakeHub({
    users: { [TOKEN]: { name: "alice", orgs: ["lab"] }, [READ_TOKEN]: { name: "bob", role: "read" } },
  });
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.reset();
  hub.options.validateYaml = undefined;
  hub.options.multipartChunkSize = undefined;
  sleeps = [];
});

function push(params: Partial<PushModelCardParams> & { path: string }) {
  return pushModelCard({
    repo: "alice/smollm3-fr",
    hubUrl: hub.url,
    accessToken: TOKEN,
    retry: { sleep: async (ms) => void sleeps.push(ms) },
    ...params,
  });
}

const routes = () => hub.requests.map((request) => request.route);
const sentAnything = () => routes().some((route) => !["whoami", "validate-yaml", "repo-info"].includes(route));

describe("pushModelCard: what arrives on the Hub", () => {
  it("creates the repository and commits the card, the curves and the model files in one commit", async () => {
    const before = snapshotTree(RUN_FIXTURE);
    const outcome = await push({ path: RUN_FIXTURE });
    expect(outcome).toMatchObject({ status: "pushed", repoCreated: true, branch: "main", pullRequestUrl: null });
    const repo = hub.repos.get("alice/smollm3-fr")!;
    expect(repo.private).toBe(false);
    expect(repo.commits).toHaveLength(1);
    const commit = repo.commits[0]!;
    expect([...commit.files.keys()].sort()).toEqual([...EXPECTED_RUN_FILES].sort());
    for (const [path, file] of commit.files) {
      expect(file.bytes.equals(readFileSync(join(RUN_FIXTURE, path))), path).toBe(true);
    }
    expect(commit.files.get("model.safetensors")!.lfs).toBe(true);
    expect(commit.files.get("training_curves.png")!.lfs).toBe(true);
    expect(commit.files.get("README.md")!.lfs).toBe(false);
    expect(commit.title).toBe("Upload model card and 18 files");
    expect(outcome.status === "pushed" && outcome.commitUrl).toBe(`${hub.url}/alice/smollm3-fr/commit/${commit.oid}`);
    expect(snapshotTree(RUN_FIXTURE)).toEqual(before);
  });

  it("sends the token as a Bearer header to the Hub API, and none to the LFS storage", async () => {
    await push({ path: RUN_FIXTURE });
    for (const request of hub.requests) {
      const expected =
        request.route.startsWith("lfs-") && request.route !== "lfs-batch" ? undefined : `Bearer ${TOKEN}`;
      expect(request.headers.authorization, `${request.method} ${request.path}`).toBe(expected);
    }
    expect(routes()).toEqual(
      expect.arrayContaining([
        "whoami",
        "validate-yaml",
        "repo-info",
        "create-repo",
        "preupload",
        "lfs-batch",
        "commit",
      ]),
    );
  });

  it("validates the card on the Hub before creating anything, and asks for plain LFS transfers (no Xet)", async () => {
    await push({ path: RUN_FIXTURE });
    const order = routes();
    expect(order.indexOf("validate-yaml")).toBeLessThan(order.indexOf("create-repo"));
    const validation = hub.requests.find((request) => request.route === "validate-yaml")!;
    expect(JSON.parse(validation.body.toString("utf8"))).toEqual({
      repoType: "model",
      content: readFileSync(CARD, "utf8"),
    });
    const batch = JSON.parse(hub.requests.find((request) => request.route === "lfs-batch")!.body.toString("utf8"));
    expect(batch.transfers).toEqual(["basic", "multipart"]);
  });

  it("writes an NDJSON commit: header, small files inline in base64, large ones as LFS pointers", async () => {
    await push({ path: RUN_FIXTURE, commitMessage: "Release v1", commitDescription: "SFT on OpenHermes-FR" });
    const commit = hub.requests.find((request) => request.route === "commit")!;
    expect(commit.headers["content-type"]).toBe("application/x-ndjson");
    const lines = commit.body
      .toString("utf8")
      .split("\n")
      .map((line) => JSON.parse(line));
    const main = hub.repos.get("alice/smollm3-fr")!.commits[0]!.parent;
    expect(lines[0]).toEqual({
      key: "header",
      value: { summary: "Release v1", description: "SFT on OpenHermes-FR", parentCommit: main },
    });
    const readme = lines.find((line) => line.value.path === "README.md");
    expect(readme).toEqual({
      key: "file",
      value: { path: "README.md", encoding: "base64", content: readFileSync(CARD).toString("base64") },
    });
    const weights = lines.find((line) => line.value.path === "model.safetensors");
    expect(weights.key).toBe("lfsFile");
    expect(weights.value).toMatchObject({
      algo: "sha256",
      size: readFileSync(join(RUN_FIXTURE, "model.safetensors")).length,
    });
  });

  it("sends only the card with cardOnly", async () => {
    const outcome = await push({ path: RUN_FIXTURE, cardOnly: true });
    expect([...hub.repos.get("alice/smollm3-fr")!.commits[0]!.files.keys()]).toEqual(["README.md"]);
    expect(outcome.status === "pushed" && hub.repos.get("alice/smollm3-fr")!.commits[0]!.title).toBe(
      "Update model card",
    );
  });

  it("sends a card file as README.md, with the training curves beside it", async () => {
    const dir = copyRunFixture();
    const card = join(dir, "my-card.md");
    writeFileSync(card, readFileSync(CARD));
    await push({ path: card });
    const files = hub.repos.get("alice/smollm3-fr")!.commits[0]!.files;
    expect([...files.keys()].sort()).toEqual(["README.md", "training_curves.png"]);
    expect(files.get("README.md")!.bytes.equals(readFileSync(CARD))).toBe(true);
  });

  it("opens a pull request with createPr and leaves the branch alone", async () => {
    hub.addRepo("alice/smollm3-fr");
    const outcome = await push({ path: RUN_FIXTURE, createPr: true, cardOnly: true });
    expect(outcome).toMatchObject({ status: "pushed", repoCreated: false });
    expect(outcome.status === "pushed" && outcome.pullRequestUrl).toBe(`${hub.url}/alice/smollm3-fr/discussions/1`);
    const repo = hub.repos.get("alice/smollm3-fr")!;
    expect(repo.branches.get("main")!.has("README.md")).toBe(false);
    expect(repo.branches.get("refs/pr/1")!.has("README.md")).toBe(true);
    for (const request of hub.requests.filter((r) => r.route === "preupload" || r.route === "commit")) {
      expect(request.query.create_pr).toBe("1");
    }
    expect(routes()).not.toContain("create-repo");
  });

  it("creates a private repository with private, and keeps an existing repository as it is", async () => {
    await push({ path: RUN_FIXTURE, cardOnly: true, private: true });
    expect(hub.repos.get("alice/smollm3-fr")!.private).toBe(true);
    const create = hub.requests.find((request) => request.route === "create-repo")!;
    expect(JSON.parse(create.body.toString("utf8"))).toMatchObject({
      name: "smollm3-fr",
      organization: "alice",
      type: "model",
      visibility: "private",
    });
  });

  it("warns that private does not change an existing repository", async () => {
    hub.addRepo("alice/smollm3-fr");
    const outcome = await push({ path: RUN_FIXTURE, cardOnly: true, private: true });
    expect(outcome.status).toBe("pushed");
    expect(hub.repos.get("alice/smollm3-fr")!.private).toBe(false);
    expect(outcome.problems).toEqual([expect.objectContaining({ code: "visibility-unchanged", severity: "warning" })]);
    expect(routes()).not.toContain("create-repo");
  });

  it("commits to the revision's branch, creating it from main when missing", async () => {
    hub.addRepo("alice/smollm3-fr");
    const outcome = await push({ path: RUN_FIXTURE, cardOnly: true, revision: "experiments" });
    expect(outcome).toMatchObject({ status: "pushed", branch: "experiments" });
    const repo = hub.repos.get("alice/smollm3-fr")!;
    expect(repo.branches.get("experiments")!.has("README.md")).toBe(true);
    expect(repo.branches.get("main")!.has("README.md")).toBe(false);
    expect(hub.requests.find((request) => request.route === "commit")!.path).toBe(
      "/api/models/alice/smollm3-fr/commit/experiments",
    );
  });

  it("uploads a large file in parts when the Hub asks for a multipart transfer, and reports its bytes", async () => {
    hub.options.multipartChunkSize = 1_000_000;
    const dir = copyRunFixture();
    const weights = Buffer.alloc(3_500_000);
    for (let index = 0; index < weights.length; index++) weights[index] = (index * 31) % 256;
    writeFileSync(join(dir, "model-00001-of-00002.safetensors"), weights);
    const events: PushProgressEvent[] = [];
    await push({ path: dir, onProgress: (event) => events.push(event) });
    const stored = hub.repos.get("alice/smollm3-fr")!.branches.get("main")!.get("model-00001-of-00002.safetensors")!;
    expect(stored.bytes.equals(weights)).toBe(true);
    expect(hub.requests.filter((request) => request.route === "lfs-part")).toHaveLength(4);
    const bytes = events.filter((event) => event.type === "bytes" && event.path === "model-00001-of-00002.safetensors");
    expect(bytes.at(-1)).toMatchObject({ sent: weights.length, size: weights.length });
    expect(events).toContainEqual({ type: "uploaded", path: "model-00001-of-00002.safetensors", size: weights.length });
  });

  it("lists the plan and sends nothing with dryRun", async () => {
    const outcome = await push({ path: RUN_FIXTURE, dryRun: true });
    expect(outcome.status).toBe("planned");
    expect(outcome.plan.files.map((file) => file.pathInRepo)).toEqual(EXPECTED_RUN_FILES);
    expect(hub.requests).toEqual([]);
  });
});

describe("pushModelCard: validation comes before any upload", () => {
  it("refuses a card with local errors and sends no request", async () => {
    const dir = copyRunFixture();
    writeFileSync(join(dir, "README.md"), "---\nlicense: mit\nlicense: apache-2.0\n---\n# Card\n");
    const outcome = await push({ path: dir });
    expect(outcome.status).toBe("refused");
    expect(outcome.problems).toContainEqual(expect.objectContaining({ source: "card", severity: "error", line: 3 }));
    expect(hub.requests).toEqual([]);
  });

  it("refuses a directory without README.md when no card is given, and points at modelcard generate", async () => {
    const dir = copyRunFixture();
    rmSync(join(dir, "README.md"));
    const outcome = await push({ path: dir });
    expect(outcome.status).toBe("refused");
    expect(outcome.problems[0]).toMatchObject({ code: "missing-card" });
    expect(outcome.problems[0]!.message).toContain(`modelcard generate --from ${dir}`);
    expect(hub.requests).toEqual([]);
  });

  it("pushes the card it is given (here generated from the run) with its files, writing nothing", async () => {
    const dir = copyRunFixture();
    rmSync(join(dir, "README.md"));
    const before = snapshotTree(dir);
    const { card, assets } = await generateCard({
      values: { from: dir, "repo-name": "alice/smollm3-fr" },
      hardwareProbe: null,
    });
    const given = {
      card,
      files: assets.map((asset) => ({ pathInRepo: asset.fileName, content: asset.content })),
    };
    // The run says nothing of a license, so a project that requires one holds the generated card back...
    const held = await push({ path: dir, ...given, validate: lintBeforePush({ requiredFields: ["license"] }) });
    expect(held).toMatchObject({ status: "refused" });
    expect(held.problems).toContainEqual(expect.objectContaining({ code: "required-fields", severity: "error" }));
    expect(hub.requests).toEqual([]);
    // ...and with a check that lets it through, it is what arrives.
    const outcome = await push({ path: dir, ...given, validate: () => [] });
    expect(outcome).toMatchObject({ status: "pushed" });
    const files = hub.repos.get("alice/smollm3-fr")!.commits[0]!.files;
    expect(files.get("README.md")!.bytes.toString("utf8")).toBe(card.toString());
    expect(files.get("training_curves.png")!.bytes.equals(readFileSync(join(dir, "training_curves.png")))).toBe(true);
    expect(files.has("training_curves.svg")).toBe(true);
    expect(snapshotTree(dir)).toEqual(before);
  });

  it("stops on the Hub's validation errors, pointing at the key they name, and uploads nothing", async () => {
    hub.options.validateYaml = () => ({ errors: ['"model-index[0].results[0].metrics[0].value" must be a number'] });
    const outcome = await push({ path: RUN_FIXTURE });
    expect(outcome.status).toBe("refused");
    expect(outcome.problems).toEqual([
      {
        source: "hub",
        code: "hub-error",
        severity: "error",
        message: '"model-index[0].results[0].metrics[0].value" must be a number',
        line: 21,
        column: 7,
      },
    ]);
    expect(sentAnything()).toBe(false);
    expect(hub.repos.size).toBe(0);
  });

  it("pushes with the Hub's warnings kept in the outcome", async () => {
    hub.options.validateYaml = () => ({ warnings: ["empty or missing yaml metadata in repo card"] });
    const outcome = await push({ path: RUN_FIXTURE, cardOnly: true });
    expect(outcome.status).toBe("pushed");
    expect(outcome.problems).toEqual([
      {
        source: "hub",
        code: "hub-warning",
        severity: "warning",
        message: "empty or missing yaml metadata in repo card",
      },
    ]);
  });

  it("refuses a read-only token before sending the card", async () => {
    const outcome = await push({ path: RUN_FIXTURE, accessToken: READ_TOKEN, repo: "bob/model" });
    expect(outcome.status).toBe("refused");
    expect(outcome.problems[0]).toMatchObject({ code: "read-only-token" });
    expect(routes()).toEqual(["whoami"]);
  });

  it("fails with a hint when the Hub refuses the token, without showing it", async () => {
    const bad = "hf_unknownToken0123456789";
    const error = await push({ path: RUN_FIXTURE, accessToken: bad }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PushFailedError);
    expect((error as PushFailedError).statusCode).toBe(401);
    expect((error as Error).message).toContain(`${hub.url}/settings/tokens`);
    expect((error as Error).message).not.toContain(bad);
  });
});

describe("pushModelCard: faults", () => {
  it("never resends a commit answered 500: it reads the branch, finds it was not made, and says to push again", async () => {
    hub.fail({ route: "commit", status: 500 });
    const error = await push({ path: RUN_FIXTURE }).catch((caught: unknown) => caught);
    const head = hub.repos.get("alice/smollm3-fr")!.heads.get("main");
    expect((error as Error).message).toBe(
      `committing to ${hub.url}/alice/smollm3-fr: the Hub answered 500: injected fault. URL: ${hub.url}/api/models/alice/smollm3-fr/commit/main; the Hub did not apply it (main is still at ${head}): push again.`,
    );
    expect(hub.requests.filter((request) => request.route === "commit")).toHaveLength(1);
    expect(hub.repos.get("alice/smollm3-fr")!.commits).toHaveLength(0);
    expect(sleeps).toEqual([]);
  });

  it("waits as long as a 429's Retry-After says, then goes on", async () => {
    hub.fail({ route: "preupload", status: 429, headers: { "Retry-After": "7" }, times: 2 });
    const outcome = await push({ path: RUN_FIXTURE });
    expect(outcome.status).toBe("pushed");
    expect(sleeps).toEqual([7000, 7000]);
  });

  it("backs off exponentially on repeated 5xx and gives up with the Hub's error, nothing committed", async () => {
    hub.fail({ route: "lfs-batch", status: 503, times: Number.POSITIVE_INFINITY });
    const error = await push({ path: RUN_FIXTURE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PushFailedError);
    expect((error as PushFailedError).step).toBe("upload");
    expect((error as Error).message).toMatch(
      /uploading the files failed .*503.*the repository was created but nothing was committed/,
    );
    expect(sleeps).toEqual([1000, 2000, 4000, 8000, 16000]);
    expect(hub.repos.get("alice/smollm3-fr")!.commits).toEqual([]);
  });

  it("survives one dropped connection during an LFS upload", async () => {
    hub.fail({ route: "lfs-upload", reset: true });
    const outcome = await push({ path: RUN_FIXTURE });
    expect(outcome.status).toBe("pushed");
    expect(hub.requests.filter((request) => request.fault === "reset")).toHaveLength(1);
  });

  it("gives a clear error when the connection keeps dropping, and leaves the remote as it was", async () => {
    hub.addRepo("alice/smollm3-fr");
    hub.fail({ route: "lfs-upload", reset: true, times: Number.POSITIVE_INFINITY });
    const error = await push({ path: RUN_FIXTURE }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(PushFailedError);
    expect((error as Error).message).toContain(`the connection to ${hub.url} was dropped`);
    expect((error as Error).message).toContain("nothing was committed, the repository is as it was");
    const repo = hub.repos.get("alice/smollm3-fr")!;
    expect(repo.commits).toEqual([]);
    expect([...repo.branches.get("main")!.keys()]).toEqual([".gitattributes"]);
    expect(routes()).not.toContain("commit");
  });

  it("sends the commit once when the connection drops before the Hub applied it, and says so", async () => {
    hub.addRepo("alice/smollm3-fr");
    hub.fail({ route: "commit", reset: true, times: Number.POSITIVE_INFINITY });
    const error = await push({ path: RUN_FIXTURE, cardOnly: true }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ step: "commit" });
    expect((error as Error).message).toMatch(
      /^committing to .*: the connection to .* was dropped \(\w+\) during POST \/api\/models\/alice\/smollm3-fr\/commit\/main; the Hub did not apply it \(main is still at [0-9a-f]{40}\): push again\.$/,
    );
    expect(hub.requests.filter((request) => request.route === "commit")).toHaveLength(1);
  });

  it("never shows the token, even when the Hub echoes it back", async () => {
    hub.fail({
      route: "commit",
      status: 400,
      bodyFrom: (request) => ({ error: `bad request with header ${request.headers.authorization}` }),
    });
    const error = await push({ path: RUN_FIXTURE }).catch((caught: unknown) => caught);
    expect((error as Error).message).toContain("bad request with header Bearer hf_***");
    expect((error as Error).message).not.toContain(TOKEN);
    expect(JSON.stringify(error)).not.toContain(TOKEN);
    expect((error as Error).cause).toBeUndefined();
  });
});
