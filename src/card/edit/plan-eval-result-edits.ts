import { isDeepStrictEqual } from "node:util";
import {
  completeEvalResult,
  EVAL_RESULT_FIELDS,
  type EvalResult,
  type EvalResultInput,
  formatPath,
  metricEntry,
  readModelIndex,
  resultEntry,
} from "../eval-results.js";
import { MetadataConflictError } from "../metadata-conflict-error.js";
import type { CardEdit } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { evalResultProblem } from "./eval-result-problem.js";

export interface EvalResultPlacement {
  overwrite?: boolean;
  /** The model-index entry to match and add to; default: any entry's matching result, else the card's model name. */
  modelName?: string;
}

interface Located {
  path: (string | number)[];
  entryName: unknown;
  result: EvalResult;
  verified: unknown;
}

/** Every metric of a (valid) model-index with its path and its flat reading, in order. */
function* metricsOf(modelIndex: unknown[]): Generator<Located> {
  for (const [e, entry] of modelIndex.entries()) {
    const { name, results } = entry as { name: unknown; results: Record<string, unknown>[] };
    for (const [r, result] of results.entries()) {
      for (const [m, metric] of (result.metrics as Record<string, unknown>[]).entries()) {
        const flat = readModelIndex([{ name, results: [{ ...result, metrics: [metric] }] }]).results?.[0];
        const path = ["model-index", e, "results", r, "metrics", m];
        if (flat) yield { path, entryName: name, result: flat, verified: metric.verified };
      }
    }
  }
}

const sameExcept = (excluded: (field: string) => boolean) => (a: EvalResult, b: EvalResult) =>
  EVAL_RESULT_FIELDS.every((field) => excluded(field) || isDeepStrictEqual(a[field], b[field]));
/** huggingface_hub's `is_equal_except_value`: the verify token derives from the value, so it is left out too. */
const sameMetric = sameExcept((field) => field === "metricValue" || field === "verifyToken");
/** Same task, dataset and source: the metric joins that result's `metrics`. */
const sameGroup = sameExcept((field) => field.startsWith("metric") || field === "verified" || field === "verifyToken");

/**
 * The edits that add one evaluation result with huggingface_hub's `metadata_update` rules: a matching metric
 * with another value (or verify token) needs `overwrite` and changes that value only; otherwise ONE node is
 * appended: a metric to its result group, a result to the model's entry, or an entry to model-index.
 */
export function planEvalResultEdits(
  metadata: Record<string, unknown>,
  cardModelName: string | null,
  input: EvalResultInput,
  options: EvalResultPlacement = {},
): CardEdit[] {
  const result = completeEvalResult(input);
  const problem = evalResultProblem(result);
  if (problem) throw new CardEditRefusedError(`cannot add an evaluation result: ${problem}`);
  const name = options.modelName ?? cardModelName;
  const newResult = resultEntry(result, [metricEntry(result)]);
  const current = metadata["model-index"];
  // A model-index entry needs a name; none is made up.
  const named = (): string => {
    if (name !== null) return name;
    throw new CardEditRefusedError(
      "cannot add an evaluation result: the card has no model name yet; pass modelName (--model-name)",
    );
  };
  if (current === undefined || current === null || (Array.isArray(current) && current.length === 0)) {
    return [{ kind: "set", path: ["model-index"], value: [{ name: named(), results: [newResult] }] }];
  }
  const reading = readModelIndex(current);
  if (reading.error) {
    throw new CardEditRefusedError(
      `cannot add an evaluation result: ${formatPath(reading.error.path)}: ${reading.error.message}`,
    );
  }
  const modelIndex = current as { name: unknown; results: unknown[] }[];
  const metrics = [...metricsOf(modelIndex)];

  const inModel = (candidate: Located) => options.modelName === undefined || candidate.entryName === options.modelName;
  const existing = metrics.find((candidate) => inModel(candidate) && sameMetric(candidate.result, result));
  if (existing) {
    const valueChanges = !isDeepStrictEqual(existing.result.metricValue, result.metricValue);
    const tokenChanges = existing.result.verifyToken !== result.verifyToken;
    if (!valueChanges && !tokenChanges) return [];
    if (!options.overwrite) {
      throw new MetadataConflictError(
        "model-index",
        `You passed a new value for the existing metric 'name: ${result.metricName}, type: ${result.metricType}'. Set \`overwrite=True\` to overwrite existing metrics.`,
      );
    }
    const edits: CardEdit[] = [];
    if (valueChanges) edits.push({ kind: "set", path: [...existing.path, "value"], value: result.metricValue });
    // As huggingface_hub: a verified metric takes the new token (their #1210), a self-reported one keeps its own.
    if (tokenChanges && existing.verified === true) {
      edits.push(
        result.verifyToken === null
          ? { kind: "delete", path: [...existing.path, "verifyToken"] }
          : { kind: "set", path: [...existing.path, "verifyToken"], value: result.verifyToken },
      );
    }
    return edits;
  }

  const group = metrics.find((candidate) => inModel(candidate) && sameGroup(candidate.result, result));
  if (group) return [{ kind: "append", path: group.path.slice(0, -1), value: metricEntry(result) }];

  const entryIndex = modelIndex.findLastIndex((entry) => entry.name === name);
  if (entryIndex !== -1) return [{ kind: "append", path: ["model-index", entryIndex, "results"], value: newResult }];
  return [{ kind: "append", path: ["model-index"], value: { name: named(), results: [newResult] } }];
}
