import type { HarnessResults } from "./harness-results.js";
import { HarnessResultsError } from "./harness-results-error.js";
import { readLightevalResults } from "./read-lighteval-results.js";
import { readLmEvalResults } from "./read-lm-eval-results.js";

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Reads an evaluation harness's results JSON, telling the harness by the file's shape: lighteval's has
 * `config_general` (or `suite|task|fewshot` keys), lm-evaluation-harness's has `<metric>,<filter>` keys (or its
 * `lm_eval_version`, `group_subtasks`, `n-shot`). Anything else, and text that is not JSON, is a
 * HarnessResultsError naming `file`.
 */
export function readHarnessResults(text: string, file: string): HarnessResults {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new HarnessResultsError(file, `${file}: not JSON (${reason}); expected a harness's results_*.json`);
  }
  if (!isRecord(data) || !isRecord(data.results)) {
    throw new HarnessResultsError(
      file,
      `${file}: not evaluation-harness results (no "results" mapping); expected lm-evaluation-harness's or lighteval's results_*.json`,
    );
  }
  const keys = Object.keys(data.results);
  if (isRecord(data.config_general) || keys.some((key) => key.includes("|"))) return readLightevalResults(data, file);
  const metricKeys = Object.values(data.results).some(
    (entry) => isRecord(entry) && Object.keys(entry).some((key) => /^[^,]+,./.test(key)),
  );
  if (metricKeys || "lm_eval_version" in data || isRecord(data.group_subtasks) || isRecord(data["n-shot"]))
    return readLmEvalResults(data, file);
  throw new HarnessResultsError(
    file,
    `${file}: "results" has neither lm-evaluation-harness's <metric>,<filter> keys nor lighteval's task|fewshot keys; not a results file modelcard can read`,
  );
}
