import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ModelCard } from "../../src/card/index.js";
import { matchBenchmarkTask, planEvalImport, readHarnessResults } from "../../src/eval-import/index.js";

const OLD = join(import.meta.dirname, "fixtures/lm-eval-0.4.9-groups-no-configs.json");
const NEW = join(import.meta.dirname, "../../examples/eval-import/lm-eval/results_2026-05-20T09-12-44.118262.json");
const read = (path: string, edit: (data: Record<string, unknown>) => void = () => {}) => {
  const data = JSON.parse(readFileSync(path, "utf8"));
  edit(data);
  return readHarnessResults(JSON.stringify(data), "results.json");
};

describe("planEvalImport", () => {
  it("gives a subtask of a registered benchmark's group no entry, even when its dataset is the benchmark's", () => {
    const results = read(OLD, (data) => {
      data.configs = {
        mmlu_pro_biology: { dataset_path: "TIGER-Lab/MMLU-Pro", num_fewshot: 5 },
        mmlu_pro_law: { dataset_path: "TIGER-Lab/MMLU-Pro", num_fewshot: 5 },
      };
    });
    const plan = planEvalImport({
      results: [results],
      card: ModelCard.parse(""),
      subtasks: true,
      taskIds: { "TIGER-Lab/MMLU-Pro": "mmlu_pro", "Idavidrein/gpqa": "gpqa_diamond" },
    });
    expect(plan.entries.map((entry) => [entry.task, entry.entry.dataset.id, entry.entry.value])).toEqual([
      ["mmlu_pro", "TIGER-Lab/MMLU-Pro", 0.35355718085106386],
      // leaderboard_gpqa_diamond is a benchmark task of its own, in group leaderboard_gpqa.
      ["leaderboard_gpqa_diamond", "Idavidrein/gpqa", 0.2878787878787879],
    ]);
    expect(plan.skipped.filter((skip) => skip.task.startsWith("mmlu_pro_"))).toEqual([
      {
        file: "results.json",
        task: "mmlu_pro_biology",
        reason: "a subtask of mmlu_pro: only its group's score is TIGER-Lab/MMLU-Pro's",
      },
      {
        file: "results.json",
        task: "mmlu_pro_law",
        reason: "a subtask of mmlu_pro: only its group's score is TIGER-Lab/MMLU-Pro's",
      },
    ]);
  });

  it("leaves subtasks out without `subtasks`, saying so", () => {
    const plan = planEvalImport({ results: [read(OLD)], card: ModelCard.parse("") });
    expect(plan.modelIndex.map((result) => result.task)).toEqual(["gsm8k", "gsm8k", "mmlu", "mmlu_pro"]);
    expect(plan.skipped.find((skip) => skip.task === "mmlu_formal_logic")?.reason).toBe(
      "a subtask of mmlu_humanities, left out (pass --subtasks to import it)",
    );
  });

  it("names the model from the flag, else the card's model-index, else the file's Hub id, else the card's heading", () => {
    const named = ModelCard.parse("---\nmodel-index:\n- name: from-card\n  results: []\n---\n# Heading\n");
    const heading = ModelCard.parse("---\nlicense: mit\n---\n\n## My model\n");
    const withId = read(NEW);
    const withPath = read(OLD);
    const name = (card: ModelCard, results = withId, modelName?: string) =>
      planEvalImport({ results: [results], card, modelName }).modelName;
    expect(name(named, withId, "flag")).toBe("flag");
    expect(name(named)).toBe("from-card");
    expect(name(heading)).toBe("SmolLM3-3B");
    expect(name(heading, withPath)).toBe("My model");
    expect(name(ModelCard.parse(""), withPath)).toBeNull();
  });

  it("uses the card's pipeline_tag as task type, text-generation by default", () => {
    const card = ModelCard.parse("---\npipeline_tag: image-text-to-text\n---\n");
    expect(new Set(planEvalImport({ results: [read(NEW)], card }).modelIndex.map((r) => r.taskType))).toEqual(
      new Set(["image-text-to-text"]),
    );
  });
});

describe("matchBenchmarkTask", () => {
  const tasks = [
    { id: "gpqa_diamond", config: "gpqa_diamond" },
    { id: "gpqa_main", config: "gpqa_main" },
  ];
  it.each([
    [tasks, "gpqa_diamond", "gpqa_diamond"],
    [tasks, "gpqa_extended", null],
    [tasks, null, null],
    [[{ id: "diamond", config: "gpqa_diamond" }], "gpqa_diamond", "diamond"],
    [[{ id: "default" }], "main", "default"],
    [[{ id: "hle" }], null, "hle"],
    [[{ id: "x", config: "other" }], "main", null],
  ])("%j, subset %s → %s", (list, subset, expected) => {
    expect(matchBenchmarkTask(list, subset)).toBe(expected);
  });
});
