import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";

const ALICE = "hf_aliceCanWrite0123456789";
const CARD = "---\n# checked by legal\nlicense: mit\nlanguage:\n- en\n---\n\n# Model\n\nSome text.\n";
/** A card the Hub would reject: `license` must be a string. */
const BAD = "---\nlicense:\n  name: mine\npipeline_tag: text-generation\n---\n\n# Bad\n";

let hub: FakeHub;
let cwd: string;
let hfHome: string;

beforeAll(async () => {
  hub = await startFakeHub({ users: { [ALICE]: { name: "alice", orgs: ["lab"] } } });
  cwd = mkdtempSync(join(tmpdir(), "modelcard-hub-cards-"));
  hfHome = mkdtempSync(join(tmpdir(), "modelcard-hf-home-"));
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.reset();
  hub.options.onRequest = undefined;
  hub.options.listPageSize = undefined;
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}, folder = cwd) {
  const terminal = memoryIo({
    cwd: folder,
    env: { HF_ENDPOINT: hub.url, HF_HOME: hfHome, HF_HUB_OFFLINE: "0", ...env },
  });
  const code = await cli(args, terminal.io);
  const stdout = terminal.stdout();
  const stderr = terminal.stderr();
  expect(stdout + stderr).not.toContain(ALICE);
  expect(stderr).not.toMatch(/\n\s+at /);
  return { code, stdout, stderr };
}

function repoWithCard(id: string, card = CARD, options: { private?: boolean; gated?: string[] } = {}) {
  hub.addRepo(id, options);
  return hub.writeFiles(id, { "README.md": card });
}

describe("modelcard inspect by repo id", () => {
  it("reads hf://owner/name and names the card with its revision, in the summary and in JSON", async () => {
    const sha = repoWithCard("lab/model");
    const summary = await run(["inspect", "hf://lab/model"]);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toMatch(
      /^hf:\/\/lab\/model@main\/README\.md\n {2}front matter: 2 keys \(license, language\)\n/,
    );
    expect(summary.stderr).toBe("");
    const json = await run(["inspect", "hf://lab/model", "--json"]);
    expect(JSON.parse(json.stdout)).toMatchObject({
      source: "hf://lab/model@main/README.md",
      commit: sha,
      metadata: { license: "mit", language: ["en"] },
    });
  });

  it("reads a bare owner/name when no such path exists, and says so on stderr", async () => {
    repoWithCard("lab/model");
    const { code, stdout, stderr } = await run(["inspect", "lab/model"]);
    expect(code).toBe(0);
    expect(stderr).toBe("reading hf://lab/model from the Hub\n");
    expect(stdout).toMatch(/^hf:\/\/lab\/model@main\/README\.md\n/);
  });

  it("reads a local folder or file of that name instead, and never a name with a file extension", async () => {
    repoWithCard("lab/model");
    const folder = mkdtempSync(join(tmpdir(), "modelcard-local-"));
    mkdirSync(join(folder, "lab"), { recursive: true });
    writeFileSync(join(folder, "lab", "model"), "---\nlicense: apache-2.0\n---\n");
    const local = await run(["inspect", "lab/model", "--json"], {}, folder);
    expect(JSON.parse(local.stdout).metadata).toEqual({ license: "apache-2.0" });
    expect(hub.requests).toEqual([]);
    const extension = await run(["inspect", "lab/card.md"], {}, folder);
    expect(extension.code).toBe(2);
    expect(extension.stderr).toContain("lab/card.md: cannot read the card (no such file)");
    expect(hub.requests).toEqual([]);
  });

  it("reads at --revision (a branch, or refs/pr/N encoded once)", async () => {
    repoWithCard("lab/model");
    hub.writeFiles("lab/model", { "README.md": "---\nlicense: apache-2.0\n---\n" }, { branch: "refs/pr/2" });
    const { code, stdout } = await run(["inspect", "hf://lab/model", "--revision", "refs/pr/2", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      source: "hf://lab/model@refs/pr/2/README.md",
      metadata: { license: "apache-2.0" },
    });
    expect(hub.requests.map((request) => request.path)).toContain("/api/models/lab/model/revision/refs%2Fpr%2F2");
  });

  it.each([
    [
      "a private repository without a token",
      "hf://lab/secret",
      {},
      /^modelcard: hf:\/\/lab\/secret@main\/README\.md: no public model repository lab\/secret; check the name, or, if it is private, set HF_TOKEN or log in with `hf auth login`\n$/,
    ],
    [
      "a gated repository without access",
      "hf://lab/gated",
      {},
      /^modelcard: hf:\/\/lab\/gated@main\/README\.md: the repository is gated; ask for access at http:\/\/127\.0\.0\.1:\d+\/lab\/gated, then set HF_TOKEN or log in with `hf auth login`\n$/,
    ],
    [
      "a missing repository",
      "hf://lab/nothing",
      { HF_TOKEN: ALICE },
      /^modelcard: hf:\/\/lab\/nothing@main\/README\.md: no model repository lab\/nothing that this token can see;/,
    ],
    [
      "a missing revision",
      "hf://lab/model@x",
      {},
      /^modelcard: hf:\/\/lab\/model@v9\/README\.md: no revision v9 in lab\/model; pass an existing branch, tag, commit id or refs\/pr\/N with --revision\n$/,
    ],
    [
      "a repository without README.md",
      "hf://lab/empty",
      {},
      /^modelcard: hf:\/\/lab\/empty@main\/README\.md: the repository has no README\.md at main;/,
    ],
  ])("refuses %s in one line, exit 2", async (_what, target, env, message) => {
    repoWithCard("lab/secret", CARD, { private: true });
    repoWithCard("lab/gated", CARD, { gated: [] });
    repoWithCard("lab/model");
    hub.addRepo("lab/empty");
    const args = target.endsWith("@x") ? ["inspect", "hf://lab/model", "--revision", "v9"] : ["inspect", target];
    const { code, stdout, stderr } = await run(args, env);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("reads a private repository with the token file under HF_HOME", async () => {
    repoWithCard("lab/secret", CARD, { private: true });
    const home = mkdtempSync(join(tmpdir(), "modelcard-hf-home-"));
    writeFileSync(join(home, "token"), `${ALICE}\n`);
    const { code, stdout } = await run(["inspect", "hf://lab/secret", "--json"], { HF_HOME: home });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).metadata.license).toBe("mit");
    expect(hub.requests.every((request) => request.headers.authorization === `Bearer ${ALICE}`)).toBe(true);
  });

  it("sends no request offline (--offline or HF_HUB_OFFLINE=1), for a bare id too", async () => {
    repoWithCard("lab/model");
    for (const [args, env] of [
      [["inspect", "hf://lab/model", "--offline"], {}],
      [["inspect", "lab/model"], { HF_HUB_OFFLINE: "1" }],
      [["update", "hf://lab/model", "--set", "license=apache-2.0"], { HF_HUB_OFFLINE: "true" }],
      [["lint", "hf://lab/model"], { HF_HUB_OFFLINE: "1" }],
      [["lint", "--author", "lab", "--offline"], {}],
    ] as [string[], NodeJS.ProcessEnv][]) {
      const { code, stderr } = await run(args, env);
      expect(code).toBe(2);
      expect(stderr).toMatch(/offline mode \(--offline or HF_HUB_OFFLINE\) sends no request/);
      expect(stderr).not.toContain("reading hf://");
    }
    expect(hub.requests).toEqual([]);
  });
});

describe("modelcard update on the Hub", () => {
  it("prints the diff and commits only README.md on the commit read, changing only the edited line", async () => {
    const read = repoWithCard("lab/model");
    const { code, stdout, stderr } = await run(
      ["update", "hf://lab/model", "--set", "license=apache-2.0", "--overwrite"],
      { HF_TOKEN: ALICE },
    );
    expect(code).toBe(0);
    expect(stdout).toContain("--- hf://lab/model@main/README.md\n+++ hf://lab/model@main/README.md\n");
    expect(stdout).toContain("-license: mit\n+license: apache-2.0\n");
    const made = hub.repos.get("lab/model")!.commits.at(-1)!;
    expect(stderr).toBe(
      `hf://lab/model@main/README.md: committed "Update metadata: license"\ncommit: ${hub.url}/lab/model/commit/${made.oid}\n`,
    );
    expect(made).toMatchObject({ parent: read, branch: "main", title: "Update metadata: license" });
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
    expect(header.value).toMatchObject({ summary: "Update metadata: license", parentCommit: read });
  });

  it("opens a pull request with --create-pr and --message, from a bare id", async () => {
    const read = repoWithCard("lab/model");
    const { code, stderr } = await run(
      ["update", "lab/model", "--set", "pipeline_tag=text-generation", "--create-pr", "--message", "Add the task"],
      { HF_TOKEN: ALICE },
    );
    expect(code).toBe(0);
    expect(stderr).toBe(
      `reading hf://lab/model from the Hub\nhf://lab/model@main/README.md: opened a pull request "Add the task"\npull request: ${hub.url}/lab/model/discussions/1\n`,
    );
    expect(hub.repos.get("lab/model")!.commits.at(-1)).toMatchObject({
      parent: read,
      pullRequest: 1,
      title: "Add the task",
    });
    expect(hub.repos.get("lab/model")!.heads.get("main")).toBe(read);
  });

  it("makes no commit when nothing changes, and only reads on --dry-run", async () => {
    repoWithCard("lab/model");
    const same = await run(["update", "hf://lab/model", "--set", "license=mit"], { HF_TOKEN: ALICE });
    expect(same).toMatchObject({
      code: 0,
      stdout: "",
      stderr: "hf://lab/model@main/README.md: nothing to change; no commit\n",
    });
    const dry = await run(["update", "hf://lab/model", "--unset", "language", "--dry-run"], { HF_TOKEN: ALICE });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("-language:\n-- en\n");
    expect(dry.stderr).toBe(
      'hf://lab/model@main/README.md: dry run, nothing was committed (would commit "Update metadata: language")\n',
    );
    expect(hub.requests.filter((request) => request.method !== "GET")).toEqual([]);
  });

  it("never overwrites a concurrent commit: the edit is re-applied on the new head", async () => {
    repoWithCard("lab/model");
    let concurrent = "";
    hub.options.onRequest = (request) => {
      if (request.route === "commit" && concurrent === "") {
        concurrent = hub.writeFiles("lab/model", { "README.md": CARD.replace("Some text.", "Edited meanwhile.") });
      }
    };
    const { code, stderr } = await run(["update", "hf://lab/model", "--set", "pipeline_tag=fill-mask"], {
      HF_TOKEN: ALICE,
    });
    expect(code).toBe(0);
    expect(stderr).toContain(
      `(the branch had moved: the card was read again at ${concurrent.slice(0, 7)} and the edit re-applied)`,
    );
    const made = hub.repos.get("lab/model")!.commits.at(-1)!;
    expect(made.parent).toBe(concurrent);
    expect(made.files.get("README.md")!.bytes.toString("utf8")).toBe(
      CARD.replace("Some text.", "Edited meanwhile.").replace("- en\n---", "- en\npipeline_tag: fill-mask\n---"),
    );
  });

  it("stops with exit 1 when the re-applied edit conflicts, overwriting nothing", async () => {
    repoWithCard("lab/model");
    let concurrent = "";
    hub.options.onRequest = (request) => {
      if (request.route === "commit" && concurrent === "") {
        concurrent = hub.writeFiles("lab/model", { "README.md": CARD.replace("license: mit", "license: apache-2.0") });
      }
    };
    const { code, stderr } = await run(["update", "hf://lab/model", "--unset", "language", "--set", "license=mit"], {
      HF_TOKEN: ALICE,
    });
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^modelcard: hf:\/\/lab\/model@main\/README\.md: main moved from \w{7} to \w{7} after the card was read, and the edit no longer applies to the new card/,
    );
    expect(hub.repos.get("lab/model")!.heads.get("main")).toBe(concurrent);
  });

  it("refuses a tag without --create-pr, and --create-pr from a tag opens a pull request from it", async () => {
    const read = repoWithCard("lab/model");
    hub.repos.get("lab/model")!.tags = new Map([["v1.0", read]]);
    const refused = await run(["update", "hf://lab/model", "--revision", "v1.0", "--set", "pipeline_tag=fill-mask"], {
      HF_TOKEN: ALICE,
    });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "v1.0 is a tag or a commit id, not a branch: there is nothing to commit to; add --create-pr",
    );
    const pr = await run(
      ["update", "hf://lab/model", "--revision", "v1.0", "--create-pr", "--set", "pipeline_tag=fill-mask"],
      { HF_TOKEN: ALICE },
    );
    expect(pr.code).toBe(0);
    expect(hub.repos.get("lab/model")!.commits.at(-1)).toMatchObject({ parent: read, pullRequest: 1 });
  });

  it("refuses --create-pr for a local card", async () => {
    writeFileSync(join(cwd, "card.md"), CARD);
    const { code, stderr } = await run(["update", "card.md", "--set", "license=mit", "--create-pr"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--revision, --create-pr and --message apply to a card on the Hub");
  });
});

describe("modelcard lint on the Hub", () => {
  it("lints hf:// cards like files, named by repo and revision, in every format", async () => {
    repoWithCard("lab/good");
    repoWithCard("lab/bad", BAD);
    const json = await run(["lint", "hf://lab/good", "hf://lab/bad", "--format", "json"]);
    expect(json.code).toBe(1);
    const results = JSON.parse(json.stdout) as {
      filePath: string;
      errorCount: number;
      messages: { ruleId: string; line: number }[];
    }[];
    expect(results.map((result) => result.filePath)).toEqual([
      "hf://lab/good@main/README.md",
      "hf://lab/bad@main/README.md",
    ]);
    expect(results[1]!.messages.find((message) => message.ruleId === "license")).toMatchObject({ line: 2 });
    const pretty = await run(["lint", "hf://lab/bad"]);
    expect(pretty.stdout).toContain("hf://lab/bad@main/README.md");
    const sarif = await run(["lint", "hf://lab/bad", "--format", "sarif"]);
    expect(sarif.stdout).toContain('"uri":"hf://lab/bad@main/README.md"');
  });

  it("lints an organization's cards (--author, paged, --limit), reporting a repo that fails and going on", async () => {
    hub.options.listPageSize = 2;
    repoWithCard("lab/a");
    repoWithCard("lab/b", BAD);
    hub.addRepo("lab/c");
    repoWithCard("lab/d");
    repoWithCard("lab/e");
    repoWithCard("other/x");
    const all = await run(["lint", "--author", "lab", "--format", "json", "--concurrency", "2"]);
    const results = JSON.parse(all.stdout) as {
      filePath: string;
      errorCount: number;
      messages: { ruleId: string; message: string }[];
    }[];
    expect(results.map((result) => result.filePath)).toEqual(
      ["a", "b", "c", "d", "e"].map((name) => `hf://lab/${name}@main/README.md`),
    );
    expect(results[2]!.messages[0]).toMatchObject({ ruleId: "unreadable-file" });
    expect(results[2]!.messages[0]!.message).toContain("the repository has no README.md at main");
    expect(results[3]!.errorCount).toBe(0);
    expect(all.code).toBe(2);
    expect(all.stderr).toContain(
      `listing the models of lab on ${hub.url}\n5 models; reading their cards, 2 at a time\n`,
    );
    expect(all.stderr).toContain("read 5/5: ");
    const limited = await run(["lint", "--author", "lab", "--limit", "2", "--format", "json"]);
    expect((JSON.parse(limited.stdout) as { filePath: string }[]).map((result) => result.filePath)).toEqual([
      "hf://lab/a@main/README.md",
      "hf://lab/b@main/README.md",
    ]);
    expect(limited.code).toBe(1);
  });

  it("says when an author has no model, and refuses --limit without --author", async () => {
    const none = await run(["lint", "--author", "nobody"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe(
      `listing the models of nobody on ${hub.url}\nnobody has no model on ${hub.url} that can be seen\nmodelcard lint: no cards found; pass README.md files, *.md cards or folders holding them.\n`,
    );
    const limit = await run(["lint", "hf://lab/model", "--limit", "3"]);
    expect(limit.code).toBe(2);
    expect(limit.stderr).toContain("--limit applies to --author");
  });

  it("refuses --fix on the Hub", async () => {
    const { code, stderr } = await run(["lint", "hf://lab/model", "--fix"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--fix cannot write to the Hub");
    expect(hub.requests).toEqual([]);
  });
});
