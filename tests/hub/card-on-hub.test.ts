import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { MetadataConflictError } from "../../src/card/index.js";
import { HubCardAccessError } from "../../src/hub/hub-card-access-error.js";
import { HubUpdateConflictError } from "../../src/hub/hub-update-conflict-error.js";
import { listAuthorModels } from "../../src/hub/list-author-models.js";
import { readCardFromHub } from "../../src/hub/read-card-from-hub.js";
import { updateCardOnHub } from "../../src/hub/update-card-on-hub.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";

const ALICE = "hf_aliceCanWrite0123456789";
const BOB = "hf_bobReadsOnly0123456789";
const CARD = "---\n# the licence was checked by legal\nlicense: mit\nlanguage:\n- en\n---\n\n# Model\n\nSome text.\n";

let hub: FakeHub;

beforeAll(async () => {
  hub = await startFakeHub({ users: { [ALICE]: { name: "alice", orgs: ["lab"] }, [BOB]: { name: "bob" } } });
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.reset();
  hub.options.onRequest = undefined;
  hub.options.listPageSize = undefined;
});

const connection = (accessToken?: string) => ({
  hubUrl: hub.url,
  ...(accessToken && { accessToken }),
  retry: { sleep: async () => undefined },
});

function reject(promise: Promise<unknown>): Promise<HubCardAccessError> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (error: unknown) => {
      expect(error).toBeInstanceOf(HubCardAccessError);
      return error as HubCardAccessError;
    },
  );
}

describe("readCardFromHub", () => {
  it("reads README.md at the commit the revision points to, probing its size with Range: bytes=0-0", async () => {
    hub.addRepo("lab/model");
    const sha = hub.writeFiles("lab/model", { "README.md": CARD });
    const reading = await readCardFromHub({ repo: "lab/model", ...connection() });
    expect(reading).toMatchObject({ repo: "lab/model", revision: "main", commit: sha });
    expect(reading.name).toBe("hf://lab/model@main/README.md");
    expect(reading.bytes.toString("utf8")).toBe(CARD);
    expect(reading.card.metadata).toEqual({ license: "mit", language: ["en"] });
    const resolves = hub.requests.filter((request) => request.route === "resolve");
    // The card is read at the commit id, so that reading and commit agree.
    expect(resolves.map((request) => request.path)).toEqual([
      `/lab/model/resolve/${sha}/README.md`,
      `/lab/model/resolve/${sha}/README.md`,
    ]);
    expect(resolves[0]!.headers.range).toBe("bytes=0-0");
    expect(hub.requests.every((request) => request.headers.authorization === undefined)).toBe(true);
  });

  it("reads a branch, a tag, a commit id and refs/pr/N (encoded once)", async () => {
    const repo = hub.addRepo("lab/model");
    const first = hub.writeFiles("lab/model", { "README.md": "---\nlicense: mit\n---\n" });
    hub.writeFiles("lab/model", { "README.md": "---\nlicense: apache-2.0\n---\n" });
    hub.writeFiles("lab/model", { "README.md": "---\nlicense: cc-by-4.0\n---\n" }, { branch: "dev" });
    hub.writeFiles("lab/model", { "README.md": "---\nlicense: gpl-3.0\n---\n" }, { branch: "refs/pr/3" });
    repo.tags = new Map([["v1", first]]);
    const license = async (revision: string) =>
      (await readCardFromHub({ repo: "lab/model", revision, ...connection() })).card.metadata.license;
    expect(await license("main")).toBe("apache-2.0");
    expect(await license("dev")).toBe("cc-by-4.0");
    expect(await license("v1")).toBe("mit");
    expect(await license(first)).toBe("mit");
    expect(await license("refs/pr/3")).toBe("gpl-3.0");
    // Encoded once: refs%2Fpr%2F3 (twice, refs%252Fpr%252F3, the Hub answers 404).
    expect(hub.requests.some((request) => request.path.includes("%25"))).toBe(false);
    const info = hub.requests.find((request) => request.route === "model-info" && request.path.includes("refs"));
    expect(info?.path).toBe("/api/models/lab/model/revision/refs%2Fpr%2F3");
  });

  it("refuses a private repository without a token, and reads it with its owner's", async () => {
    hub.addRepo("alice/secret", { private: true });
    hub.writeFiles("alice/secret", { "README.md": CARD });
    const refused = await reject(readCardFromHub({ repo: "alice/secret", ...connection() }));
    expect(refused.failure).toBe("repo-not-found");
    expect(refused.message).toBe(
      "hf://alice/secret@main/README.md: no public model repository alice/secret; check the name, or, if it is private, set HF_TOKEN or log in with `hf auth login`",
    );
    const other = await reject(readCardFromHub({ repo: "alice/secret", ...connection(BOB) }));
    expect(other.message).toContain("no model repository alice/secret that this token can see");
    expect(other.message).not.toContain(BOB);
    const reading = await readCardFromHub({ repo: "alice/secret", ...connection(ALICE) });
    expect(reading.card.metadata.license).toBe("mit");
  });

  it("refuses a gated repository without access, and reads it once access is granted", async () => {
    hub.addRepo("lab/gated", { gated: ["alice"] });
    hub.writeFiles("lab/gated", { "README.md": CARD });
    const anonymous = await reject(readCardFromHub({ repo: "lab/gated", ...connection() }));
    expect(anonymous.failure).toBe("gated");
    expect(anonymous.message).toBe(
      `hf://lab/gated@main/README.md: the repository is gated; ask for access at ${hub.url}/lab/gated, then set HF_TOKEN or log in with \`hf auth login\``,
    );
    const bob = await reject(readCardFromHub({ repo: "lab/gated", ...connection(BOB) }));
    expect(bob.message).toBe(
      `hf://lab/gated@main/README.md: the repository is gated and this token has no access; ask for access at ${hub.url}/lab/gated`,
    );
    expect((await readCardFromHub({ repo: "lab/gated", ...connection(ALICE) })).card.metadata.license).toBe("mit");
  });

  it("refuses a missing repository, a missing revision and a revision without README.md", async () => {
    hub.addRepo("lab/empty");
    expect((await reject(readCardFromHub({ repo: "lab/nothing", ...connection(ALICE) }))).failure).toBe(
      "repo-not-found",
    );
    const revision = await reject(readCardFromHub({ repo: "lab/empty", revision: "v9", ...connection() }));
    expect(revision.failure).toBe("revision-not-found");
    expect(revision.message).toBe(
      "hf://lab/empty@v9/README.md: no revision v9 in lab/empty; pass an existing branch, tag, commit id or refs/pr/N with --revision",
    );
    const card = await reject(readCardFromHub({ repo: "lab/empty", ...connection() }));
    expect(card.failure).toBe("no-card");
    expect(card.message).toMatch(/^hf:\/\/lab\/empty@main\/README\.md: the repository has no README\.md at main;/);
  });

  it("sends no request at all offline", async () => {
    const refused = await reject(readCardFromHub({ repo: "lab/model", offline: true, ...connection() }));
    expect(refused.failure).toBe("offline");
    expect(hub.requests).toEqual([]);
  });
});

describe("updateCardOnHub", () => {
  it("commits only README.md on the commit it read (parentCommit), changing only the edited line", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "weights.bin": "x" });
    const read = hub.writeFiles("lab/model", { "README.md": CARD });
    const outcome = await updateCardOnHub({
      repo: "lab/model",
      ...connection(ALICE),
      edit: (card) => card.update({ license: "apache-2.0" }, { overwrite: true }),
    });
    expect(outcome.status).toBe("committed");
    const repo = hub.repos.get("lab/model")!;
    const made = repo.commits.at(-1)!;
    expect(made).toMatchObject({ parent: read, branch: "main", title: "Update metadata: license", author: "alice" });
    expect([...made.files.keys()]).toEqual(["README.md"]);
    expect(made.files.get("README.md")!.bytes.toString("utf8")).toBe(
      CARD.replace("license: mit", "license: apache-2.0"),
    );
    const header = JSON.parse(
      hub.requests
        .find((r) => r.route === "commit")!
        .body.toString("utf8")
        .split("\n")[0]!,
    );
    expect(header.value.parentCommit).toBe(read);
    if (outcome.status !== "committed") throw new Error("not committed");
    expect(outcome.commitOid).toBe(made.oid);
    expect(outcome.pullRequestUrl).toBeNull();
    expect(outcome.reappliedAfterConflict).toBe(false);
  });

  it("makes no commit when nothing changes, and sends nothing but reads on a dry run", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "README.md": CARD });
    const same = await updateCardOnHub({
      repo: "lab/model",
      ...connection(ALICE),
      edit: (card) => card.update({ license: "mit" }),
    });
    expect(same.status).toBe("unchanged");
    const planned = await updateCardOnHub({
      repo: "lab/model",
      ...connection(ALICE),
      dryRun: true,
      edit: (card) => card.update({ pipeline_tag: "text-generation" }),
    });
    expect(planned).toMatchObject({ status: "planned", title: "Update metadata: pipeline_tag" });
    expect(hub.requests.filter((request) => request.method !== "GET")).toEqual([]);
    expect(hub.repos.get("lab/model")!.commits).toHaveLength(1);
  });

  it("opens a pull request from the commit read, also from a tag, which alone is refused", async () => {
    const repo = hub.addRepo("lab/model");
    const read = hub.writeFiles("lab/model", { "README.md": CARD });
    repo.tags = new Map([["v1", read]]);
    hub.writeFiles("lab/model", { "other.txt": "later" });
    const edit = (card: import("../../src/card/index.js").ModelCard) =>
      card.update({ pipeline_tag: "text-generation" });
    const refused = await reject(updateCardOnHub({ repo: "lab/model", revision: "v1", ...connection(ALICE), edit }));
    expect(refused.failure).toBe("not-a-branch");
    expect(refused.message).toBe(
      "hf://lab/model@v1/README.md: v1 is a tag or a commit id, not a branch: there is nothing to commit to; add --create-pr to open a pull request from it",
    );
    const sha = await reject(updateCardOnHub({ repo: "lab/model", revision: read, ...connection(ALICE), edit }));
    expect(sha.failure).toBe("not-a-branch");
    const outcome = await updateCardOnHub({
      repo: "lab/model",
      revision: "v1",
      createPr: true,
      commitMessage: "Add the pipeline tag",
      ...connection(ALICE),
      edit,
    });
    if (outcome.status !== "committed") throw new Error("not committed");
    expect(outcome.pullRequestUrl).toBe(`${hub.url}/lab/model/discussions/1`);
    const made = repo.commits.at(-1)!;
    expect(made).toMatchObject({ parent: read, branch: "refs/pr/1", pullRequest: 1, title: "Add the pipeline tag" });
    expect(hub.requests.find((r) => r.route === "commit")!.query.create_pr).toBe("1");
  });

  it("never overwrites a concurrent commit: reads again, re-applies, and commits on the new head", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "README.md": CARD });
    let concurrent = "";
    hub.options.onRequest = (request) => {
      if (request.route === "preupload" && concurrent === "") {
        concurrent = hub.writeFiles("lab/model", { "README.md": CARD.replace("Some text.", "Edited on the Hub.") });
      }
    };
    const outcome = await updateCardOnHub({
      repo: "lab/model",
      ...connection(ALICE),
      edit: (card) => card.update({ pipeline_tag: "text-generation" }),
    });
    const commits = hub.requests.filter((request) => request.route === "commit");
    expect(commits).toHaveLength(2);
    const made = hub.repos.get("lab/model")!.commits.at(-1)!;
    expect(made.parent).toBe(concurrent);
    const text = made.files.get("README.md")!.bytes.toString("utf8");
    expect(text).toContain("Edited on the Hub.");
    expect(text).toContain("pipeline_tag: text-generation\n");
    expect(outcome).toMatchObject({ status: "committed", reappliedAfterConflict: true });
  });

  it("stops when the edit no longer applies to the moved card, and overwrites nothing", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "README.md": CARD });
    let concurrent = "";
    hub.options.onRequest = (request) => {
      if (request.route === "preupload" && concurrent === "") {
        concurrent = hub.writeFiles("lab/model", {
          "README.md": CARD.replace("language:\n- en\n", "pipeline_tag: fill-mask\n"),
        });
      }
    };
    const error = await updateCardOnHub({
      repo: "lab/model",
      ...connection(ALICE),
      edit: (card) => card.update({ pipeline_tag: "text-generation" }),
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HubUpdateConflictError);
    expect((error as Error).message).toMatch(
      /^hf:\/\/lab\/model@main\/README\.md: main moved from [0-9a-f]{7} to [0-9a-f]{7} after the card was read, and the edit no longer applies to the new card \(.*pipeline_tag.*\); nothing was committed/,
    );
    const repo = hub.repos.get("lab/model")!;
    expect(repo.heads.get("main")).toBe(concurrent);
    expect(repo.commits.filter((commit) => commit.author === "alice")).toEqual([]);
  });

  it("refuses to commit without a token, and passes a conflicting edit's error through", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "README.md": CARD });
    const edit = (card: import("../../src/card/index.js").ModelCard) =>
      card.update({ pipeline_tag: "text-generation" });
    const refused = await reject(updateCardOnHub({ repo: "lab/model", ...connection(), edit }));
    expect(refused.failure).toBe("token");
    const conflict = await updateCardOnHub({
      repo: "lab/model",
      ...connection(ALICE),
      edit: (card) => card.update({ license: "apache-2.0" }),
    }).catch((caught: unknown) => caught);
    expect(conflict).toBeInstanceOf(MetadataConflictError);
    expect(hub.requests.filter((request) => request.method === "POST")).toEqual([]);
  });
});

describe("updateCardOnHub, more", () => {
  it("adds a commit to an open pull request (refs/pr/N, encoded once)", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "README.md": CARD });
    const head = hub.writeFiles(
      "lab/model",
      { "README.md": CARD.replace("mit", "apache-2.0") },
      { branch: "refs/pr/1" },
    );
    const outcome = await updateCardOnHub({
      repo: "lab/model",
      revision: "refs/pr/1",
      ...connection(ALICE),
      edit: (card) => card.update({ pipeline_tag: "text-generation" }),
    });
    expect(outcome.status).toBe("committed");
    expect(hub.requests.find((request) => request.route === "commit")!.path).toBe(
      "/api/models/lab/model/commit/refs%2Fpr%2F1",
    );
    const made = hub.repos.get("lab/model")!.commits.at(-1)!;
    expect(made).toMatchObject({ parent: head, branch: "refs/pr/1" });
    expect(made.files.get("README.md")!.bytes.toString("utf8")).toContain("license: apache-2.0\n");
  });

  it("says when the token may not write, and when the commit's outcome is unknown", async () => {
    hub.addRepo("lab/model");
    hub.writeFiles("lab/model", { "README.md": CARD });
    const edit = (card: import("../../src/card/index.js").ModelCard) => card.update({ pipeline_tag: "fill-mask" });
    const bob = await reject(updateCardOnHub({ repo: "lab/model", ...connection(BOB), edit }));
    expect(bob.failure).toBe("token");
    expect(bob.message).toMatch(
      /^hf:\/\/lab\/model@main\/README\.md: committing failed, the Hub answered 403: .*this token may not write to the repository/,
    );
    expect(bob.message).not.toContain(BOB);
    hub.fail({ route: "commit", status: 500 });
    const lost = await reject(updateCardOnHub({ repo: "lab/model", ...connection(ALICE), edit }));
    expect(lost.message).toContain(
      `the commit may or may not have been made: look at ${hub.url}/lab/model/commits/main, or run the update again`,
    );
    // The commit is never sent twice on its own.
    expect(hub.requests.filter((request) => request.route === "commit")).toHaveLength(1);
  });
});

describe("listAuthorModels", () => {
  it("lists an author's models page after page, up to the limit, private ones only to those who see them", async () => {
    hub.options.listPageSize = 2;
    for (const name of ["a", "b", "c", "d", "e"]) hub.addRepo(`lab/${name}`);
    hub.addRepo("lab/hidden", { private: true });
    hub.addRepo("other/x");
    expect(await listAuthorModels({ author: "lab", ...connection() })).toEqual([
      "lab/a",
      "lab/b",
      "lab/c",
      "lab/d",
      "lab/e",
    ]);
    expect(hub.requests.filter((request) => request.route === "list-models")).toHaveLength(3);
    expect(await listAuthorModels({ author: "lab", ...connection(ALICE) })).toContain("lab/hidden");
    expect(await listAuthorModels({ author: "lab", limit: 3, ...connection() })).toEqual(["lab/a", "lab/b", "lab/c"]);
  });
});
