import { isRecord } from "./is-record.js";

/**
 * `model-index` <-> flat evaluation results, one per metric, with huggingface_hub's rules and field names
 * in camelCase. Unlike huggingface_hub, grouping back keeps every result's own task name, dataset name,
 * args and source (results are grouped on all of their non-metric fields, not on five of them).
 */
export interface EvalResult {
  taskType: string;
  taskName: string | null;
  datasetType: string;
  datasetName: string;
  datasetConfig: string | null;
  datasetSplit: string | null;
  datasetRevision: string | null;
  datasetArgs: unknown;
  metricType: string;
  metricValue: unknown;
  metricName: string | null;
  metricConfig: string | null;
  metricArgs: unknown;
  verified: boolean | null;
  verifyToken: string | null;
  sourceName: string | null;
  sourceUrl: string | null;
}

/** What a caller gives: the required fields, any optional ones. */
export type EvalResultInput = Pick<
  EvalResult,
  "taskType" | "datasetType" | "datasetName" | "metricType" | "metricValue"
> &
  Partial<EvalResult>;

export const EVAL_RESULT_FIELDS = [
  "taskType",
  "taskName",
  "datasetType",
  "datasetName",
  "datasetConfig",
  "datasetSplit",
  "datasetRevision",
  "datasetArgs",
  "metricType",
  "metricValue",
  "metricName",
  "metricConfig",
  "metricArgs",
  "verified",
  "verifyToken",
  "sourceName",
  "sourceUrl",
] as const satisfies readonly (keyof EvalResult)[];

export function completeEvalResult(input: EvalResultInput): EvalResult {
  const result = Object.fromEntries(EVAL_RESULT_FIELDS.map((field) => [field, input[field] ?? null]));
  return result as unknown as EvalResult;
}

export interface ModelIndexReading {
  modelName: string | null;
  results: EvalResult[] | null;
  /** Where the model-index breaks huggingface_hub's rules, e.g. `model-index[0].results[1].dataset.type`. */
  error: { path: (string | number)[]; message: string } | null;
}

type Json = Record<string, unknown>;

class ModelIndexError extends Error {
  constructor(
    readonly path: (string | number)[],
    message: string,
  ) {
    super(message);
  }
}

function objectAt(parent: unknown, key: string, path: (string | number)[]): Json {
  const value = (parent as Json)[key];
  if (value === undefined) throw new ModelIndexError([...path, key], `\`${key}\` is required`);
  if (!isRecord(value)) throw new ModelIndexError([...path, key], `\`${key}\` must be a mapping`);
  return value;
}

function listAt(parent: Json, key: string, path: (string | number)[]): unknown[] {
  const value = parent[key];
  if (value === undefined) throw new ModelIndexError([...path, key], `\`${key}\` is required`);
  if (!Array.isArray(value)) throw new ModelIndexError([...path, key], `\`${key}\` must be a list`);
  return value;
}

function required(parent: Json, key: string, path: (string | number)[]): unknown {
  const value = parent[key];
  if (value === undefined) throw new ModelIndexError([...path, key], `\`${key}\` is required`);
  return value;
}

function optional<T>(parent: Json, key: string): T | null {
  return (parent[key] ?? null) as T | null;
}

function entryAt(list: unknown[], index: number, path: (string | number)[]): Json {
  const entry = list[index];
  if (!isRecord(entry)) throw new ModelIndexError([...path, index], "must be a mapping");
  return entry;
}

/** Reads `model-index` as huggingface_hub's `model_index_to_eval_results` does, naming the key that breaks it. */
export function readModelIndex(modelIndex: unknown): ModelIndexReading {
  // huggingface_hub skips a missing, null or empty model-index.
  if (modelIndex === undefined || modelIndex === null || (Array.isArray(modelIndex) && modelIndex.length === 0)) {
    return { modelName: null, results: null, error: null };
  }
  try {
    if (!Array.isArray(modelIndex)) throw new ModelIndexError(["model-index"], "`model-index` must be a list");
    let modelName: string | null = null;
    const results: EvalResult[] = [];
    modelIndex.forEach((_, entryIndex) => {
      const entryPath = ["model-index", entryIndex];
      const entry = entryAt(modelIndex, entryIndex, ["model-index"]);
      const entryName = required(entry, "name", entryPath) as string;
      // The card's model is the first entry (quantized variants and others follow), where `update --add-eval` adds.
      modelName ??= entryName;
      const entryResults = listAt(entry, "results", entryPath);
      entryResults.forEach((_, resultIndex) => {
        const resultPath = [...entryPath, "results", resultIndex];
        const result = entryAt(entryResults, resultIndex, [...entryPath, "results"]);
        const task = objectAt(result, "task", resultPath);
        const dataset = objectAt(result, "dataset", resultPath);
        const source = result.source === undefined ? {} : objectAt(result, "source", resultPath);
        const shared = {
          taskType: required(task, "type", [...resultPath, "task"]) as string,
          taskName: optional<string>(task, "name"),
          datasetType: required(dataset, "type", [...resultPath, "dataset"]) as string,
          datasetName: required(dataset, "name", [...resultPath, "dataset"]) as string,
          datasetConfig: optional<string>(dataset, "config"),
          datasetSplit: optional<string>(dataset, "split"),
          datasetRevision: optional<string>(dataset, "revision"),
          datasetArgs: optional(dataset, "args"),
          sourceName: optional<string>(source, "name"),
          sourceUrl: optional<string>(source, "url"),
        };
        if (shared.sourceName !== null && shared.sourceUrl === null) {
          throw new ModelIndexError(
            [...resultPath, "source", "url"],
            "`source.url` is required when `source.name` is given",
          );
        }
        const metrics = listAt(result, "metrics", resultPath);
        for (let metricIndex = 0; metricIndex < metrics.length; metricIndex++) {
          const metric = metrics[metricIndex];
          // Paths are built only for an error: a model-index can hold tens of thousands of metrics.
          if (!isRecord(metric)) entryAt(metrics, metricIndex, [...resultPath, "metrics"]);
          const { type, value } = metric as Json;
          if (type === undefined || value === undefined) {
            required(metric as Json, type === undefined ? "type" : "value", [...resultPath, "metrics", metricIndex]);
          }
          // One literal with every field, in one order: a single object shape for all results.
          results.push({
            taskType: shared.taskType,
            taskName: shared.taskName,
            datasetType: shared.datasetType,
            datasetName: shared.datasetName,
            datasetConfig: shared.datasetConfig,
            datasetSplit: shared.datasetSplit,
            datasetRevision: shared.datasetRevision,
            datasetArgs: shared.datasetArgs,
            metricType: type as string,
            metricValue: value,
            metricName: optional<string>(metric as Json, "name"),
            metricConfig: optional<string>(metric as Json, "config"),
            metricArgs: optional(metric as Json, "args"),
            verified: optional<boolean>(metric as Json, "verified"),
            verifyToken: optional<string>(metric as Json, "verifyToken"),
            sourceName: shared.sourceName,
            sourceUrl: shared.sourceUrl,
          });
        }
      });
    });
    return { modelName, results, error: null };
  } catch (error) {
    if (!(error instanceof ModelIndexError)) throw error;
    return { modelName: null, results: null, error: { path: error.path, message: error.message } };
  }
}

/** `model-index[0].results[1].dataset.type` */
export function formatPath(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === "number" ? `[${part}]` : index === 0 ? part : `.${part}`)).join("");
}

function withoutNulls(object: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.entries(object).filter(([, value]) => value !== null && value !== undefined);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** One `results` entry of model-index for `result`'s task, dataset and source, holding `metrics`. */
export function resultEntry(result: EvalResult, metrics: Record<string, unknown>[]): ModelIndexResult {
  const source = withoutNulls({ url: result.sourceUrl, name: result.sourceName });
  return {
    task: withoutNulls({ type: result.taskType, name: result.taskName }),
    dataset: withoutNulls({
      name: result.datasetName,
      type: result.datasetType,
      config: result.datasetConfig,
      split: result.datasetSplit,
      revision: result.datasetRevision,
      args: result.datasetArgs,
    }),
    metrics,
    ...(source ? { source } : {}),
  };
}

export interface ModelIndexResult {
  metrics: Record<string, unknown>[];
  [key: string]: unknown;
}

export function metricEntry(result: EvalResult): Record<string, unknown> {
  return (
    withoutNulls({
      name: result.metricName,
      type: result.metricType,
      value: result.metricValue,
      config: result.metricConfig,
      args: result.metricArgs,
      verified: result.verified,
      verifyToken: result.verifyToken,
    }) ?? {}
  );
}

/** Flat results -> `model-index`; results sharing every non-metric field share one result entry. */
export function evalResultsToModelIndex(modelName: string, results: readonly EvalResultInput[]): unknown[] {
  const entries = new Map<string, ModelIndexResult>();
  for (const input of results) {
    const result = completeEvalResult(input);
    const key = JSON.stringify(resultEntry(result, []));
    const entry = entries.get(key) ?? resultEntry(result, []);
    entry.metrics.push(metricEntry(result));
    entries.set(key, entry);
  }
  return [{ name: modelName, results: [...entries.values()] }];
}
