import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cli } from "../../src/cli/main.js";
import { memoryIo } from "../support/memory-io.js";

const CARD = "---\nlicense: apache-2.0\nlibrary_name: transformers\npipeline_tag: text-generation\n---\n# Model\n";
const GPQA = `- dataset:
    id: Idavidrein/gpqa
    task_id: gpqa_diamond
  value: 63.3
  date: 2026-02-03
`;
const HLE = `# no tools
- {dataset: {id: cais/hle, task_id: default}, value: "9.1", notes: no-tools}
`;

function modelFolder(scores: Record<string, string> = { "gpqa.yaml": GPQA, "hle.yaml": HLE }): string {
  const folder = mkdtempSync(join(tmpdir(), "modelcard-scores-"));
  writeFileSync(join(folder, "README.md"), CARD);
  mkdirSync(join(folder, ".eval_results"));
  for (const [name, text] of Object.entries(scores)) writeFileSync(join(folder, ".eval_results", name), text);
  return folder;
}

async function run(args: string[], cwd: string) {
  const terminal = memoryIo({ cwd });
  const code = await cli(args, terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

describe("modelcard lint and .eval_results/", () => {
  it.runIf(process.platform !== "win32")("reports a FIFO among the score files, never waiting on it", async () => {
    const folder = modelFolder({ "b.yaml": GPQA });
    execFileSync("mkfifo", [join(folder, ".eval_results", "a.yaml")]);
    const lint = await run(["lint", ".", "--format", "json"], folder);
    expect(lint.code).toBe(2);
    const results = JSON.parse(lint.stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    expect(results.map((result) => result.filePath)).toEqual([
      ".eval_results/a.yaml",
      ".eval_results/b.yaml",
      "README.md",
    ]);
    expect(results[0]?.messages[0]?.message).toContain("not a regular file: a named pipe (FIFO)");
    const inspect = await run(["inspect", "."], folder);
    expect(inspect.code).toBe(2);
    expect(inspect.stderr).toContain(
      ".eval_results/a.yaml: cannot read the card (not a regular file: a named pipe (FIFO))",
    );
  });

  it("counts score files apart from cards in the pretty summary", async () => {
    const { stdout } = await run(["lint", "."], modelFolder());
    expect(stdout).toMatch(/in 1 card and 2 score files checked, 1 with errors\n/);
    const onlyScores = await run(["lint", ".eval_results/gpqa.yaml"], modelFolder());
    expect(onlyScores.stdout).toMatch(/in 1 score file checked, 0 with errors\n/);
  });

  it("checks DIR/.eval_results/*.yaml beside the card, each file its own result", async () => {
    const folder = modelFolder();
    writeFileSync(join(folder, ".eval_results", "notes.txt"), "not a score file");
    const { code, stdout } = await run(["lint", ".", "--format", "json"], folder);
    expect(code).toBe(1);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; line: number }[] }[];
    expect(results.map((result) => result.filePath)).toEqual([
      ".eval_results/gpqa.yaml",
      ".eval_results/hle.yaml",
      "README.md",
    ]);
    expect(results[0]?.messages.map((message) => [message.ruleId, message.line])).toEqual([["eval-results-date", 5]]);
    expect(results[1]?.messages.map((message) => [message.ruleId, message.line])).toEqual([["eval-results-value", 2]]);
    expect(results[2]?.messages).toEqual([]);
  });

  it("checks one file named on the line, and fixes it", async () => {
    const folder = modelFolder();
    const { code, stdout } = await run(["lint", ".eval_results/hle.yaml"], folder);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '.eval_results/hle.yaml\n  2:54  error  `value` of entry 1 (cais/hle:default) is the string "9.1"; write the number without quotes.  eval-results-value\n',
    );
    const fixed = await run(["lint", "--fix", "."], folder);
    expect(fixed.code).toBe(0);
    expect(readFileSync(join(folder, ".eval_results", "hle.yaml"), "utf8")).toBe(HLE.replace('"9.1"', "9.1"));
    expect(readFileSync(join(folder, ".eval_results", "gpqa.yaml"), "utf8")).toBe(
      GPQA.replace("2026-02-03", "'2026-02-03'"),
    );
  });

  it("reports a second score for one benchmark task across files", async () => {
    const folder = modelFolder({
      "a.yaml": GPQA.replace("2026-02-03", "'2026-02-03'"),
      "b.yaml": GPQA.replace("63.3", "64").replace("2026-02-03", "'2026-02-03'"),
    });
    const { stdout } = await run(["lint", ".", "--format", "json"], folder);
    const results = JSON.parse(stdout) as { filePath: string; messages: { ruleId: string; message: string }[] }[];
    expect(results[0]?.messages).toEqual([]);
    expect(results[1]?.messages.map((message) => message.message)).toEqual([
      "entry 1 (Idavidrein/gpqa:gpqa_diamond) is a second score for Idavidrein/gpqa:gpqa_diamond (also in a.yaml); keep one, or tell setups apart with `notes`.",
    ]);
  });

  it("warns when a verified score's value changed since the last commit", async () => {
    const committed = GPQA.replace("2026-02-03", "'2026-02-03'").replace("63.3\n", "63.3\n  verifyToken: eyJhbGciOi\n");
    const folder = modelFolder({ "gpqa.yaml": committed });
    const git = (...args: string[]) => execFileSync("git", args, { cwd: folder, stdio: "ignore" });
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "scores");
    expect((await run(["lint", ".eval_results/gpqa.yaml"], folder)).code).toBe(0);
    writeFileSync(join(folder, ".eval_results", "gpqa.yaml"), committed.replace("63.3", "70"));
    const { code, stdout } = await run(["lint", ".eval_results/gpqa.yaml", "--format", "json"], folder);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)[0].messages).toEqual([
      {
        ruleId: "eval-results-verify-token",
        severity: 1,
        message:
          "entry 1 (Idavidrein/gpqa:gpqa_diamond) keeps its verifyToken but its value changed since the last commit (63.3 → 70); the token vouches for the evaluated score, so restore the value or remove verifyToken.",
        line: 4,
        column: 10,
        endLine: 4,
        endColumn: 12,
      },
    ]);
  });

  it("lists the rules with --list-rules, at their configured severity", async () => {
    const folder = modelFolder();
    const { stdout } = await run(["lint", "--list-rules", "--rule", "eval-results-date=error"], folder);
    expect(stdout).toContain("\neval-results-date          error    fixable  A score's `date` should be");
    expect(stdout).toContain("\neval-results-yaml          error             An `.eval_results/*.yaml` file");
  });

  it("refuses a severity it does not know", async () => {
    const folder = modelFolder();
    writeFileSync(join(folder, "modelcard.config.json"), '{ "rules": { "eval-results-date": "loud" } }');
    const { code, stderr } = await run(["lint", "."], folder);
    expect(code).toBe(2);
    expect(stderr).toContain('rules.eval-results-date: severity "loud" is not one of off, warn, error.');
  });

  it("accepts the rules' ids in the configuration", async () => {
    const folder = modelFolder();
    writeFileSync(
      join(folder, "modelcard.config.json"),
      '{ "rules": { "eval-results-value": "off", "eval-results-date": "off" } }',
    );
    expect((await run(["lint", "."], folder)).code).toBe(0);
  });
});

describe("modelcard inspect and .eval_results/", () => {
  it("shows the folder's scores beside the model-index", async () => {
    const folder = modelFolder();
    const { code, stdout } = await run(["inspect", folder], folder);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        join(folder, "README.md"),
        "  front matter: 3 keys (license, library_name, pipeline_tag)",
        "  line endings: lf",
        "  model name:   -",
        "  eval results: none",
        "  body:         8 characters",
        "  .eval_results: 2 scores in 2 files",
        "    Idavidrein/gpqa:gpqa_diamond  63.3  2026-02-03  (gpqa.yaml)",
        '    cais/hle:default  "9.1"  no-tools  (hle.yaml)',
        "",
      ].join("\n"),
    );
  });

  it("gives each file's entries as the Hub reads them in --json", async () => {
    const folder = modelFolder({ "gpqa.yaml": GPQA, "broken.yaml": "- dataset: [\n" });
    const { stdout } = await run(["inspect", join(folder, "README.md"), "--json"], folder);
    expect(JSON.parse(stdout).evalResultsFiles).toEqual([
      {
        file: ".eval_results/broken.yaml",
        entries: [],
        problems: [
          {
            code: "yaml-syntax",
            message:
              "the Hub's YAML reader cannot read this file: unexpected end of the stream within a flow collection",
            line: 2,
            column: 1,
          },
        ],
      },
      {
        file: ".eval_results/gpqa.yaml",
        entries: [
          {
            dataset: { id: "Idavidrein/gpqa", task_id: "gpqa_diamond" },
            value: 63.3,
            date: "2026-02-03T00:00:00.000Z",
          },
        ],
        problems: [],
      },
    ]);
  });

  it("leaves the JSON as it was for a folder without scores", async () => {
    const folder = modelFolder({});
    const { stdout } = await run(["inspect", join(folder, "README.md"), "--json"], folder);
    expect(JSON.parse(stdout)).not.toHaveProperty("evalResultsFiles");
  });
});

describe("modelcard update --add-result / --remove-result", () => {
  it("writes .eval_results/<benchmark>.yaml, date quoted, keys in the spec's order; the card is untouched", async () => {
    const folder = modelFolder({});
    const { code, stderr } = await run(
      [
        "update",
        folder,
        "--add-result",
        "notes=no-tools,source.url=https://example.org/logs,date=2026-02-04,value=9.1,task_id=default,dataset.id=cais/hle",
      ],
      folder,
    );
    expect(code).toBe(0);
    expect(stderr).toBe("created .eval_results/hle.yaml\n");
    expect(readFileSync(join(folder, ".eval_results", "hle.yaml"), "utf8")).toBe(
      "- dataset:\n    id: cais/hle\n    task_id: default\n  value: 9.1\n  date: '2026-02-04'\n  source:\n    url: https://example.org/logs\n  notes: no-tools\n",
    );
    expect(readFileSync(join(folder, "README.md"), "utf8")).toBe(CARD);
  });

  it("appends to the benchmark's file, refuses an existing score without --overwrite, replaces it with", async () => {
    const folder = modelFolder();
    const add = [
      "update",
      join(folder, "README.md"),
      "--add-result",
      "dataset.id=Idavidrein/gpqa,task_id=gpqa_diamond,value=64",
    ];
    const refused = await run(add, folder);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `modelcard update: ${join(folder, ".eval_results", "gpqa.yaml")} already has a score for Idavidrein/gpqa:gpqa_diamond (pass --overwrite to replace it); nothing was written.\n`,
    );
    const dry = await run([...add, "--overwrite", "--dry-run"], folder);
    expect(dry.stdout).toContain("-  value: 63.3\n-  date: 2026-02-03\n+  value: 64\n");
    expect(readFileSync(join(folder, ".eval_results", "gpqa.yaml"), "utf8")).toBe(GPQA);
    expect((await run([...add, "--overwrite"], folder)).code).toBe(0);
    expect(readFileSync(join(folder, ".eval_results", "gpqa.yaml"), "utf8")).toBe(
      "- dataset:\n    id: Idavidrein/gpqa\n    task_id: gpqa_diamond\n  value: 64\n",
    );
    await run(["update", folder, "--add-result", "dataset.id=Idavidrein/gpqa,task_id=gpqa_main,value=50"], folder);
    expect(readFileSync(join(folder, ".eval_results", "gpqa.yaml"), "utf8")).toContain("  value: 64\n- dataset:\n");
  });

  it("removes a score's lines, and the file it empties; comments stay", async () => {
    const folder = modelFolder();
    const { code, stderr } = await run(["update", folder, "--remove-result", "Idavidrein/gpqa:gpqa_diamond"], folder);
    expect(code).toBe(0);
    expect(stderr).toBe("removed .eval_results/gpqa.yaml\n");
    expect(existsSync(join(folder, ".eval_results", "gpqa.yaml"))).toBe(false);
    const commented = await run(["update", folder, "--remove-result", "cais/hle:default:no-tools"], folder);
    expect(commented.stderr).toBe("updated .eval_results/hle.yaml\n");
    expect(readFileSync(join(folder, ".eval_results", "hle.yaml"), "utf8")).toBe("# no tools\n");
    const missing = await run(["update", folder, "--remove-result", "cais/hle:default"], folder);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^modelcard update: no score for cais\/hle:default in .*; nothing was written\.\n$/);
  });

  it("refuses flags it cannot turn into a valid score", async () => {
    const folder = modelFolder({});
    const cases: [string, string][] = [
      ["dataset.id=a/b,task_id=t", "--add-result: missing value"],
      ["dataset.id=a/b,task_id=t,value=63%", '--add-result: value must be a number, not "63%"'],
      ["dataset.id=a/b,task_id=t,value=1,date=03/02/2026", "--add-result: date must be ISO-8601"],
      ["dataset.id=a/b,task_id=t,value=1,source.name=x", "source.name, source.user and source.org need source.url"],
      ["dataset.id=a/b,task_id=t,value=1,verifyToken=x", "only an audited run can mint a verifyToken"],
    ];
    for (const [flag, message] of cases) {
      const { code, stderr } = await run(["update", folder, "--add-result", flag], folder);
      expect(code, flag).toBe(2);
      expect(stderr, flag).toContain(message);
    }
    expect((await run(["update", folder, "--remove-result", "cais/hle"], folder)).stderr).toContain(
      "expected DATASET_ID:TASK_ID",
    );
    expect(existsSync(join(folder, ".eval_results", "b.yaml"))).toBe(false);
  });
});
