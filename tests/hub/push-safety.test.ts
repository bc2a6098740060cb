import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { commit } from "@huggingface/hub";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";
import { copyRunFixture, RUN_FIXTURE } from "./run-fixture.js";

const TOKEN = "hf_safetyAlice0123456789";

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({ users: { [TOKEN]: { name: "alice" } } });
});
afterAll(() => hub.close());
beforeEach(() => hub.reset());

async function push(args: string[], env: NodeJS.ProcessEnv = {}) {
  const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: TOKEN, ...env } });
  const started = Date.now();
  const code = await cli(["push", ...args], terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr(), seconds: (Date.now() - started) / 1000 };
}

const committed = (repo: string) => hub.repos.get(repo)?.commits ?? [];
const commitRequests = () => hub.requests.filter((request) => request.route === "commit");

/** Files and a folder outside the run: a private key, a password file, a quantized model elsewhere. */
function outsideTargets() {
  const outside = mkdtempSync(join(tmpdir(), "modelcard-outside-"));
  writeFileSync(join(outside, "id_rsa"), "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n");
  writeFileSync(join(outside, "passwd"), "root:x:0:0:root:/root:/bin/bash\n");
  mkdirSync(join(outside, "q4"));
  writeFileSync(join(outside, "q4", "config.json"), JSON.stringify({ quantization_config: { bits: 4 } }));
  writeFileSync(join(outside, "q4", "model.safetensors"), "q4 weights");
  return outside;
}

/** The run of the issue: its tokenizer, a results file, weights and the int4 folder all link out of it. */
function leakyRun() {
  const dir = copyRunFixture();
  const outside = outsideTargets();
  for (const name of ["tokenizer.json", "int4"]) {
    // The fixture's own files are replaced by the links.
    rmSync(join(dir, name), { recursive: true });
  }
  symlinkSync(join(outside, "id_rsa"), join(dir, "tokenizer.json"));
  symlinkSync(join(outside, "id_rsa"), join(dir, "leak_results.json"));
  symlinkSync(join(outside, "passwd"), join(dir, "passwd.safetensors"));
  symlinkSync(join(outside, "q4"), join(dir, "int4"));
  return { dir, outside };
}

describe("push: only files inside the folder", () => {
  it("stops before sending anything (exit 1) when symlinks lead out of the folder, naming each and its target", async () => {
    const { dir, outside } = leakyRun();
    for (const extra of [[], ["--dry-run"]]) {
      const { code, stdout, stderr } = await push([dir, "--repo", "alice/leak", ...extra]);
      expect(code).toBe(1);
      expect(hub.requests).toEqual([]);
      expect(stdout).toBe(`refused: nothing was sent to ${hub.url}/alice/leak\n`);
      const hint = "outside the folder: not sent (pass --follow-symlinks to send it)";
      expect(stderr).toContain(`${dir}/int4/: error symlink-outside-folder: a symlink to ${outside}/q4, ${hint}\n`);
      expect(stderr).toContain(
        `${dir}/leak_results.json: error symlink-outside-folder: a symlink to ${outside}/id_rsa, ${hint}\n`,
      );
      expect(stderr).toContain(
        `${dir}/passwd.safetensors: error symlink-outside-folder: a symlink to ${outside}/passwd, ${hint}\n`,
      );
      expect(stderr).toContain(
        `${dir}/tokenizer.json: error symlink-outside-folder: a symlink to ${outside}/id_rsa, ${hint}\n`,
      );
    }
  });

  it("sends them with --follow-symlinks, the targets' bytes under the links' names", async () => {
    const { dir, outside } = leakyRun();
    const { code } = await push([dir, "--repo", "alice/leak", "--follow-symlinks"]);
    expect(code).toBe(0);
    const files = committed("alice/leak")[0]!.files;
    expect(files.get("tokenizer.json")!.bytes.equals(readFileSync(join(outside, "id_rsa")))).toBe(true);
    expect(files.get("passwd.safetensors")!.bytes.toString()).toBe(readFileSync(join(outside, "passwd"), "utf8"));
    expect(files.get("int4/model.safetensors")!.bytes.toString()).toBe("q4 weights");
    expect(files.has("leak_results.json")).toBe(true);
  });

  it("refuses a Hugging Face cache snapshot (its files link into blobs/) unless --follow-symlinks", async () => {
    const cache = mkdtempSync(join(tmpdir(), "models--alice--tiny-"));
    mkdirSync(join(cache, "blobs"));
    const snapshot = join(cache, "snapshots", "0123abcd");
    mkdirSync(snapshot, { recursive: true });
    const blobs = { "README.md": readFileSync(join(RUN_FIXTURE, "README.md")), "config.json": Buffer.from("{}") };
    for (const [name, bytes] of Object.entries(blobs)) {
      const blob = join(cache, "blobs", name === "README.md" ? "aaaa" : "bbbb");
      writeFileSync(blob, bytes);
      symlinkSync(join("..", "..", "blobs", blob.endsWith("aaaa") ? "aaaa" : "bbbb"), join(snapshot, name));
    }
    const refused = await push([snapshot, "--repo", "alice/tiny", "--dry-run"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `${snapshot}/README.md: error symlink-outside-folder: a symlink to ${cache}/blobs/aaaa`,
    );
    expect(refused.stderr).toContain(
      `${snapshot}/config.json: error symlink-outside-folder: a symlink to ${cache}/blobs/bbbb`,
    );
    const { code, stdout } = await push([snapshot, "--repo", "alice/tiny", "--follow-symlinks"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^pushed 2 files /);
    expect(committed("alice/tiny")[0]!.files.get("README.md")!.bytes.equals(blobs["README.md"])).toBe(true);
  });

  it("never sends .git/, .cache/ or this tool's temporary files, even when --include matches everything", async () => {
    const dir = copyRunFixture();
    mkdirSync(join(dir, ".git", "objects"), { recursive: true });
    writeFileSync(join(dir, ".git", "config"), "[remote]\n");
    mkdirSync(join(dir, ".cache", "huggingface"), { recursive: true });
    writeFileSync(join(dir, ".cache", "huggingface", "token"), "hf_secret");
    writeFileSync(join(dir, ".README.md.4242.0badcafe.modelcard-tmp"), "half a card");
    const { code, stdout } = await push([dir, "--repo", "alice/all", "--include", "*", "--json", "--dry-run"]);
    expect(code).toBe(0);
    const paths: string[] = JSON.parse(stdout).files.map((file: { path: string }) => file.path);
    expect(paths).toContain("notes.txt");
    expect(paths).toContain("checkpoint-500/optimizer.pt");
    expect(paths).toContain(".env");
    expect(paths.filter((path) => /\.git\/|\.cache\/|modelcard-tmp/.test(path))).toEqual([]);
  });

  it("takes --include and --exclude globs as upload_folder does, the card always sent", async () => {
    const included = await push([RUN_FIXTURE, "--repo", "alice/a", "--dry-run", "--json", "--include", "*.json"]);
    const json = JSON.parse(included.stdout);
    expect(json.files.map((file: { path: string }) => file.path)).toEqual([
      "README.md",
      "all_results.json",
      "checkpoint-500/config.json",
      "config.json",
      "generation_config.json",
      "gptq-4bit/config.json",
      "int4/config.json",
      "int8/config.json",
      "special_tokens_map.json",
      "tokenizer.json",
      "tokenizer_config.json",
      "train_results.json",
      "trainer_state.json",
      "training_config.json",
    ]);
    expect(json.leftOut).toContainEqual({ path: "model.safetensors", reason: "not matched by --include" });
    const excluded = await push([
      RUN_FIXTURE,
      "--repo",
      "alice/a",
      "--dry-run",
      "--json",
      "--exclude",
      "int8/",
      "--exclude",
      "*.png",
    ]);
    const leftOut = JSON.parse(excluded.stdout).leftOut;
    expect(leftOut).toContainEqual({ path: "int8/model.safetensors", reason: "matched by --exclude" });
    expect(leftOut).toContainEqual({ path: "training_curves.png", reason: "matched by --exclude" });
  });

  it.skipIf(process.getuid?.() === 0)("stops with exit 2 naming an unreadable file and why", async () => {
    const dir = copyRunFixture();
    chmodSync(join(dir, "config.json"), 0);
    const { code, stderr } = await push([dir, "--repo", "alice/a"]);
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, "config.json")}: permission denied (EACCES)`);
    expect(hub.requests).toEqual([]);
  });

  it("stops with exit 2 on a binary card, and says it after a push whose files were left out", async () => {
    const dir = copyRunFixture();
    writeFileSync(join(dir, "README.md"), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x00, 0xff]));
    const binary = await push([dir, "--repo", "alice/a"]);
    expect(binary.code).toBe(2);
    expect(binary.stderr).toBe(
      `modelcard: ${join(dir, "README.md")}: Byte 4 is a NUL byte: this is binary content, not a Markdown card (UTF-8 text).\n`,
    );
    const { code, stdout } = await push([RUN_FIXTURE, "--repo", "alice/a"]);
    expect(code).toBe(0);
    expect(stdout).toContain("\nleft out: checkpoint-500/ (a training checkpoint); ");
  });

  it("prints the plan, the commit URL and what was left out as JSON with --json", async () => {
    const { code, stdout } = await push([RUN_FIXTURE, "--repo", "alice/json"]);
    expect(code).toBe(0);
    hub.reset();
    const json = JSON.parse((await push([RUN_FIXTURE, "--repo", "alice/json", "--json"])).stdout);
    const commitOid = committed("alice/json")[0]!.oid;
    expect(json).toMatchObject({
      status: "pushed",
      repoUrl: `${hub.url}/alice/json`,
      branch: "main",
      repoCreated: true,
      commitOid,
      commitUrl: `${hub.url}/alice/json/commit/${commitOid}`,
      pullRequestUrl: null,
      confirmedAfterLostAnswer: false,
      outsideLinks: [],
      problems: [],
    });
    expect(json.files[0]).toEqual({
      path: "README.md",
      size: readFileSync(join(RUN_FIXTURE, "README.md")).length,
      generated: false,
    });
    expect(json.leftOut).toContainEqual({ path: "optimizer.pt", reason: "training state" });
    expect(stdout).toContain("pushed 19 files");
  });

  it("refuses a --repo that is not OWNER/NAME, ../.. included", async () => {
    for (const repo of ["../..", "alice/..", "./x", "a/b/c", "/etc"]) {
      const { code, stderr } = await push([RUN_FIXTURE, "--repo", repo]);
      expect(code, repo).toBe(2);
      expect(stderr).toContain(`--repo ${repo}: expected OWNER/NAME`);
    }
  });
});

describe("push: nothing hangs, nothing is sent twice", () => {
  it("ends within --timeout with exit 2 when the Hub accepts the connection and never answers", async () => {
    hub.fail({ route: "whoami", hang: true });
    const { code, stderr, seconds } = await push([RUN_FIXTURE, "--repo", "alice/a", "--timeout", "1"]);
    expect(code).toBe(2);
    expect(seconds).toBeLessThan(5);
    expect(stderr).toContain(
      `\nmodelcard: checking the token failed for ${hub.url}/alice/a: ${hub.url} stopped answering (no byte moved for the timeout, IDLE_TIMEOUT) during GET /api/whoami-v2; nothing was committed, the repository is as it was; try again later, or allow more time with --timeout (or MODELCARD_TIMEOUT).\n`,
    );
    expect(hub.requests.filter((request) => request.route === "whoami")).toHaveLength(1);
  });

  it("takes the timeout from MODELCARD_TIMEOUT, and refuses one that is not a number of seconds", async () => {
    hub.fail({ route: "validate-yaml", hang: true });
    const { code, seconds } = await push([RUN_FIXTURE, "--repo", "alice/a"], { MODELCARD_TIMEOUT: "0.5" });
    expect(code).toBe(2);
    expect(seconds).toBeLessThan(5);
    const bad = await push([RUN_FIXTURE, "--repo", "alice/a", "--timeout", "soon"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--timeout soon: expected a number of seconds above 0");
  });

  it("reports success, with one commit, when the connection drops after the Hub applied the commit", async () => {
    hub.fail({ route: "commit", resetAfterApplying: true });
    const { code, stdout, stderr } = await push([RUN_FIXTURE, "--repo", "alice/a"]);
    expect(code).toBe(0);
    expect(commitRequests()).toHaveLength(1);
    const commits = committed("alice/a");
    expect(commits).toHaveLength(1);
    expect(stderr).toMatch(
      /committing to .*: the connection to .* was dropped .*; looking for the commit on the Hub\n/,
    );
    expect(stdout).toContain(" (its answer was lost; the commit was found on the Hub)\n");
    expect(stdout).toContain(`commit: ${hub.url}/alice/a/commit/${commits[0]!.oid}\n`);
  });

  it("does not resend a commit that timed out: it reads the branch and says the commit was not made", async () => {
    hub.addRepo("alice/a");
    hub.fail({ route: "commit", hang: true });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/a", "--card-only", "--timeout", "1"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /stopped answering .* the Hub did not apply it \(main is still at [0-9a-f]{40}\): push again\.\n$/,
    );
    expect(commitRequests()).toHaveLength(1);
  });

  it("never opens a pull request twice: after a lost answer it finds the one it opened", async () => {
    hub.addRepo("alice/a");
    hub.fail({ route: "commit", resetAfterApplying: true });
    const { code, stdout } = await push([RUN_FIXTURE, "--repo", "alice/a", "--create-pr", "--commit-message", "Card"]);
    expect(code).toBe(0);
    expect(commitRequests()).toHaveLength(1);
    expect(committed("alice/a")).toMatchObject([{ pullRequest: 1, title: "Card" }]);
    expect(stdout).toContain(`pull request: ${hub.url}/alice/a/discussions/1\n`);
  });

  it("exits 2 without resending when the branch moved and the commit's answer was lost", async () => {
    hub.addRepo("alice/a");
    // Someone else's commit lands on main; our commit's answer is lost before the Hub applies it.
    hub.fail({ route: "commit", reset: true });
    hub.fail({
      route: "list-commits",
      times: 1,
      bodyFrom: () => [{ id: hub.repos.get("alice/a")!.heads.get("main"), title: "initial commit" }],
      status: 200,
    });
    const head = hub.repos.get("alice/a")!.heads.get("main")!;
    // The second read (the search) sees a commit that is not ours on top of the parent.
    hub.fail({
      route: "list-commits",
      status: 200,
      body: [
        { id: "f".repeat(40), title: "Other" },
        { id: head, title: "" },
      ],
    });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/a", "--card-only"]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `main is now at ${"f".repeat(40)}, which is not this push's commit: look at ${hub.url}/alice/a/commits/main before pushing again.`,
    );
    expect(commitRequests()).toHaveLength(1);
  });
});

describe("the fake Hub checks the parent commit as the Hub does", () => {
  it("answers 412 to a commit whose parent is no longer the branch head", async () => {
    const repo = hub.addRepo("alice/a");
    const initial = repo.heads.get("main")!;
    const credentials = { accessToken: TOKEN, hubUrl: hub.url, repo: { type: "model" as const, name: "alice/a" } };
    const file = (text: string) => [{ operation: "addOrUpdate" as const, path: "a.txt", content: new Blob([text]) }];
    await commit({ ...credentials, title: "one", operations: file("1"), parentCommit: initial });
    const stale = await commit({ ...credentials, title: "two", operations: file("2"), parentCommit: initial }).catch(
      (error: unknown) => error,
    );
    expect(stale).toMatchObject({ statusCode: 412, message: expect.stringContaining("A commit has happened since") });
    expect(repo.commits.map((made) => made.title)).toEqual(["one"]);
  });

  it("stops a push whose branch moved after its head was read, committing nothing", async () => {
    const repo = hub.addRepo("alice/a");
    const initial = repo.heads.get("main")!;
    const credentials = { accessToken: TOKEN, hubUrl: hub.url, repo: { type: "model" as const, name: "alice/a" } };
    await commit({ ...credentials, title: "elsewhere", operations: [], parentCommit: initial });
    hub.fail({ route: "list-commits", status: 200, body: [{ id: initial, title: "initial commit" }] });
    const { code, stderr } = await push([RUN_FIXTURE, "--repo", "alice/a", "--card-only"]);
    expect(code).toBe(2);
    expect(stderr).toContain("the Hub answered 412: A commit has happened since. Please refresh and try again.");
    expect(repo.commits.map((made) => made.title)).toEqual(["elsewhere"]);
  });
});
