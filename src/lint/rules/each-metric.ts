import type { KeyPath } from "../types.js";
import { isRecord } from "./rule-kit.js";

export interface MetricAt {
  metric: Record<string, unknown>;
  path: KeyPath;
  /** The result group holding the metric, and the model-index entry holding that. */
  result: Record<string, unknown>;
  resultPath: KeyPath;
  entry: Record<string, unknown>;
}

/** Every metric mapping of the model-index, whatever else is wrong with it (the schema rule reports that). */
export function eachMetric(metadata: Record<string, unknown>): MetricAt[] {
  const found: MetricAt[] = [];
  const modelIndex = metadata["model-index"];
  if (!Array.isArray(modelIndex)) return found;
  modelIndex.forEach((entry, entryIndex) => {
    if (!isRecord(entry) || !Array.isArray(entry.results)) return;
    entry.results.forEach((result, resultIndex) => {
      if (!isRecord(result) || !Array.isArray(result.metrics)) return;
      const resultPath = ["model-index", entryIndex, "results", resultIndex];
      result.metrics.forEach((metric, metricIndex) => {
        if (isRecord(metric))
          found.push({ metric, path: [...resultPath, "metrics", metricIndex], result, resultPath, entry });
      });
    });
  });
  return found;
}

/** `loss`, `eval_loss`, `train_loss`, ... */
export function isLossMetric(metric: Record<string, unknown>): boolean {
  return typeof metric.type === "string" && /(?:^|[_\s-])loss$/i.test(metric.type);
}

export function isPerplexityMetric(metric: Record<string, unknown>): boolean {
  return typeof metric.type === "string" && /(?:^|[_\s-])(?:perplexity|ppl)$/i.test(metric.type);
}
