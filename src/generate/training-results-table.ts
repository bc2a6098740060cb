import type { LogEntry } from "./sources/trainer-state.js";

export interface TrainingResultsTable {
  columns: string[];
  rows: string[][];
}

/** Logged with every evaluation but not a result worth a column (transformers leaves them out too). */
const SKIPPED = new Set(["eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "epoch", "step"]);

/** transformers' `_maybe_round`: floats with more than four decimals are shown with four. */
function formatValue(value: number): string {
  const text = String(value);
  const decimals = text.split(".")[1];
  return decimals && decimals.length > 4 && !text.includes("e") ? value.toFixed(4) : text;
}

function columnName(key: string): string {
  if (key === "eval_loss") return "Validation Loss";
  return key
    .slice("eval_".length)
    .split("_")
    .map((part) => (part[0]?.toUpperCase() ?? "") + part.slice(1).toLowerCase())
    .join(" ");
}

/**
 * The training results table transformers puts in its cards: one row per evaluation in `log_history`, with
 * the last training loss logged before it ("No log" before the first), epoch, step and every eval metric.
 */
export function buildTrainingResultsTable(logHistory: readonly LogEntry[]): TrainingResultsTable | null {
  const metricKeys: string[] = [];
  const evaluations: { trainingLoss: number | null; entry: LogEntry }[] = [];
  let trainingLoss: number | null = null;
  for (const entry of logHistory) {
    if (entry.loss !== undefined) trainingLoss = entry.loss;
    if (entry.eval_loss === undefined) continue;
    evaluations.push({ trainingLoss, entry });
    for (const key of Object.keys(entry)) {
      if (key.startsWith("eval_") && !SKIPPED.has(key) && !metricKeys.includes(key)) metricKeys.push(key);
    }
  }
  if (evaluations.length === 0) return null;
  metricKeys.sort((a, b) => (a === "eval_loss" ? -1 : b === "eval_loss" ? 1 : 0));
  return {
    columns: ["Training Loss", "Epoch", "Step", ...metricKeys.map(columnName)],
    rows: evaluations.map(({ trainingLoss: loss, entry }) => [
      loss === null ? "No log" : formatValue(loss),
      entry.epoch === undefined ? "" : formatValue(entry.epoch),
      String(entry.step),
      ...metricKeys.map((key) => (entry[key] === undefined ? "" : formatValue(entry[key]))),
    ]),
  };
}
