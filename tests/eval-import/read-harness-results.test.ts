import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HarnessResultsError, readHarnessResults } from "../../src/eval-import/index.js";

const FIXTURES = join(import.meta.dirname, "fixtures");
const EXAMPLES = join(import.meta.dirname, "../../examples/eval-import");
const LM_EVAL_0_4_12 = join(EXAMPLES, "lm-eval/results_2026-05-20T09-12-44.118262.json");
const LIGHTEVAL_0_13 = join(EXAMPLES, "lighteval/results_2026-05-21T14-03-27.550961.json");
const LM_EVAL_0_4_9 = join(FIXTURES, "lm-eval-0.4.9-groups-no-configs.json");
const LIGHTEVAL_0_10 = join(FIXTURES, "lighteval-0.10-suite-keys.json");

const read = (path: string, name = path.split("/").pop()!) => readHarnessResults(readFileSync(path, "utf8"), name);
const brief = (path: string) =>
  read(path).tasks.map(({ name, parent, isGroup, numFewshot, dataset, metrics }) => ({
    name,
    parent,
    isGroup,
    numFewshot,
    dataset,
    metrics: Object.fromEntries(metrics.map((metric) => [metric.key, metric.value])),
  }));

describe("lm-evaluation-harness results", () => {
  it("reads v0.4.12's per-task shape (name, sample_len) with configs: datasets, n-shot, filters, no stderr", () => {
    const results = read(LM_EVAL_0_4_12);
    expect(results).toMatchObject({
      harness: "lm-evaluation-harness",
      version: "0.4.12",
      modelName: "HuggingFaceTB/SmolLM3-3B",
      // `date` is Unix time (1779268364.118...), not the file name's local time.
      date: "2026-05-20T09:12:44Z",
    });
    expect(brief(LM_EVAL_0_4_12)).toEqual([
      {
        name: "gsm8k",
        parent: null,
        isGroup: false,
        numFewshot: 5,
        dataset: { path: "openai/gsm8k", subset: "main" },
        metrics: { "exact_match,strict-match": 0.7361637604245641, "exact_match,flexible-extract": 0.7429871114480667 },
      },
      {
        name: "gpqa_diamond_zeroshot",
        parent: null,
        isGroup: false,
        numFewshot: 0,
        dataset: { path: "Idavidrein/gpqa", subset: "gpqa_diamond" },
        metrics: { "acc,none": 0.32323232323232326, "acc_norm,none": 0.3333333333333333 },
      },
      {
        // A stderr of "N/A" is no metric and no failure.
        name: "hellaswag",
        parent: null,
        isGroup: false,
        numFewshot: 0,
        dataset: { path: "Rowan/hellaswag", subset: null },
        metrics: { "acc,none": 0.6027683728340968, "acc_norm,none": 0.7907787293367855 },
      },
    ]);
    expect(read(LM_EVAL_0_4_12).tasks[0]!.metrics[0]).toEqual({
      key: "exact_match,strict-match",
      metric: "exact_match",
      filter: "strict-match",
      value: 0.7361637604245641,
    });
  });

  it("reads 0.4.9 without configs: groups bottom-up, nested groups, a group with only an alias, N/A stderrs", () => {
    expect(read(LM_EVAL_0_4_9)).toMatchObject({ version: "0.4.9.2", date: "2026-01-21T03:42:38Z" });
    expect(brief(LM_EVAL_0_4_9)).toEqual([
      {
        name: "gsm8k",
        parent: null,
        isGroup: false,
        numFewshot: 5,
        dataset: null,
        metrics: { "exact_match,strict-match": 0.6080363912054587, "exact_match,flexible-extract": 0.6186504927975739 },
      },
      { name: "leaderboard_gpqa", parent: null, isGroup: true, numFewshot: 0, dataset: null, metrics: {} },
      // `mmlu` is listed last in group_subtasks and `groups`, yet it is the top group.
      {
        name: "mmlu",
        parent: null,
        isGroup: true,
        numFewshot: 0,
        dataset: null,
        metrics: { "acc,none": 0.6211935621706594 },
      },
      {
        name: "mmlu_pro",
        parent: null,
        isGroup: true,
        numFewshot: 5,
        dataset: null,
        metrics: { "exact_match,custom-extract": 0.35355718085106386 },
      },
      {
        name: "leaderboard_gpqa_diamond",
        parent: "leaderboard_gpqa",
        isGroup: false,
        numFewshot: 0,
        dataset: null,
        metrics: { "acc_norm,none": 0.2878787878787879 },
      },
      {
        name: "mmlu_humanities",
        parent: "mmlu",
        isGroup: true,
        numFewshot: 0,
        dataset: null,
        metrics: { "acc,none": 0.5634431455897981 },
      },
      {
        name: "mmlu_formal_logic",
        parent: "mmlu_humanities",
        isGroup: false,
        numFewshot: 0,
        dataset: null,
        metrics: { "acc,none": 0.40476190476190477 },
      },
      {
        name: "mmlu_pro_biology",
        parent: "mmlu_pro",
        isGroup: false,
        numFewshot: 5,
        dataset: null,
        metrics: { "exact_match,custom-extract": 0.5648535564853556 },
      },
      {
        name: "mmlu_pro_law",
        parent: "mmlu_pro",
        isGroup: false,
        numFewshot: 5,
        dataset: null,
        metrics: { "exact_match,custom-extract": 0.2089009990917348 },
      },
    ]);
  });

  it("without group_subtasks, takes groups from the aliases' indentation", () => {
    const data = JSON.parse(readFileSync(LM_EVAL_0_4_9, "utf8"));
    delete data.group_subtasks;
    const parents = readHarnessResults(JSON.stringify(data), "old.json").tasks.map((task) => [task.name, task.parent]);
    expect(Object.fromEntries(parents)).toEqual({
      gsm8k: null,
      leaderboard_gpqa: null,
      leaderboard_gpqa_diamond: "leaderboard_gpqa",
      mmlu: null,
      mmlu_humanities: "mmlu",
      mmlu_formal_logic: "mmlu_humanities",
      mmlu_pro: null,
      mmlu_pro_biology: "mmlu_pro",
      mmlu_pro_law: "mmlu_pro",
    });
  });

  it("takes a group's dataset from its tasks' configs when they share one", () => {
    const data = JSON.parse(readFileSync(LM_EVAL_0_4_9, "utf8"));
    data.configs = {
      mmlu_pro_biology: { task: "mmlu_pro_biology", dataset_path: "TIGER-Lab/MMLU-Pro", num_fewshot: 5 },
      mmlu_pro_law: { task: "mmlu_pro_law", dataset_path: "TIGER-Lab/MMLU-Pro", num_fewshot: 5 },
    };
    const group = readHarnessResults(JSON.stringify(data), "x.json").tasks.find((task) => task.name === "mmlu_pro");
    expect(group?.dataset).toEqual({ path: "TIGER-Lab/MMLU-Pro", subset: null });
  });
});

describe("lighteval results", () => {
  it("reads task|fewshot keys (v0.11+), never the `all` pseudo-task, parametrised metric names, config_tasks by name", () => {
    const results = read(LIGHTEVAL_0_13);
    expect(results).toMatchObject({
      harness: "lighteval",
      version: "3fd1526",
      modelName: "HuggingFaceTB/SmolLM3-3B",
      // lighteval's times are timers: the date is the file name's.
      date: "2026-05-21T14:03:27",
    });
    expect(brief(LIGHTEVAL_0_13)).toEqual([
      {
        name: "gpqa:diamond",
        parent: null,
        isGroup: false,
        numFewshot: 0,
        dataset: { path: "Idavidrein/gpqa", subset: "gpqa_diamond" },
        metrics: { "gpqa_pass@k:k=1": 0.4191919191919192 },
      },
      {
        name: "ifeval",
        parent: null,
        isGroup: false,
        numFewshot: 0,
        dataset: { path: "google/IFEval", subset: "default" },
        metrics: { prompt_level_strict_acc: 0.7634011090573013, inst_level_strict_acc: 0.8333333333333334 },
      },
    ]);
  });

  it("reads suite|task|fewshot keys (before v0.11): `_average` is the group of its prefix's tasks", () => {
    const results = read(LIGHTEVAL_0_10);
    expect(results.date).toBeNull();
    expect(brief(LIGHTEVAL_0_10)).toEqual([
      {
        name: "gsm8k",
        parent: null,
        isGroup: false,
        numFewshot: 5,
        dataset: { path: "openai/gsm8k", subset: "main" },
        metrics: { extractive_match: 0.7103866565579985 },
      },
      { name: "hle", parent: null, isGroup: false, numFewshot: 0, dataset: null, metrics: { exact_match: 0.041 } },
      {
        name: "mmlu:_average",
        parent: null,
        isGroup: true,
        numFewshot: 5,
        dataset: null,
        metrics: { acc: 0.5311111111111111 },
      },
      {
        name: "mmlu:abstract_algebra",
        parent: "mmlu:_average",
        isGroup: false,
        numFewshot: 5,
        dataset: { path: "lighteval/mmlu", subset: "abstract_algebra" },
        metrics: { acc: 0.34 },
      },
      {
        name: "mmlu:college_biology",
        parent: "mmlu:_average",
        isGroup: false,
        numFewshot: 5,
        dataset: { path: "lighteval/mmlu", subset: "college_biology" },
        metrics: { acc: 0.7222222222222222 },
      },
    ]);
  });
});

describe("anything else", () => {
  it.each([
    ["not json {", /^notes\.txt: not JSON \(/],
    ['{"accuracy": 0.5}', /^notes\.txt: not evaluation-harness results \(no "results" mapping\)/],
    ['{"results": {"task": {"accuracy": 0.5}}}', /^notes\.txt: "results" has neither lm-evaluation-harness's/],
  ])("is a HarnessResultsError naming the file: %s", (text, message) => {
    let error: unknown;
    try {
      readHarnessResults(text, "notes.txt");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(HarnessResultsError);
    expect((error as HarnessResultsError).code).toBe("HARNESS_RESULTS_UNREADABLE");
    expect((error as HarnessResultsError).file).toBe("notes.txt");
    expect((error as Error).message).toMatch(message);
  });
});
