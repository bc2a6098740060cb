import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { planUpload } from "../../src/hub/plan-upload.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";

const TOKEN = "hf_scoresToken0123456789";
const CARD = "---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";
const GPQA = `- dataset:
    id: Idavidrein/gpqa
    task_id: gpqa_diamond
  value: 63.3
  date: '2026-02-03'
  source:
    url: https://huggingface.co/alice/model
    name: Model Card
`;

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({ users: { [TOKEN]: { name: "alice" } } });
});
afterAll(() => hub.close());
beforeEach(() => hub.reset());

function modelFolder(scores: Record<string, string> = { "gpqa.yaml": GPQA }): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-push-scores-"));
  writeFileSync(join(folder, "README.md"), CARD);
  mkdirSync(join(folder, ".eval_results"));
  for (const [name, text] of Object.entries(scores)) writeFileSync(join(folder, ".eval_results", name), text);
  writeFileSync(join(folder, ".env"), "SECRET=1\n");
  return folder;
}

async function push(args: string[]) {
  const terminal = memoryIo({ env: { HF_ENDPOINT: hub.url, HF_TOKEN: TOKEN } });
  const code = await cli(["push", ...args], terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

const sent = (repo: string) =>
  [...(hub.repos.get(repo)?.commits[0]?.files ?? new Map()).entries()].map(([path, file]) => [
    path,
    file.bytes.toString("utf8"),
  ]);

describe("push and .eval_results/", () => {
  it("plans the folder's .eval_results/*.yaml with the card, for a folder and for a card file; other dot-files stay home", async () => {
    const folder = modelFolder({ "gpqa.yaml": GPQA, "notes.txt": "x" });
    mkdirSync(join(folder, ".eval_results", "old"));
    const outside = mkdtempSync(join(tmpdir(), "modelcard-outside-"));
    writeFileSync(join(outside, "hle.yaml"), "[]\n");
    symlinkSync(join(outside, "hle.yaml"), join(folder, ".eval_results", "hle.yaml"));
    const plan = await planUpload({ path: folder });
    expect(plan.files.map((file) => file.pathInRepo)).toEqual(["README.md", ".eval_results/gpqa.yaml"]);
    expect(plan.skipped).toEqual([
      { path: ".eval_results/notes.txt", reason: "not a score file (*.yaml)" },
      { path: ".eval_results/old/", reason: "not a score file (*.yaml)" },
    ]);
    expect(plan.outsideLinks.map((link) => link.path)).toEqual([".eval_results/hle.yaml"]);
    const cardPlan = await planUpload({ path: join(folder, "README.md") });
    expect(cardPlan.files.map((file) => file.pathInRepo)).toEqual(["README.md", ".eval_results/gpqa.yaml"]);
    expect((await planUpload({ path: folder, cardOnly: true })).files.map((file) => file.pathInRepo)).toEqual([
      "README.md",
    ]);
  });

  it("sends .eval_results/ in the card's commit, byte for byte", async () => {
    const folder = modelFolder();
    const { code, stdout } = await push([folder, "--repo", "alice/model"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^pushed 2 files /);
    expect(sent("alice/model")).toEqual([
      ["README.md", CARD],
      [".eval_results/gpqa.yaml", GPQA],
    ]);
  });

  it("lints the scores like the card: an error refuses the push, nothing is sent", async () => {
    const folder = modelFolder({ "gpqa.yaml": GPQA.replace("63.3", '"63.3"') });
    const { code, stdout, stderr } = await push([folder, "--repo", "alice/model"]);
    expect(code).toBe(1);
    expect(stdout).toBe(`refused: nothing was sent to ${hub.url}/alice/model\n`);
    expect(stderr).toContain(
      `${join(folder, ".eval_results/gpqa.yaml")}: error eval-results-value: line 4, column 10: \`value\` of entry 1 (Idavidrein/gpqa:gpqa_diamond) is the string "63.3"; write the number without quotes.\n`,
    );
    expect(hub.repos.get("alice/model")).toBeUndefined();
  });

  it("shows warnings about the scores and pushes", async () => {
    const folder = modelFolder({ "gpqa.yaml": GPQA.replace("'2026-02-03'", "2026-02-03") });
    const { code, stderr } = await push([folder, "--repo", "alice/model"]);
    expect(code).toBe(0);
    expect(stderr).toContain("warning eval-results-date: line 5, column 9: `date` of entry 1");
  });

  it("with --create-pr, lands a score as a community result on someone else's model", async () => {
    hub.addRepo("bob/model");
    const folder = mkdtempSync(join(tmpdir(), "modelcard-community-"));
    mkdirSync(join(folder, ".eval_results"));
    writeFileSync(join(folder, "README.md"), CARD);
    writeFileSync(join(folder, ".eval_results", "gpqa.yaml"), GPQA);
    const refused = await push([folder, "--repo", "bob/model"]);
    expect(refused.code).not.toBe(0);
    const { code, stdout } = await push([
      folder,
      "--repo",
      "bob/model",
      "--create-pr",
      "--commit-message",
      "Add GPQA score",
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(`pull request: ${hub.url}/bob/model/discussions/1\n`);
    const repo = hub.repos.get("bob/model");
    expect(repo?.commits[0]).toMatchObject({ title: "Add GPQA score", pullRequest: 1, branch: "refs/pr/1" });
    expect(repo?.branches.get("refs/pr/1")?.get(".eval_results/gpqa.yaml")?.bytes.toString("utf8")).toBe(GPQA);
    expect(repo?.branches.get("main")?.has(".eval_results/gpqa.yaml")).toBe(false);
  });
});
