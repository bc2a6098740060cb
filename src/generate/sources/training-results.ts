import type { InputWarning, SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { numberField } from "./number-field.js";
import { type JsonObject, readJsonFile } from "./read-json-file.js";

/** `trainer.save_metrics` files, later ones overriding earlier ones for the same key. */
export const RESULTS_FILES = ["all_results.json", "train_results.json", "eval_results.json"] as const;

export interface TrainingResultsFacts {
  values: InputValues;
  /** `eval_*` metrics, `eval_loss` included. */
  evalMetrics: Record<string, number>;
  /** The file each value was read from, by key. */
  fileOf: Record<string, string>;
  trainRuntime?: number;
}

/** `all_results.json`, `train_results.json`, `eval_results.json`: final losses, perplexity, eval metrics. */
export async function readTrainingResults(directory: string): Promise<SourceReading<TrainingResultsFacts>> {
  const warnings: InputWarning[] = [];
  const merged: JsonObject = {};
  const fileOf: Record<string, string> = {};
  for (const file of RESULTS_FILES) {
    const reading = await readJsonFile(directory, file);
    warnings.push(...reading.warnings);
    for (const [key, value] of Object.entries(reading.facts ?? {})) {
      merged[key] = value;
      fileOf[key] = file;
    }
  }
  if (Object.keys(merged).length === 0) return { facts: null, warnings };
  const evalMetrics: Record<string, number> = {};
  for (const key of Object.keys(merged)) {
    const value = numberField(merged, key);
    if (key.startsWith("eval_") && value !== undefined) evalMetrics[key] = value;
  }
  return {
    facts: {
      values: {
        "training-loss": numberField(merged, "train_loss"),
        "validation-loss": numberField(merged, "eval_loss"),
        perplexity: numberField(merged, "perplexity") ?? numberField(merged, "eval_perplexity"),
        "dataset-sample-size": numberField(merged, "train_samples"),
      },
      evalMetrics,
      fileOf,
      trainRuntime: numberField(merged, "train_runtime"),
    },
    warnings,
  };
}
