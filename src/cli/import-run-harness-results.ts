import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { ModelCard } from "../card/index.js";
import {
  type EvalImportPlan,
  type HarnessResults,
  HarnessResultsError,
  planEvalImport,
  readHarnessResults,
} from "../eval-import/index.js";
import type { Explanation } from "../generate/facts.js";
import { findLintConfig, LintConfigError, loadLintConfig } from "../lint/index.js";
import { UsageError } from "./exit-codes.js";
import type { CliIo } from "./io.js";
import { withTaskIdsFromHub } from "./with-task-ids-from-hub.js";

/** How deep below the run folder harness results are looked for (`lm-eval/<model>/results_*.json` is 2). */
const MAX_DEPTH = 4;
const SKIPPED_FOLDERS = new Set([".git", "node_modules", ".eval_results"]);

/** The `results_*.json` files below `folder`, sorted by path. */
async function findResultsFiles(folder: string, depth = 0): Promise<string[]> {
  let entries: import("node:fs").Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  const found: string[] = [];
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(folder, entry.name);
    if (entry.isDirectory() && depth < MAX_DEPTH && !SKIPPED_FOLDERS.has(entry.name))
      found.push(...(await findResultsFiles(path, depth + 1)));
    else if (entry.isFile() && /^results_.*\.json$/.test(entry.name)) found.push(path);
  }
  return found;
}

export interface RunHarnessImport {
  /** `--explain` lines: each model-index score with its file and key. */
  explanations: Explanation[];
  /** The import's plan, whose `.eval_results/` entries are written beside the card once it is. */
  plan: EvalImportPlan | null;
}

/**
 * `generate --from RUN`: the lm-evaluation-harness and lighteval results files found in the run folder
 * (`results_*.json`, up to 4 levels down) added to the generated card's model-index as `eval import` adds them
 * (top-level tasks and groups, every metric, the harness as source), each explained with its file and key; the
 * plan's `.eval_results/` entries take their task ids from `evalTaskIds` in the nearest `modelcard.config.*`, else
 * from the benchmarks' eval.yaml when online. A `results_*.json` that is not harness results is a note.
 */
export async function importRunHarnessResults(
  card: ModelCard,
  run: string,
  io: CliIo,
  offline: boolean,
): Promise<RunHarnessImport> {
  const results: HarnessResults[] = [];
  for (const path of await findResultsFiles(run)) {
    const name = relative(run, path);
    try {
      results.push(readHarnessResults(await readFile(path, "utf8"), name));
    } catch (error) {
      if (!(error instanceof HarnessResultsError)) throw error;
      io.stderr(`note: ${error.message}; left out\n`);
    }
  }
  if (results.length === 0) return { explanations: [], plan: null };
  let taskIds = {};
  try {
    taskIds = (await loadLintConfig(findLintConfig(run) ?? undefined, run)).evalTaskIds ?? {};
  } catch (error) {
    if (error instanceof LintConfigError) throw new UsageError(error.message);
    throw error;
  }
  let plan = planEvalImport({ results, card, taskIds });
  if (plan.missingTaskIds.length > 0 && !offline)
    plan = planEvalImport({ results, card, taskIds: await withTaskIdsFromHub(plan.missingTaskIds, taskIds, io) });
  const explanations: Explanation[] = [];
  for (const { file, task, metricKey, ...result } of plan.modelIndex) {
    card.addEvalResult(result, { modelName: plan.modelName ?? undefined });
    explanations.push({
      field: `model-index: ${task} ${metricKey}`,
      value: result.metricValue,
      from: { kind: "run", detail: `${file} results[${JSON.stringify(task)}][${JSON.stringify(metricKey)}]` },
    });
  }
  for (const { file, task, entry } of plan.entries) {
    explanations.push({
      field: `.eval_results: ${entry.dataset.id}:${entry.dataset.task_id}`,
      value: entry.value,
      from: { kind: "run", detail: `${file} results[${JSON.stringify(task)}]` },
    });
  }
  if (plan.missingTaskIds.length > 0) {
    const which = [...new Set(plan.missingTaskIds.map((missing) => missing.datasetId))].join(", ");
    io.stderr(
      `note: no task id for ${which}, so no .eval_results/ entry; give them as evalTaskIds in modelcard.config.yaml, or run modelcard eval import with --task-id\n`,
    );
  }
  return { explanations, plan };
}
