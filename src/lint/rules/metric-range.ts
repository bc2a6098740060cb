import { formatPath } from "../../card/index.js";
import type { KeyPath, LintReport, LintRule } from "../types.js";
import { eachMetric, isLossMetric, isPerplexityMetric } from "./each-metric.js";
import { numericValue } from "./rule-kit.js";

/** Top-level keys the generator writes (and the seed's metadata uses) for losses and perplexity. */
const LOSS_KEYS = ["training_loss", "validation_loss", "train_loss", "eval_loss"];
const PERPLEXITY_KEYS = ["perplexity"];

function checkValue(value: unknown, path: KeyPath, kind: "loss" | "perplexity", report: (f: LintReport) => void) {
  const number = numericValue(value);
  if (number === null) return;
  const where = `\`${formatPath([...path])}\``;
  if (Number.isNaN(number)) {
    report({
      message: `${where} is NaN; the run diverged or the value was not measured. Remove it.`,
      path,
      atValue: true,
    });
  } else if (kind === "loss" && number < 0) {
    report({ message: `${where} is ${number}, but a loss is never negative; check the value.`, path, atValue: true });
  } else if (kind === "perplexity" && number < 1) {
    report({
      message: `${where} is ${number}, but a perplexity is at least 1 (it is exp(loss)); check the value.`,
      path,
      atValue: true,
    });
  }
}

export const metricRange: LintRule = {
  id: "metric-range",
  description: "Losses must be >= 0 and perplexities >= 1, in the model-index and in the top-level training keys.",
  defaultSeverity: "warning",
  fixable: false,
  check({ card }, report) {
    const metadata = card.metadata;
    for (const key of LOSS_KEYS) checkValue(metadata[key], [key], "loss", report);
    for (const key of PERPLEXITY_KEYS) checkValue(metadata[key], [key], "perplexity", report);
    for (const { metric, path } of eachMetric(metadata)) {
      const kind = isLossMetric(metric) ? "loss" : isPerplexityMetric(metric) ? "perplexity" : null;
      if (kind) checkValue(metric.value, [...path, "value"], kind, report);
    }
  },
};
