/** The evaluation harnesses modelcard reads results of, with the repository a `source.url` names. */
export const HARNESSES = {
  "lm-evaluation-harness": { url: "https://github.com/EleutherAI/lm-evaluation-harness" },
  lighteval: { url: "https://github.com/huggingface/lighteval" },
} as const;

export type HarnessName = keyof typeof HARNESSES;

/** One score of a task as the harness wrote it. */
export interface HarnessMetric {
  /** The key in the results file: `exact_match,strict-match` (lm-eval), `gpqa_pass@k:k=1` (lighteval). */
  key: string;
  /** The metric: `exact_match`, `gpqa_pass@k:k=1`. */
  metric: string;
  /** lm-eval's filter (`none`, `strict-match`); null for lighteval. */
  filter: string | null;
  /** The number as the harness wrote it, unrounded. */
  value: number;
}

/** One task or group of a results file. */
export interface HarnessTask {
  /** The harness's name for it: `gsm8k`, `mmlu_pro`, `gpqa:diamond`. */
  name: string;
  /** The group it belongs to (its nearest parent), or null for a top-level task or group. */
  parent: string | null;
  isGroup: boolean;
  /** Few-shot examples, when the file says. */
  numFewshot: number | null;
  /** The Hub dataset it evaluates (`dataset_path` / `hf_repo`) and its subset, when the file says. */
  dataset: { path: string; subset: string | null } | null;
  metrics: HarnessMetric[];
}

/** What a results file says, in one shape for both harnesses. */
export interface HarnessResults {
  /** The file it was read from, for messages and `--explain`. */
  file: string;
  harness: HarnessName;
  /** The harness's version, when the file says (lm-eval's `lm_eval_version`; lighteval's `lighteval_sha`). */
  version: string | null;
  /** The evaluated model as the file names it (a repo id or a path). */
  modelName: string | null;
  /** When the run started: ISO-8601, from lm-eval's Unix `date`, else from the file name's timestamp. */
  date: string | null;
  /** Every task and group, top-level ones first in file order, then the subtasks. */
  tasks: HarnessTask[];
}
