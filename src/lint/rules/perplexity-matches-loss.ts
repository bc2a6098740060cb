import type { KeyPath, LintRule } from "../types.js";
import { eachMetric, isLossMetric, isPerplexityMetric, type MetricAt } from "./each-metric.js";
import { numericValue, optionsObject } from "./rule-kit.js";

export interface PerplexityOptions {
  /** Allowed relative difference between the perplexity and exp(validation loss). */
  tolerance: number;
}

const VALIDATION = /valid|eval|dev|test/i;

function isValidationLoss(metric: Record<string, unknown>): boolean {
  if (!isLossMetric(metric)) return false;
  return VALIDATION.test(String(metric.type)) || VALIDATION.test(String(metric.name ?? ""));
}

export const perplexityMatchesLoss: LintRule<PerplexityOptions> = {
  id: "perplexity-matches-loss",
  description: "A perplexity must equal exp(validation loss) within a tolerance (natural log, as Trainer computes it).",
  defaultSeverity: "warning",
  fixable: false,
  defaultOptions: { tolerance: 0.02 },
  parseOptions(raw) {
    const { tolerance } = optionsObject(raw, ["tolerance"]);
    if (typeof tolerance !== "number" || !(tolerance > 0 && tolerance < 1)) {
      throw new Error("option tolerance must be a number between 0 and 1 (a relative difference, e.g. 0.02).");
    }
    return { tolerance };
  },
  check({ card, options }, report) {
    const pairs: { loss: number; perplexity: number; path: KeyPath }[] = [];
    const metadata = card.metadata;
    const topLoss = numericValue(metadata.validation_loss ?? metadata.eval_loss);
    const topPerplexity = numericValue(metadata.perplexity);
    if (topLoss !== null && topPerplexity !== null)
      pairs.push({ loss: topLoss, perplexity: topPerplexity, path: ["perplexity"] });
    const groups = new Map<Record<string, unknown>, MetricAt[]>();
    for (const found of eachMetric(metadata)) groups.set(found.result, [...(groups.get(found.result) ?? []), found]);
    for (const metrics of groups.values()) {
      const loss = metrics.find((found) => isValidationLoss(found.metric));
      const perplexity = metrics.find((found) => isPerplexityMetric(found.metric));
      const lossValue = numericValue(loss?.metric.value);
      const perplexityValue = numericValue(perplexity?.metric.value);
      if (perplexity && lossValue !== null && perplexityValue !== null) {
        pairs.push({ loss: lossValue, perplexity: perplexityValue, path: [...perplexity.path, "value"] });
      }
    }
    for (const { loss, perplexity, path } of pairs) {
      const expected = Math.exp(loss);
      if (!Number.isFinite(expected) || !Number.isFinite(perplexity)) continue;
      if (Math.abs(perplexity - expected) <= options.tolerance * expected) continue;
      report({
        message: `Perplexity ${perplexity} does not match the validation loss ${loss}: exp(${loss}) = ${expected.toFixed(4)}. Expected: ${expected.toFixed(4)}; Actual: ${perplexity}.`,
        path,
        atValue: true,
      });
    }
  },
};
