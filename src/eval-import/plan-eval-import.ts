import type { EvalResultInput, ModelCard } from "../card/index.js";
import type { EvalResultsEntry } from "../eval-results/index.js";
import { HARNESSES, type HarnessMetric, type HarnessResults, type HarnessTask } from "./harness-results.js";
import { REGISTERED_BENCHMARKS, type RegisteredBenchmark } from "./registered-benchmarks.js";

/** Benchmark task ids: per dataset id, one task id for every subset, or one per harness subset (`gpqa_diamond`). */
export type BenchmarkTaskIds = Readonly<Record<string, string | Readonly<Record<string, string>>>>;

export interface PlanEvalImportParams {
  results: readonly HarnessResults[];
  /** The model's card (an empty one when there is none yet): its model name, `pipeline_tag` and first heading. */
  card: ModelCard;
  /** The model-index entry's name (default: the card's, else the results file's model, else the card's heading). */
  modelName?: string | undefined;
  /** Import the subtasks of groups too (default: top-level tasks and groups only). */
  subtasks?: boolean;
  /** Task ids of the registered benchmarks, from `--task-id`, a map file or the benchmark's eval.yaml. */
  taskIds?: BenchmarkTaskIds;
  /** Per harness task, the metric key that becomes its `.eval_results/` value instead of the headline one. */
  metrics?: Readonly<Record<string, string>>;
  /** `fraction` (default): the harness's 0–1 scale; `percent`: times 100. */
  scale?: "fraction" | "percent";
}

/** A task's score for `.eval_results/`, with where it came from. */
export interface PlannedEntry {
  file: string;
  task: string;
  metricKey: string;
  entry: EvalResultsEntry;
}

/** A registered benchmark the plan has no task id for, and the harness subset it was evaluated on. */
export interface MissingTaskId {
  datasetId: string;
  subset: string | null;
}

export interface EvalImportPlan {
  /** The model-index entry the results go to; null when no source names the model. */
  modelName: string | null;
  /** Every imported task's every metric, for `model-index`. */
  modelIndex: (EvalResultInput & { file: string; task: string; metricKey: string })[];
  entries: PlannedEntry[];
  /** Every task without an `.eval_results/` entry, and why. */
  skipped: { file: string; task: string; reason: string }[];
  missingTaskIds: MissingTaskId[];
}

const DEFAULT_TASK_TYPE = "text-generation";

/** The registered benchmark a task evaluates: by the dataset the file names, else by the harness's task name. */
function benchmarkOf(results: HarnessResults, task: HarnessTask): RegisteredBenchmark | null {
  if (task.dataset)
    return REGISTERED_BENCHMARKS.find((benchmark) => benchmark.datasetId === task.dataset?.path) ?? null;
  return REGISTERED_BENCHMARKS.find((benchmark) => benchmark.taskNames[results.harness].includes(task.name)) ?? null;
}

function taskIdFor(taskIds: BenchmarkTaskIds, datasetId: string, subset: string | null): string | null {
  const known = taskIds[datasetId];
  if (typeof known === "string") return known;
  if (known && subset !== null && typeof known[subset] === "string") return known[subset];
  return null;
}

function firstHeading(body: string): string | null {
  const match = /^#{1,6}[ \t]+(.+?)[ \t#]*$/m.exec(body);
  return match?.[1]?.trim() || null;
}

function modelNameFor(params: PlanEvalImportParams): string | null {
  if (params.modelName) return params.modelName;
  if (params.card.modelName) return params.card.modelName;
  // A Hub id's repo part (`HuggingFaceTB/SmolLM3-3B` → `SmolLM3-3B`); a local path names no model.
  for (const { modelName } of params.results) {
    const repo = modelName === null ? undefined : /^(?:[\w.-]+\/)?([\w.-]+)$/.exec(modelName)?.[1];
    if (repo && !repo.startsWith(".")) return repo;
  }
  return firstHeading(params.card.body);
}

/** `v` in percent by moving the decimal point of its shortest form: 0.7361637604245641 → 73.61637604245641, no float noise. */
function timesHundred(value: number): number {
  const [mantissa, exponent = "0"] = String(value).split("e");
  return Number(`${mantissa}e${Number(exponent) + 2}`);
}

function notesOf(results: HarnessResults, task: HarnessTask, metric: HarnessMetric): string {
  const harness = results.version === null ? results.harness : `${results.harness} ${results.version}`;
  const parts = [harness, task.name];
  if (task.numFewshot !== null) parts.push(`${task.numFewshot}-shot`);
  parts.push(metric.metric);
  if (metric.filter !== null) parts.push(`filter ${metric.filter}`);
  return parts.join("; ");
}

/**
 * What importing harness results means for a model: a model-index result for every metric of every imported task
 * (top-level tasks and groups; subtasks with `subtasks`), with its n-shot in `args` and the harness as `source`;
 * an `.eval_results/` entry only for a registered benchmark with a known task id and one headline metric; and,
 * for every other task, why it got none. Values are the harness's, unrounded (times 100 with `scale: percent`,
 * for entries only).
 */
export function planEvalImport(params: PlanEvalImportParams): EvalImportPlan {
  const taskType =
    typeof params.card.metadata.pipeline_tag === "string" && params.card.metadata.pipeline_tag !== ""
      ? params.card.metadata.pipeline_tag
      : DEFAULT_TASK_TYPE;
  const plan: EvalImportPlan = {
    modelName: modelNameFor(params),
    modelIndex: [],
    entries: [],
    skipped: [],
    missingTaskIds: [],
  };
  for (const results of params.results) {
    const { file } = results;
    const source = { sourceName: results.harness, sourceUrl: HARNESSES[results.harness].url };
    for (const task of results.tasks) {
      const skip = (reason: string) => plan.skipped.push({ file, task: task.name, reason });
      if (task.parent !== null && !params.subtasks) {
        skip(`a subtask of ${task.parent}, left out (pass --subtasks to import it)`);
        continue;
      }
      if (task.metrics.length === 0) {
        skip("no scores in the file");
        continue;
      }
      for (const metric of task.metrics) {
        plan.modelIndex.push({
          file,
          task: task.name,
          metricKey: metric.key,
          taskType,
          datasetType: task.dataset?.path ?? task.name,
          datasetName: task.name,
          ...(task.dataset?.subset ? { datasetConfig: task.dataset.subset } : {}),
          metricType: metric.metric,
          metricName: metric.key,
          metricValue: metric.value,
          ...(task.numFewshot === null ? {} : { metricArgs: { num_fewshot: task.numFewshot } }),
          ...source,
        });
      }
      const benchmark = benchmarkOf(results, task);
      if (!benchmark) {
        const dataset = task.dataset ? `dataset ${task.dataset.path}` : "no dataset named in the file";
        skip(`not a registered Hub benchmark (${dataset})`);
        continue;
      }
      // A subtask's score is not the benchmark's unless the harness task is one of the benchmark's own (lm-eval's
      // leaderboard_gpqa_diamond, in group leaderboard_gpqa); mmlu_pro_biology is not MMLU-Pro.
      if (task.parent !== null && !benchmark.taskNames[results.harness].includes(task.name)) {
        skip(`a subtask of ${task.parent}: only its group's score is ${benchmark.datasetId}'s`);
        continue;
      }
      const wanted = params.metrics?.[task.name] ?? benchmark.headline[results.harness][task.name];
      const metric = wanted
        ? task.metrics.find((candidate) => candidate.key === wanted)
        : task.metrics.length === 1
          ? task.metrics[0]
          : undefined;
      if (!metric) {
        const keys = task.metrics.map((candidate) => candidate.key).join(", ");
        skip(
          wanted
            ? `no metric ${wanted} in the file (it has ${keys}); pass --metric ${task.name}=KEY`
            : `no headline metric for ${task.name} (it has ${keys}); pass --metric ${task.name}=KEY`,
        );
        continue;
      }
      const subset = task.dataset?.subset ?? null;
      const taskId = taskIdFor(params.taskIds ?? {}, benchmark.datasetId, subset);
      if (taskId === null) {
        const of = subset === null ? benchmark.datasetId : `${benchmark.datasetId} (subset ${subset})`;
        skip(`no task id for ${of}; pass --task-id ${benchmark.datasetId}=TASK_ID or --map FILE`);
        if (!plan.missingTaskIds.some((m) => m.datasetId === benchmark.datasetId && m.subset === subset))
          plan.missingTaskIds.push({ datasetId: benchmark.datasetId, subset });
        continue;
      }
      const value = params.scale === "percent" ? timesHundred(metric.value) : metric.value;
      const entry: EvalResultsEntry = {
        dataset: { id: benchmark.datasetId, task_id: taskId },
        value,
        ...(results.date === null ? {} : { date: results.date }),
        notes: notesOf(results, task, metric),
      };
      plan.entries.push({ file, task: task.name, metricKey: metric.key, entry });
    }
  }
  return plan;
}
