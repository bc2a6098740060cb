import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { cli } from "../../src/cli/main.js";
import { type FakeHub, startFakeHub } from "../support/fake-hub/fake-hub.js";
import { memoryIo } from "../support/memory-io.js";

const ROOT = join(import.meta.dirname, "../..");
const LM_EVAL = join(ROOT, "examples/eval-import/lm-eval/results_2026-05-20T09-12-44.118262.json");
const LIGHTEVAL = join(ROOT, "examples/eval-import/lighteval/results_2026-05-21T14-03-27.550961.json");
const LM_EVAL_OLD = join(ROOT, "tests/eval-import/fixtures/lm-eval-0.4.9-groups-no-configs.json");
const LIGHTEVAL_OLD = join(ROOT, "tests/eval-import/fixtures/lighteval-0.10-suite-keys.json");
const CARD = "---\nlicense: apache-2.0\npipeline_tag: text-generation\n---\n# SmolLM3 fine-tune\n\nSome text.\n";

const GPQA_BOTH = `- dataset:
    id: Idavidrein/gpqa
    task_id: gpqa_diamond
  value: 0.3333333333333333
  date: '2026-05-20T09:12:44Z'
  notes: lm-evaluation-harness 0.4.12; gpqa_diamond_zeroshot; 0-shot; acc_norm; filter none
- dataset:
    id: Idavidrein/gpqa
    task_id: gpqa_diamond
  value: 0.4191919191919192
  date: '2026-05-21T14:03:27'
  notes: lighteval 3fd1526; gpqa:diamond; 0-shot; gpqa_pass@k:k=1
`;

let hub: FakeHub;
beforeAll(async () => {
  hub = await startFakeHub({});
});
afterAll(() => hub.close());
beforeEach(() => hub.reset());

function folder(card: string | null = CARD): string {
  const dir = mkdtempSync(join(tmpdir(), "modelcard-eval-import-"));
  if (card !== null) writeFileSync(join(dir, "README.md"), card);
  return dir;
}

async function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}) {
  const terminal = memoryIo({ cwd, env });
  const code = await cli(args, terminal.io);
  return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
}

const read = (dir: string, path: string) => readFileSync(join(dir, path), "utf8");
const results = (dir: string) =>
  (ModelCard.parse(read(dir, "README.md")).evalResults ?? []).map((result) => ({
    dataset: `${result.datasetType} ${result.datasetName}${result.datasetConfig ? ` ${result.datasetConfig}` : ""}`,
    metric: `${result.metricType} ${result.metricName} ${String(result.metricValue)}`,
    args: result.metricArgs,
    source: `${result.sourceName} ${result.sourceUrl}`,
    taskType: result.taskType,
  }));

describe("modelcard eval import", () => {
  it("adds every top-level task's metrics to model-index and the registered benchmark's scores to .eval_results/", async () => {
    const dir = folder();
    const first = await run(["eval", "import", LM_EVAL, LIGHTEVAL, "--task-id", "Idavidrein/gpqa=gpqa_diamond"], dir);
    expect(first.code).toBe(0);
    expect(read(dir, ".eval_results/gpqa.yaml")).toBe(GPQA_BOTH);
    const card = ModelCard.parse(read(dir, "README.md"));
    // Neither --model-name nor the card names the model: the results file's model does (its repo part).
    expect(card.modelName).toBe("SmolLM3-3B");
    expect(card.body).toBe("# SmolLM3 fine-tune\n\nSome text.\n");
    const lmEval = "lm-evaluation-harness https://github.com/EleutherAI/lm-evaluation-harness";
    const lighteval = "lighteval https://github.com/huggingface/lighteval";
    const taskType = "text-generation";
    expect(results(dir)).toEqual([
      {
        dataset: "openai/gsm8k gsm8k main",
        metric: "exact_match exact_match,strict-match 0.7361637604245641",
        args: { num_fewshot: 5 },
        source: lmEval,
        taskType,
      },
      {
        dataset: "openai/gsm8k gsm8k main",
        metric: "exact_match exact_match,flexible-extract 0.7429871114480667",
        args: { num_fewshot: 5 },
        source: lmEval,
        taskType,
      },
      {
        dataset: "Idavidrein/gpqa gpqa_diamond_zeroshot gpqa_diamond",
        metric: "acc acc,none 0.32323232323232326",
        args: { num_fewshot: 0 },
        source: lmEval,
        taskType,
      },
      {
        dataset: "Idavidrein/gpqa gpqa_diamond_zeroshot gpqa_diamond",
        metric: "acc_norm acc_norm,none 0.3333333333333333",
        args: { num_fewshot: 0 },
        source: lmEval,
        taskType,
      },
      {
        dataset: "Rowan/hellaswag hellaswag",
        metric: "acc acc,none 0.6027683728340968",
        args: { num_fewshot: 0 },
        source: lmEval,
        taskType,
      },
      {
        dataset: "Rowan/hellaswag hellaswag",
        metric: "acc_norm acc_norm,none 0.7907787293367855",
        args: { num_fewshot: 0 },
        source: lmEval,
        taskType,
      },
      {
        dataset: "Idavidrein/gpqa gpqa:diamond gpqa_diamond",
        metric: "gpqa_pass@k:k=1 gpqa_pass@k:k=1 0.4191919191919192",
        args: { num_fewshot: 0 },
        source: lighteval,
        taskType,
      },
      {
        dataset: "google/IFEval ifeval default",
        metric: "prompt_level_strict_acc prompt_level_strict_acc 0.7634011090573013",
        args: { num_fewshot: 0 },
        source: lighteval,
        taskType,
      },
      {
        dataset: "google/IFEval ifeval default",
        metric: "inst_level_strict_acc inst_level_strict_acc 0.8333333333333334",
        args: { num_fewshot: 0 },
        source: lighteval,
        taskType,
      },
    ]);
    expect(first.stderr).toBe(
      [
        "updated README.md",
        "created .eval_results/gpqa.yaml",
        `no .eval_results/ entry for gsm8k (${LM_EVAL}): no task id for openai/gsm8k (subset main); pass --task-id openai/gsm8k=TASK_ID or --map FILE`,
        `no .eval_results/ entry for hellaswag (${LM_EVAL}): not a registered Hub benchmark (dataset Rowan/hellaswag)`,
        `no .eval_results/ entry for ifeval (${LIGHTEVAL}): not a registered Hub benchmark (dataset google/IFEval)`,
        "",
      ].join("\n"),
    );

    // Idempotent: the same files again change no byte and exit 0.
    const cardBefore = read(dir, "README.md");
    const again = await run(["eval", "import", LM_EVAL, LIGHTEVAL, "--task-id", "Idavidrein/gpqa=gpqa_diamond"], dir);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/^nothing to change: every result is already there\n/);
    expect(read(dir, "README.md")).toBe(cardBefore);
    expect(read(dir, ".eval_results/gpqa.yaml")).toBe(GPQA_BOTH);

    // The imported card and entries lint without error.
    const lint = await run(["lint", ".", "--format", "json"], dir);
    const messages = (JSON.parse(lint.stdout) as { messages: { severity: number; ruleId: string }[] }[]).flatMap(
      (file) => file.messages,
    );
    expect(messages.filter((message) => message.severity === 2)).toEqual([]);
    expect(lint.code).toBe(0);
  });

  it("refuses a different value for the same benchmark task without --overwrite, and writes nothing", async () => {
    const dir = folder();
    await run(["eval", "import", LM_EVAL, "--task-id", "Idavidrein/gpqa=gpqa_diamond"], dir);
    const card = read(dir, "README.md");
    const scores = read(dir, ".eval_results/gpqa.yaml");
    const refused = await run(
      ["eval", "import", LM_EVAL, "--task-id", "Idavidrein/gpqa=gpqa_diamond", "--scale", "percent"],
      dir,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      `modelcard eval import: .eval_results/gpqa.yaml already has a different score for Idavidrein/gpqa:gpqa_diamond (lm-evaluation-harness 0.4.12; gpqa_diamond_zeroshot; 0-shot; acc_norm; filter none) (pass --overwrite to replace it); nothing was written.\n`,
    );
    expect(read(dir, "README.md")).toBe(card);
    expect(read(dir, ".eval_results/gpqa.yaml")).toBe(scores);
    const overwritten = await run(
      ["eval", "import", LM_EVAL, "--task-id", "Idavidrein/gpqa=gpqa_diamond", "--scale", "percent", "--overwrite"],
      dir,
    );
    expect(overwritten.code).toBe(0);
    expect(read(dir, ".eval_results/gpqa.yaml")).toBe(
      scores.replace("value: 0.3333333333333333", "value: 33.33333333333333"),
    );
    // model-index keeps the harness's scale: only the entry changed.
    expect(read(dir, "README.md")).toBe(card);
  });

  it("--map, --subtasks, --metric and --scale percent on lm-eval 0.4.9 without configs and lighteval 0.10", async () => {
    const dir = folder(null);
    writeFileSync(join(dir, "ids.yaml"), "openai/gsm8k: main\nTIGER-Lab/MMLU-Pro: mmlu_pro\ncais/hle: default\n");
    const args = [
      "eval",
      "import",
      LM_EVAL_OLD,
      LIGHTEVAL_OLD,
      "--map",
      "ids.yaml",
      "--subtasks",
      "--scale",
      "percent",
    ];
    const { code, stdout, stderr } = await run(
      [...args, "--metric", "gsm8k=exact_match,flexible-extract", "--json", "--dry-run"],
      dir,
    );
    expect(code).toBe(0);
    expect(stderr).toBe("");
    const plan = JSON.parse(stdout) as {
      modelName: string;
      modelIndex: { task: string }[];
      entries: { file: string; task: string; metricKey: string; entry: unknown }[];
      skipped: { task: string; reason: string }[];
      changed: string[];
    };
    // The lm-eval file names a local path, not a model; lighteval's my-org/my-model does.
    expect(plan.modelName).toBe("my-model");
    expect(plan.entries.map(({ task, metricKey, entry }) => ({ task, metricKey, entry }))).toEqual([
      {
        task: "gsm8k",
        metricKey: "exact_match,flexible-extract",
        entry: {
          dataset: { id: "openai/gsm8k", task_id: "main" },
          value: 61.86504927975739,
          date: "2026-01-21T03:42:38Z",
          notes: "lm-evaluation-harness 0.4.9.2; gsm8k; 5-shot; exact_match; filter flexible-extract",
        },
      },
      {
        task: "mmlu_pro",
        metricKey: "exact_match,custom-extract",
        entry: {
          dataset: { id: "TIGER-Lab/MMLU-Pro", task_id: "mmlu_pro" },
          value: 35.35571808510639,
          date: "2026-01-21T03:42:38Z",
          notes: "lm-evaluation-harness 0.4.9.2; mmlu_pro; 5-shot; exact_match; filter custom-extract",
        },
      },
      {
        // --metric gsm8k=... names an lm-eval key; lighteval's gsm8k has no such metric and is reported.
        task: "hle",
        metricKey: "exact_match",
        entry: {
          dataset: { id: "cais/hle", task_id: "default" },
          value: 4.1,
          notes: "lighteval b0f9a7e; hle; 0-shot; exact_match",
        },
      },
    ]);
    expect(plan.skipped).toEqual([
      { file: LM_EVAL_OLD, task: "leaderboard_gpqa", reason: "no scores in the file" },
      { file: LM_EVAL_OLD, task: "mmlu", reason: "not a registered Hub benchmark (no dataset named in the file)" },
      {
        file: LM_EVAL_OLD,
        task: "leaderboard_gpqa_diamond",
        reason: "no task id for Idavidrein/gpqa; pass --task-id Idavidrein/gpqa=TASK_ID or --map FILE",
      },
      {
        file: LM_EVAL_OLD,
        task: "mmlu_humanities",
        reason: "not a registered Hub benchmark (no dataset named in the file)",
      },
      {
        file: LM_EVAL_OLD,
        task: "mmlu_formal_logic",
        reason: "not a registered Hub benchmark (no dataset named in the file)",
      },
      {
        file: LM_EVAL_OLD,
        task: "mmlu_pro_biology",
        reason: "not a registered Hub benchmark (no dataset named in the file)",
      },
      {
        file: LM_EVAL_OLD,
        task: "mmlu_pro_law",
        reason: "not a registered Hub benchmark (no dataset named in the file)",
      },
      {
        file: LIGHTEVAL_OLD,
        task: "gsm8k",
        reason: "no metric exact_match,flexible-extract in the file (it has extractive_match); pass --metric gsm8k=KEY",
      },
      {
        file: LIGHTEVAL_OLD,
        task: "mmlu:_average",
        reason: "not a registered Hub benchmark (no dataset named in the file)",
      },
      {
        file: LIGHTEVAL_OLD,
        task: "mmlu:abstract_algebra",
        reason: "not a registered Hub benchmark (dataset lighteval/mmlu)",
      },
      {
        file: LIGHTEVAL_OLD,
        task: "mmlu:college_biology",
        reason: "not a registered Hub benchmark (dataset lighteval/mmlu)",
      },
    ]);
    // Subtasks are in model-index with --subtasks; a group without scores is not.
    expect(new Set(plan.modelIndex.map((result) => result.task))).toEqual(
      new Set([
        "gsm8k",
        "mmlu",
        "mmlu_pro",
        "leaderboard_gpqa_diamond",
        "mmlu_humanities",
        "mmlu_formal_logic",
        "mmlu_pro_biology",
        "mmlu_pro_law",
        "hle",
        "mmlu:_average",
        "mmlu:abstract_algebra",
        "mmlu:college_biology",
      ]),
    );
    expect(plan.changed).toEqual([
      "README.md",
      ".eval_results/gsm8k.yaml",
      ".eval_results/MMLU-Pro.yaml",
      ".eval_results/hle.yaml",
    ]);
    // --dry-run: nothing written.
    expect(existsSync(join(dir, "README.md"))).toBe(false);
    expect(existsSync(join(dir, ".eval_results"))).toBe(false);
  });

  it("--dry-run prints the diff of every file and writes nothing", async () => {
    const dir = folder();
    const { code, stdout } = await run(
      ["eval", "import", LIGHTEVAL, "--task-id", "Idavidrein/gpqa=gpqa_diamond", "--dry-run"],
      dir,
    );
    expect(code).toBe(0);
    expect(stdout).toContain("--- README.md\n+++ README.md\n");
    expect(stdout).toContain("+model-index:\n+- name: SmolLM3-3B\n");
    expect(stdout).toContain(
      "--- .eval_results/gpqa.yaml\n+++ .eval_results/gpqa.yaml\n@@ -0,0 +1,6 @@\n+- dataset:\n+    id: Idavidrein/gpqa\n+    task_id: gpqa_diamond\n+  value: 0.4191919191919192\n",
    );
    expect(read(dir, "README.md")).toBe(CARD);
    expect(existsSync(join(dir, ".eval_results"))).toBe(false);
  });

  it("reads a benchmark's task id from its eval.yaml on the Hub, matched by the harness's subset", async () => {
    hub.writeFiles("datasets/Idavidrein/gpqa", {
      "eval.yaml":
        "name: GPQA\nevaluation_framework: inspect-ai\ntasks:\n- id: gpqa_main\n  config: gpqa_main\n- id: gpqa_diamond\n  config: gpqa_diamond\n",
    });
    const dir = folder();
    const hfHome = mkdtempSync(join(tmpdir(), "modelcard-hf-home-"));
    const env = { HF_ENDPOINT: hub.url, HF_HUB_OFFLINE: "0", HF_HOME: hfHome, HF_TOKEN: "" };
    const { code, stderr } = await run(["eval", "import", LIGHTEVAL, LM_EVAL], dir, env);
    expect(code).toBe(0);
    expect(read(dir, ".eval_results/gpqa.yaml")).toContain("    task_id: gpqa_diamond\n  value: 0.4191919191919192\n");
    expect(read(dir, ".eval_results/gpqa.yaml")).toContain("    task_id: gpqa_diamond\n  value: 0.3333333333333333\n");
    // openai/gsm8k has no eval.yaml here: a note, and the report says what to pass.
    expect(stderr).toContain("note: openai/gsm8k's eval.yaml was not read, its task ids stay unknown:");
    expect(stderr).toContain("no .eval_results/ entry for gsm8k");
    expect(hub.requests.map((request) => request.path).sort()).toEqual([
      "/datasets/Idavidrein/gpqa/resolve/main/eval.yaml",
      "/datasets/openai/gsm8k/resolve/main/eval.yaml",
    ]);
  });

  it("never looks a task id up offline (--offline or HF_HUB_OFFLINE=1), nor for a dataset given --task-id", async () => {
    hub.writeFiles("datasets/Idavidrein/gpqa", { "eval.yaml": "tasks:\n- id: gpqa_diamond\n  config: gpqa_diamond\n" });
    const env = { HF_ENDPOINT: hub.url, HF_HUB_OFFLINE: "0" };
    const offline = await run(["eval", "import", LIGHTEVAL, "--offline"], folder(), env);
    expect(offline.stderr).toContain("no .eval_results/ entry for gpqa:diamond");
    await run(["eval", "import", LIGHTEVAL], folder(), { HF_ENDPOINT: hub.url, HF_HUB_OFFLINE: "1" });
    await run(["eval", "import", LIGHTEVAL, "--task-id", "Idavidrein/gpqa=diamond"], folder(), env);
    expect(hub.requests).toEqual([]);
  });

  it("a file that is not harness results is an error naming it; nothing is written", async () => {
    const dir = folder();
    writeFileSync(join(dir, "metrics.json"), '{"accuracy": 0.5}');
    const { code, stderr } = await run(["eval", "import", LIGHTEVAL, "metrics.json"], dir);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^modelcard: metrics\.json: not evaluation-harness results \(no "results" mapping\)/);
    expect(read(dir, "README.md")).toBe(CARD);
  });

  it("runs the README's example on the files in examples/ and prints what the README shows", async () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("### `modelcard eval import`"));
    const [, command, output] = /```sh\n([\s\S]*?)```\n\n```\n([\s\S]*?)```/.exec(section) ?? [];
    const args = command!.replace(/\\\n/g, " ").trim().split(/\s+/).slice(1);
    const dir = mkdtempSync(join(tmpdir(), "modelcard-eval-import-readme-"));
    cpSync(join(ROOT, "examples/eval-import"), join(dir, "examples/eval-import"), { recursive: true });
    const { code, stderr } = await run(args, dir);
    expect(code).toBe(0);
    expect(stderr).toBe(output);
    const lint = await run(["lint", "my-model", "--format", "json"], dir);
    const messages = (JSON.parse(lint.stdout) as { messages: { severity: number }[] }[]).flatMap((f) => f.messages);
    expect(messages.filter((message) => message.severity === 2)).toEqual([]);
  });

  it("takes task ids from modelcard.config.yaml's evalTaskIds, below --map and --task-id", async () => {
    const dir = folder();
    writeFileSync(
      join(dir, "modelcard.config.yaml"),
      "evalTaskIds:\n  openai/gsm8k: main\n  Idavidrein/gpqa:\n    gpqa_diamond: from-config\n",
    );
    const { code } = await run(["eval", "import", LM_EVAL, "--task-id", "openai/gsm8k=from-flag"], dir);
    expect(code).toBe(0);
    expect(read(dir, ".eval_results/gsm8k.yaml")).toContain("    task_id: from-flag\n");
    expect(read(dir, ".eval_results/gpqa.yaml")).toContain("    task_id: from-config\n");
    writeFileSync(join(dir, "modelcard.config.yaml"), "evalTaskIds: [main]\n");
    const bad = await run(["eval", "import", LM_EVAL], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("evalTaskIds must map benchmark dataset ids to task ids");
  });

  it("refuses another value for a model-index result without --overwrite, naming the task, key and file", async () => {
    const dir = folder();
    await run(["eval", "import", LM_EVAL], dir);
    const card = read(dir, "README.md");
    writeFileSync(
      join(dir, "results_2026-05-20T10-00-00.json"),
      readFileSync(LM_EVAL, "utf8").replace("0.6027683728340968", "0.61"),
    );
    const refused = await run(["eval", "import", "results_2026-05-20T10-00-00.json"], dir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(
      "modelcard eval import: the card's model-index already has another value for hellaswag acc,none (results_2026-05-20T10-00-00.json: 0.61) (pass --overwrite to replace it); nothing was written.\n",
    );
    expect(read(dir, "README.md")).toBe(card);
    expect((await run(["eval", "import", "results_2026-05-20T10-00-00.json", "--overwrite"], dir)).code).toBe(0);
    expect(read(dir, "README.md")).toBe(card.replace("value: 0.6027683728340968", "value: 0.61"));
  });
});
