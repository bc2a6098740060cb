import type { EvalResult } from "../eval-results.js";

const REQUIRED_STRINGS = ["taskType", "datasetType", "datasetName", "metricType"] as const;
/** Optional fields the Hub's schema checks as strings (it rejects another type); the rest it lets through. */
const CHECKED_STRINGS = ["datasetConfig", "datasetRevision", "metricConfig", "sourceUrl"] as const;

/**
 * Why the Hub would reject the model-index entry written for `result` (what the model-index-schema rule calls an
 * error), or why its metric would not chart (a value that is not a finite number); null when it is valid.
 */
export function evalResultProblem(result: EvalResult): string | null {
  for (const field of REQUIRED_STRINGS) {
    const value = result[field];
    if (typeof value !== "string" || value === "") return `${field} must be a non-empty string, not ${shown(value)}`;
  }
  const value = result.metricValue;
  if (typeof value !== "number" || !Number.isFinite(value))
    return `metricValue must be a finite number, not ${shown(value)}`;
  for (const field of CHECKED_STRINGS) {
    const given = result[field];
    if (given !== null && typeof given !== "string") return `${field} must be a string, not ${shown(given)}`;
  }
  if (result.sourceName !== null && result.sourceUrl === null) return "sourceName needs a sourceUrl";
  return null;
}

function shown(value: unknown): string {
  if (value === null || value === undefined) return "empty";
  if (typeof value === "number") return String(value);
  return `${typeof value} ${JSON.stringify(value) ?? String(value)}`;
}
