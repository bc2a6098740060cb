import {
  EVAL_RESULTS_DATASET_KEYS,
  EVAL_RESULTS_ENTRY_KEYS,
  EVAL_RESULTS_SOURCE_KEYS,
} from "../../../eval-results/index.js";
import type { KeyPath } from "../../types.js";
import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

/** Keys seen in the spec's history, other tools' models of it, or by habit, and what the spec says instead. */
const HINTS: Record<string, string> = {
  verify_token: "the spec spells it `verifyToken`",
  task_id: "it belongs under `dataset` (`dataset.task_id`)",
  config: "dropped from the spec in favour of `dataset.task_id`",
  split: "dropped from the spec in favour of `dataset.task_id`",
  metric: "the spec has one `value` per entry and no metric name",
  metrics: "the spec has one `value` per entry and no metric name",
};

export const evalResultsUnknownKey: EvalResultsRule = {
  id: "eval-results-unknown-key",
  description:
    "Keys the `.eval_results` spec does not define (in an entry, `dataset` or `source`) are reported: the spec has churned, and readers skip what they do not know.",
  defaultSeverity: "warning",
  fixable: false,
  check({ entries }, report) {
    for (const entry of entries) {
      if (!isRecord(entry.data)) continue;
      const where = describeEntry(entry);
      const unknown = (value: Record<string, unknown>, known: readonly string[], scope: KeyPath) => {
        for (const key of Object.keys(value)) {
          if (known.includes(key)) continue;
          const hint = HINTS[key] ? ` (${HINTS[key]})` : "";
          const inside = scope.length === 0 ? "" : ` in \`${scope.join(".")}\``;
          report({
            message: `unknown key \`${key}\`${inside} of ${where}${hint}; the spec's keys are ${known.map((name) => `\`${name}\``).join(", ")}.`,
            path: [...entry.path, ...scope, key],
          });
        }
      };
      if (entry.path.length > 1) {
        report({
          message: `${where} is in the API's wrapper shape ({filename, verified, data, pullRequest}); a file holds the entry itself: write what is under \`data\`.`,
          path: [entry.index],
        });
      }
      unknown(entry.data, EVAL_RESULTS_ENTRY_KEYS, []);
      for (const [key, known] of [
        ["dataset", EVAL_RESULTS_DATASET_KEYS],
        ["source", EVAL_RESULTS_SOURCE_KEYS],
      ] as const) {
        const value = entry.data[key];
        if (isRecord(value)) unknown(value, known, [key]);
      }
    }
  },
};
