import type { TrainingLog } from "./sources/training-log.js";

export interface TrainingResultsTable {
  columns: string[];
  rows: string[][];
  /** Set when the table shows only some evaluations: which ones, out of how many. */
  summary: string | null;
}

/** More evaluations than this are shown every N-th (and the last): a card is read, not scrolled. */
export const MAX_RESULT_ROWS = 50;

/** Logged with every evaluation but not a result worth a column (transformers leaves them out too). */
const SKIPPED = new Set(["eval_runtime", "eval_samples_per_second", "eval_steps_per_second", "epoch", "step"]);

/**
 * A measured column shows four decimals (transformers rounds to four), so that it lines up; a column of whole
 * numbers (tokens seen, a count) shows them as they are: `409600`, not `409600.0000`.
 */
function columnFormat(values: readonly (number | null | undefined)[]): (value: number) => string {
  const whole = values.every((value) => value === null || value === undefined || Number.isInteger(value));
  return whole ? (value) => String(value) : (value) => value.toFixed(4);
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
 * Beyond MAX_RESULT_ROWS evaluations, every N-th one is shown, and the last, with a summary line saying so.
 */
export function buildTrainingResultsTable(log: TrainingLog): TrainingResultsTable | null {
  const metricKeys: string[] = [];
  const evaluations = log.evaluations;
  // Each key looked at once: thousands of evaluations hold the same few.
  const seen = new Set<string>();
  for (const { entry } of evaluations) {
    for (const key in entry) {
      if (seen.has(key)) continue;
      seen.add(key);
      if (key.startsWith("eval_") && !SKIPPED.has(key)) metricKeys.push(key);
    }
  }
  if (evaluations.length === 0) return null;
  metricKeys.sort((a, b) => (a === "eval_loss" ? -1 : b === "eval_loss" ? 1 : 0));
  const every = Math.ceil(evaluations.length / MAX_RESULT_ROWS);
  const shown =
    every === 1
      ? evaluations
      : evaluations.filter((_, index) => (index + 1) % every === 0 || index === evaluations.length - 1);
  const steps = shown.map(({ entry }) => entry.step ?? 0);
  const stride = steps.length > 1 ? ((steps.at(-1) ?? 0) - (steps[0] ?? 0)) / (steps.length - 1) : 0;
  const lossFormat = columnFormat(shown.map(({ trainingLoss }) => trainingLoss));
  const metricFormats = metricKeys.map((key) => columnFormat(shown.map(({ entry }) => entry[key])));
  return {
    columns: ["Training Loss", "Epoch", "Step", ...metricKeys.map(columnName)],
    rows: shown.map(({ trainingLoss: loss, entry }) => [
      loss === null ? "No log" : lossFormat(loss),
      // An epoch is progress through the data (0.25, 1.5), shown as transformers does even when whole.
      entry.epoch === undefined ? "" : entry.epoch.toFixed(4),
      String(entry.step),
      ...metricKeys.map((key, index) => {
        const value = entry[key];
        return value === undefined ? "" : (metricFormats[index] ?? String)(value);
      }),
    ]),
    summary:
      every === 1
        ? null
        : `Every ${ordinal(every)} of ${evaluations.length.toLocaleString("en-US")} evaluations (about every ${Math.round(stride).toLocaleString("en-US")} steps) and the last; trainer_state.json holds them all.`,
  };
}

function ordinal(value: number): string {
  const tens = value % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : (["th", "st", "nd", "rd"][value % 10] ?? "th");
  return `${value}${suffix}`;
}
