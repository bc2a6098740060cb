import { dateFromResultsFileName } from "./date-from-results-file-name.js";
import type { HarnessMetric, HarnessResults, HarnessTask } from "./harness-results.js";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** `lighteval|gsm8k|5` (before v0.11) or `gsm8k|5` (after): the task and its few-shot count. */
function splitKey(key: string): { name: string; numFewshot: number | null } {
  const parts = key.split("|");
  const last = parts[parts.length - 1] ?? "";
  const numFewshot = parts.length > 1 && /^\d+$/.test(last) ? Number(last) : null;
  const withoutShots = numFewshot === null ? parts : parts.slice(0, -1);
  return { name: withoutShots[withoutShots.length - 1] ?? key, numFewshot };
}

/** Bare metric names and parametrised ones (`gpqa_pass@k:k=1`); stderrs and non-numbers left out. */
function metricsOf(entry: unknown): HarnessMetric[] {
  if (!isRecord(entry)) return [];
  return Object.entries(entry)
    .filter(([key, value]) => !key.endsWith("_stderr") && typeof value === "number" && Number.isFinite(value))
    .map(([key, value]) => ({ key, metric: key, filter: null, value: value as number }));
}

/**
 * Reads a lighteval results file (keys `suite|task|fewshot` before v0.11, `task|fewshot` after): every task but the
 * `all` pseudo-task; `<prefix>:_average` is the group of the tasks `<prefix>:*`; each task's dataset from the
 * `config_tasks` entry of the same `name` (its keys have no few-shot count); the date from the file name (the
 * file's times are timers, not dates).
 */
export function readLightevalResults(data: Json, file: string): HarnessResults {
  const results = data.results as Json;
  const general = isRecord(data.config_general) ? data.config_general : {};
  const configs = Object.entries(isRecord(data.config_tasks) ? data.config_tasks : {});
  const entries = Object.entries(results)
    .filter(([key]) => key !== "all")
    .map(([key, value]) => ({ key, ...splitKey(key), value }));
  const averages = new Map(
    entries
      .filter(({ name }) => name.endsWith(":_average"))
      .map(({ name }) => [name.slice(0, -":_average".length), name]),
  );
  const configOf = (key: string, name: string) =>
    configs.find(([configKey, config]) => isRecord(config) && (config.name === name || configKey === key))?.[1] as
      | Json
      | undefined;
  const tasks: HarnessTask[] = entries.map(({ key, name, numFewshot, value }) => {
    const config = configOf(key.slice(0, key.lastIndexOf("|")), name);
    const prefix = name.includes(":") ? name.slice(0, name.indexOf(":")) : null;
    const isGroup = name.endsWith(":_average");
    const parent = !isGroup && prefix !== null ? (averages.get(prefix) ?? null) : null;
    const dataset =
      config && typeof config.hf_repo === "string"
        ? { path: config.hf_repo, subset: typeof config.hf_subset === "string" ? config.hf_subset : null }
        : null;
    return { name, parent, isGroup, numFewshot, dataset, metrics: metricsOf(value) };
  });
  const sha = typeof general.lighteval_sha === "string" && general.lighteval_sha !== "" ? general.lighteval_sha : null;
  return {
    file,
    harness: "lighteval",
    version: sha,
    modelName: typeof general.model_name === "string" && general.model_name !== "" ? general.model_name : null,
    date: dateFromResultsFileName(file),
    tasks: [...tasks.filter((task) => task.parent === null), ...tasks.filter((task) => task.parent !== null)],
  };
}
