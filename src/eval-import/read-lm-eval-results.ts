import { dateFromResultsFileName } from "./date-from-results-file-name.js";
import type { HarnessMetric, HarnessResults, HarnessTask } from "./harness-results.js";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Keys of a task's entry that are not scores (v0.4.12 added `name`, `sample_len`, `sample_count`). */
const NOT_METRICS = new Set(["alias", "name", "sample_len", "sample_count", "samples", " "]);

/** `acc,none` → a metric; `acc_stderr,none`, a string stderr (`"N/A"`) and non-scores are left out. */
function metricsOf(entry: unknown): HarnessMetric[] {
  if (!isRecord(entry)) return [];
  const metrics: HarnessMetric[] = [];
  for (const [key, value] of Object.entries(entry)) {
    const comma = key.indexOf(",");
    if (NOT_METRICS.has(key) || comma <= 0 || typeof value !== "number" || !Number.isFinite(value)) continue;
    const metric = key.slice(0, comma);
    if (metric.endsWith("_stderr")) continue;
    metrics.push({ key, metric, filter: key.slice(comma + 1), value });
  }
  return metrics;
}

/** Each subtask's group, from `group_subtasks` (0.4.x), else from the aliases' indentation (`" - humanities"`). */
function parentsOf(data: Json, names: string[]): Map<string, string> {
  const parents = new Map<string, string>();
  if (isRecord(data.group_subtasks)) {
    for (const [group, children] of Object.entries(data.group_subtasks)) {
      if (!Array.isArray(children)) continue;
      for (const child of children) if (typeof child === "string" && child !== group) parents.set(child, group);
    }
    return parents;
  }
  const results = data.results as Json;
  const stack: { name: string; depth: number }[] = [];
  for (const name of names) {
    const alias = isRecord(results[name]) ? results[name].alias : undefined;
    const depth = typeof alias === "string" ? (/^(\s*)-\s/.exec(alias)?.[1]?.length ?? -1) + 1 : 0;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (depth > 0 && stack.length > 0) parents.set(name, stack[stack.length - 1]!.name);
    stack.push({ name, depth });
  }
  return parents;
}

function modelNameOf(data: Json): string | null {
  if (typeof data.model_name === "string" && data.model_name !== "") return data.model_name;
  const args = isRecord(data.config) ? data.config.model_args : undefined;
  if (isRecord(args) && typeof args.pretrained === "string") return args.pretrained;
  if (typeof args === "string") return /(?:^|,)pretrained=([^,]+)/.exec(args)?.[1] ?? null;
  return null;
}

/**
 * Reads an lm-evaluation-harness results file (0.4.x, before and after v0.4.12's per-task shape): every task and
 * group of `results` (and `groups`), each group's subtasks from `group_subtasks` (groups are listed bottom-up, so
 * order is not relied on), n-shot from `n-shot` or the task's config, the dataset from `configs` when present (a
 * group's when all its tasks share one), and every numeric `<metric>,<filter>` key but stderrs.
 */
export function readLmEvalResults(data: Json, file: string): HarnessResults {
  const results = data.results as Json;
  const groups = isRecord(data.groups) ? data.groups : {};
  const names = [...new Set([...Object.keys(results), ...Object.keys(groups)])];
  const parents = parentsOf(data, names);
  const children = new Map<string, string[]>();
  for (const [child, group] of parents) children.set(group, [...(children.get(group) ?? []), child]);
  const configs = isRecord(data.configs) ? data.configs : {};
  const nShot = isRecord(data["n-shot"]) ? data["n-shot"] : {};

  const datasetOf = (name: string, seen = new Set<string>()): HarnessTask["dataset"] => {
    const config = configs[name];
    if (isRecord(config) && typeof config.dataset_path === "string") {
      const subset = typeof config.dataset_name === "string" ? config.dataset_name : null;
      return { path: config.dataset_path, subset };
    }
    const kids = children.get(name);
    if (!kids || seen.has(name)) return null;
    seen.add(name);
    const datasets = kids.map((kid) => datasetOf(kid, seen));
    const first = datasets[0];
    if (!first || datasets.some((dataset) => dataset?.path !== first.path)) return null;
    return { path: first.path, subset: datasets.every((d) => d?.subset === first.subset) ? first.subset : null };
  };
  // A group has no n-shot of its own; when all its tasks share one, that is the group's.
  const fewshotOf = (name: string, seen = new Set<string>()): number | null => {
    const value = nShot[name] ?? (isRecord(configs[name]) ? configs[name].num_fewshot : undefined);
    if (typeof value === "number" && Number.isInteger(value)) return value;
    const kids = children.get(name);
    if (!kids || seen.has(name)) return null;
    seen.add(name);
    const shots = kids.map((kid) => fewshotOf(kid, seen));
    return shots.every((shot) => shot !== null && shot === shots[0]) ? (shots[0] ?? null) : null;
  };

  const tasks: HarnessTask[] = names.map((name) => {
    const own = metricsOf(results[name]);
    return {
      name,
      parent: parents.get(name) ?? null,
      isGroup: children.has(name) || name in groups,
      numFewshot: fewshotOf(name),
      dataset: datasetOf(name),
      metrics: own.length > 0 ? own : metricsOf(groups[name]),
    };
  });
  const epoch = typeof data.date === "number" && Number.isFinite(data.date) ? data.date : null;
  return {
    file,
    harness: "lm-evaluation-harness",
    version: typeof data.lm_eval_version === "string" ? data.lm_eval_version : null,
    modelName: modelNameOf(data),
    date:
      epoch === null
        ? dateFromResultsFileName(file)
        : new Date(Math.floor(epoch) * 1000).toISOString().replace(".000Z", "Z"),
    tasks: [...tasks.filter((task) => task.parent === null), ...tasks.filter((task) => task.parent !== null)],
  };
}
