import type { HarnessName } from "./harness-results.js";

/** A Hub benchmark whose registration is sourced, and how each harness's tasks of it are recognised and scored. */
export interface RegisteredBenchmark {
  datasetId: string;
  /** Harness task names that evaluate it, for files that do not name their dataset (lighteval's `config_tasks`, lm-eval's `configs` may be absent). */
  taskNames: Readonly<Record<HarnessName, readonly string[]>>;
  /** The headline metric key per harness task (`--metric TASK=KEY` overrides it); a task with one metric needs none. */
  headline: Readonly<Record<HarnessName, Readonly<Record<string, string>>>>;
}

/**
 * The only benchmarks an import writes `.eval_results/` entries for: the four whose registration on the Hub and
 * whose harness tasks are both sourced (GPQA, MMLU-Pro, GSM8K, HLE). hellaswag, arc, mmlu, ifeval, bbh, math and
 * musr have no sourced Hub benchmark and stay in model-index only.
 */
export const REGISTERED_BENCHMARKS: readonly RegisteredBenchmark[] = [
  {
    datasetId: "Idavidrein/gpqa",
    taskNames: {
      "lm-evaluation-harness": [
        "gpqa_diamond_zeroshot",
        "gpqa_diamond_n_shot",
        "gpqa_diamond_cot_zeroshot",
        "gpqa_diamond_cot_n_shot",
        "gpqa_diamond_generative_n_shot",
        "leaderboard_gpqa_diamond",
      ],
      lighteval: ["gpqa:diamond", "gpqa:main", "gpqa:extended"],
    },
    headline: {
      "lm-evaluation-harness": {
        gpqa_diamond_zeroshot: "acc_norm,none",
        gpqa_diamond_n_shot: "acc_norm,none",
        leaderboard_gpqa_diamond: "acc_norm,none",
      },
      lighteval: {
        "gpqa:diamond": "gpqa_pass@k:k=1",
        "gpqa:main": "gpqa_pass@k:k=1",
        "gpqa:extended": "gpqa_pass@k:k=1",
      },
    },
  },
  {
    datasetId: "TIGER-Lab/MMLU-Pro",
    taskNames: { "lm-evaluation-harness": ["mmlu_pro", "leaderboard_mmlu_pro"], lighteval: ["mmlu_pro"] },
    headline: {
      "lm-evaluation-harness": { mmlu_pro: "exact_match,custom-extract", leaderboard_mmlu_pro: "acc,none" },
      lighteval: {},
    },
  },
  {
    datasetId: "openai/gsm8k",
    taskNames: { "lm-evaluation-harness": ["gsm8k"], lighteval: ["gsm8k"] },
    headline: { "lm-evaluation-harness": { gsm8k: "exact_match,strict-match" }, lighteval: {} },
  },
  {
    datasetId: "cais/hle",
    taskNames: { "lm-evaluation-harness": [], lighteval: ["hle"] },
    headline: { "lm-evaluation-harness": {}, lighteval: {} },
  },
];
