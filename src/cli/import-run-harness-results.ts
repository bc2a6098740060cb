import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import type { ModelCard } from "../card/index.js";
import { type HarnessResults, HarnessResultsError, planEvalImport, readHarnessResults } from "../eval-import/index.js";
import type { Explanation } from "../generate/facts.js";
import type { CliIo } from "./io.js";

/** How deep below the run folder harness results are looked for (`lm-eval/<model>/results_*.json` is 2). */
const MAX_DEPTH = 4;
const SKIPPED_FOLDERS = new Set([".git", "node_modules", ".eval_results"]);

/** The `results_*.json` files below `folder`, as paths relative to it, sorted. */
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

/**
 * `generate --from RUN`: the lm-evaluation-harness and lighteval results files found in the run folder
 * (`results_*.json`, up to 4 levels down) added to the generated card's model-index as `eval import` adds them
 * (top-level tasks and groups, every metric, the harness as source), each explained with its file and key. A
 * `results_*.json` that is not harness results is a note. Scores for `.eval_results/` are left to `eval import`,
 * which a note names.
 */
export async function importRunHarnessResults(card: ModelCard, run: string, io: CliIo): Promise<Explanation[]> {
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
  if (results.length === 0) return [];
  const plan = planEvalImport({ results, card });
  const explanations: Explanation[] = [];
  for (const { file, task, metricKey, ...result } of plan.modelIndex) {
    card.addEvalResult(result, { modelName: plan.modelName ?? undefined });
    explanations.push({
      field: `model-index: ${task} ${metricKey}`,
      value: result.metricValue,
      from: { kind: "run", detail: `${file} results[${JSON.stringify(task)}][${JSON.stringify(metricKey)}]` },
    });
  }
  if (plan.entries.length + plan.missingTaskIds.length > 0) {
    const files = results.map((entry) => relative(io.cwd, join(run, entry.file))).join(" ");
    io.stderr(
      `note: the results include registered Hub benchmarks; add their .eval_results/ entries with: modelcard eval import ${files} --dir DIR\n`,
    );
  }
  return explanations;
}
