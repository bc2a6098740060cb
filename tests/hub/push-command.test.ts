import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";
import { copyRunFixture, RUN_FIXTURE, snapshotTree } from "./run-fixture.js";

const FILE_TOKEN = "hf_fromTheTokenFile0123456789";
const ENV_TOKEN = "hf_fromTheEnvironment0123456789";
const FLAG_TOKEN = "hf_fromTheFlag0123456789";
const TOKENS = [FILE_TOKEN, ENV_TOKEN, FLAG_TOKEN];

let hub: FakeHub;
let hfHome: string;

beforeAll(async () => {
  hub = await startFakeHub({
    users: Object.fromEntries(TOKENS.map((token) => [token, { name: "alice" }])),
  });
  hfHome = mkdtempSync(join(tmpdir(), "modelcard-hf-home-"));
  writeFileSync(join(hfHome, "token"), `${FILE_TOKEN}\n`);
});
afterAll(() => hub.close());
beforeEach(() => {
  hub.reset();
  hub.options.validateYaml = undefined;
});

async function run(args: string[], env: NodeJS.ProcessEnv = {}) {
  const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_HOME: hfHome, ...env } });
  const code = await cli(["push", ...args], terminal.io);
  const stdout = terminal.stdout();
  const stderr = terminal.stderr();
  for (const token of TOKENS) {
    expect(stdout, "stdout holds a token").not.toContain(token);
    expect(stderr, "stderr holds a token").not.toContain(token);
  }
  return { code, stdout, stderr };
}

const authHeaders = () => new Set(hub.requests.filter((r) => r.route === "commit").map((r) => r.headers.authorization));

describe("modelcard push", () => {
  it("pushes a run with the token file under HF_HOME to HF_ENDPOINT, progress on stderr, summary on stdout", async () => {
    const before = snapshotTree(RUN_FIXTURE);
    const { code, stdout, stderr } = await run([RUN_FIXTURE, "--repo", "alice/smollm3-fr"]);
    expect(code).toBe(0);
    const commit = hub.repos.get("alice/smollm3-fr")!.commits[0]!;
    expect(stdout).toMatch(
      new RegExp(
        `^pushed 19 files \\([\\d.]+ kB\\) to ${hub.url}/alice/smollm3-fr on main \\(repository created\\)\\n`,
      ),
    );
    expect(stdout).toContain(`commit: ${hub.url}/alice/smollm3-fr/commit/${commit.oid}\n`);
    expect(stderr).toContain(`creating ${hub.url}/alice/smollm3-fr\n`);
    expect(stderr).toMatch(/hashing model\.safetensors: 0 B of 1\.\d kB/);
    expect(stderr).toMatch(/uploading model\.safetensors: 0 B of 1\.\d kB/);
    expect(stderr).toMatch(/uploaded model\.safetensors \(1\.\d kB\)/);
    expect(stderr).toContain("committing 19 file(s)\n");
    expect(authHeaders()).toEqual(new Set([`Bearer ${FILE_TOKEN}`]));
    expect(snapshotTree(RUN_FIXTURE)).toEqual(before);
  });

  it("rewrites one progress line in place on a terminal", async () => {
    const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_HOME: hfHome }, isTTY: true });
    expect(await cli(["push", RUN_FIXTURE, "--repo", "alice/tty"], terminal.io)).toBe(0);
    const stderr = terminal.stderr();
    expect(stderr).toMatch(/\r\x1b\[2K {2}uploading model\.safetensors: [\d.]+ k?B of 1\.\d kB(?!\n)/);
    expect(stderr).toMatch(/\r\x1b\[2K {2}uploaded [\w./-]+ \([\d.]+ k?B\)\n/);
    expect(stderr).toMatch(/ {2}uploaded model\.safetensors \(1\.\d kB\)\n/);
    expect(stderr).not.toMatch(/uploading model\.safetensors: [^\r]*\n/);
  });

  it("prefers HF_TOKEN to the token file, and --token to both", async () => {
    await run([RUN_FIXTURE, "--repo", "alice/a", "--card-only"], { HF_TOKEN: ENV_TOKEN });
    expect(authHeaders()).toEqual(new Set([`Bearer ${ENV_TOKEN}`]));
    hub.reset();
    await run([RUN_FIXTURE, "--repo", "alice/a", "--card-only", "--token", FLAG_TOKEN], { HF_TOKEN: ENV_TOKEN });
    expect(authHeaders()).toEqual(new Set([`Bearer ${FLAG_TOKEN}`]));
  });

  it("says where it looked when there is no token, and exits 2", async () => {
    const empty = mkdtempSync(join(tmpdir(), "modelcard-no-token-"));
    const { code, stderr } = await run([RUN_FIXTURE, "--repo", "alice/a"], { HF_HOME: empty });
    expect(code).toBe(2);
    expect(stderr).toContain(`no token in ${join(empty, "token")}`);
    expect(stderr).toContain("HF_TOKEN");
    expect(hub.requests).toEqual([]);
  });

  it("opens a pull request with --create-pr on --revision and prints its URL", async () => {
    hub.addRepo("alice/smollm3-fr");
    const { code, stdout } = await run([
      join(RUN_FIXTURE, "README.md"),
      "--repo",
      "alice/smollm3-fr",
      "--create-pr",
      "--commit-message",
      "Better card",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(`pull request: ${hub.url}/alice/smollm3-fr/discussions/1\n`);
    const commit = hub.repos.get("alice/smollm3-fr")!.commits[0]!;
    expect(commit).toMatchObject({ title: "Better card", pullRequest: 1, branch: "refs/pr/1" });
  });

  it("lists the plan with --dry-run, needing no token and sending nothing", async () => {
    const { code, stdout } = await run([RUN_FIXTURE, "--repo", "alice/smollm3-fr", "--dry-run"], { HF_HOME: tmpdir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^would push 19 files \([\d.]+ kB\) to .*\/alice\/smollm3-fr\n {2}README\.md +\d/);
    expect(stdout).toMatch(/\n {2}int8\/model\.safetensors +[\d.]+ (kB|B)\n/);
    expect(stdout).toContain(
      "left out: checkpoint-500/ (a training checkpoint); gptq-4bit/notes.md, notes.txt (not a model file); logs/ (not a quantized model folder (no config.json with a quantization_config)); optimizer.pt, rng_state.pth, scheduler.pt, training_args.bin (training state)\n",
    );
    expect(hub.requests).toEqual([]);
  });

  it("exits 1 with the lint errors on stderr and sends nothing when the card has errors", async () => {
    const dir = copyRunFixture();
    writeFileSync(join(dir, "README.md"), "---\nlicense: mit\nlicense: apache-2.0\n---\n# Card\n");
    const { code, stdout, stderr } = await run([dir, "--repo", "alice/a"]);
    expect(code).toBe(1);
    expect(stderr).toMatch(new RegExp(`^${join(dir, "README.md")}:3:1: error duplicate-key: `, "m"));
    expect(stdout).toContain("refused: nothing was sent");
    expect(hub.requests).toEqual([]);
  });

  it("exits 1 on the Hub's validation errors, shown as such", async () => {
    hub.options.validateYaml = () => ({ errors: ['"license" must be one of [apache-2.0, mit, ...]'] });
    const { code, stderr } = await run([RUN_FIXTURE, "--repo", "alice/a"]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      `${join(RUN_FIXTURE, "README.md")}:2:1: error hub-error (from the Hub): "license" must be one of`,
    );
    expect(hub.repos.size).toBe(0);
  });

  it("retries a 429 after its Retry-After, saying so on stderr", async () => {
    hub.fail({ route: "commit", status: 429, headers: { "Retry-After": "0" } });
    const { code, stderr } = await run([RUN_FIXTURE, "--repo", "alice/a", "--card-only"]);
    expect(code).toBe(0);
    expect(stderr).toContain("POST /api/models/alice/a/commit/main answered 429; retry 1 in 0 s\n");
    expect(hub.repos.get("alice/a")!.commits).toHaveLength(1);
  });

  it("exits 2 with the Hub's error, the token removed, when the commit is rejected", async () => {
    hub.fail({
      route: "commit",
      status: 422,
      bodyFrom: (request) => ({ error: `rejected; you sent ${request.headers.authorization}` }),
    });
    const { code, stderr } = await run([RUN_FIXTURE, "--repo", "alice/a", "--card-only"], { HF_TOKEN: ENV_TOKEN });
    expect(code).toBe(2);
    expect(stderr).toContain("committing failed for");
    expect(stderr).toContain("rejected; you sent Bearer hf_***");
    expect(stderr).toContain("the repository was created but nothing was committed to it");
  });

  it("exits 2 on a repository that is not OWNER/NAME", async () => {
    const { code, stderr } = await run([RUN_FIXTURE, "--repo", "just-a-name"]);
    expect(code).toBe(2);
    expect(stderr).toContain("--repo just-a-name: expected OWNER/NAME");
  });

  it("names the card relative to the working folder in problems, and says when it generated the card", async () => {
    const dir = copyRunFixture();
    rmSync(join(dir, "README.md"));
    writeFileSync(join(dir, "modelcard.config.json"), JSON.stringify({ requiredFields: ["license"] }));
    const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: ENV_TOKEN }, cwd: dir });
    const code = await cli(["push", ".", "--repo", "alice/gen"], terminal.io);
    expect(code).toBe(1);
    expect(terminal.stderr()).toContain(
      ". has no README.md: the card is generated from the run, as `modelcard generate --from .` would write it",
    );
    expect(terminal.stderr()).toMatch(/^README\.md:2:1: error required-fields: Required field `license` is missing/m);
    expect(hub.requests).toEqual([]);
  });

  it("follows the run's lint configuration, and marks generated files in the --dry-run plan", async () => {
    const dir = copyRunFixture();
    rmSync(join(dir, "README.md"));
    writeFileSync(join(dir, "modelcard.config.json"), JSON.stringify({ rules: { "required-fields": "off" } }));
    const { code, stdout } = await run([dir, "--repo", "alice/gen", "--dry-run"], { HF_HOME: tmpdir() });
    expect(code).toBe(0);
    expect(stdout).toMatch(/\n {2}README\.md +[\d.]+ kB {2}\(generated, not written to disk\)\n/);
    expect(stdout).toMatch(/\n {2}training_curves\.svg +[\d.]+ kB {2}\(generated, not written to disk\)\n/);
    expect(stdout).toMatch(/\n {2}training_curves\.png +[\d.]+ B\n/);
    expect(hub.requests).toEqual([]);
  });

  it("reads a card given relative to the working folder", async () => {
    const dir = copyRunFixture();
    const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: ENV_TOKEN }, cwd: dir });
    const code = await cli(["push", "README.md", "--repo", "alice/rel"], terminal.io);
    expect(code).toBe(0);
    const files = hub.repos.get("alice/rel")!.commits[0]!.files;
    expect(files.get("README.md")!.bytes.equals(readFileSync(join(dir, "README.md")))).toBe(true);
  });
});
