import { formatPath } from "../../card/index.js";
import type { LintRule } from "../types.js";
import { eachMetric } from "./each-metric.js";
import { numericValue, setScalar, shown } from "./rule-kit.js";

const SAFE_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

export const metricValue: LintRule = {
  id: "metric-value",
  description:
    "A model-index metric `value` should be a number, not a quoted number, a string holding one (`~50%`) or none (`N/A`).",
  defaultSeverity: "warning",
  fixable: true,
  check({ card }, report) {
    for (const { metric, path } of eachMetric(card.metadata)) {
      const value = metric.value;
      if (value === undefined || typeof value === "number") continue;
      const at = [...path, "value"];
      const where = `\`${formatPath(at)}\``;
      const number = numericValue(value);
      if (number !== null && Number.isFinite(number)) {
        // Only decimals that YAML 1.1 and 1.2 read alike are unquoted (`5e-6` and `010` are not).
        const text = String(value).trim();
        const fix = SAFE_DECIMAL.test(text) ? setScalar(card, at, number, text) : undefined;
        report({
          message: `${where} is the string ${shown(value)}; write the number without quotes so the Hub can chart it.`,
          path: at,
          atValue: true,
          ...(fix ? { fix } : {}),
        });
      } else if (typeof value === "string" && /\d/.test(value)) {
        report({
          message: `${where} ${shown(value)} is not a number; give the number alone (e.g. 50 for "~50%") and put the rest in the metric's name.`,
          path: at,
          atValue: true,
        });
      } else {
        report({
          message: `${where} ${shown(value)} holds no number; give a numeric value or remove the metric.`,
          path: at,
          atValue: true,
        });
      }
    }
  },
};
