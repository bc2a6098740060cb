import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

export const evalResultsRequired: EvalResultsRule = {
  id: "eval-results-required",
  description: "Every score needs `dataset.id`, `dataset.task_id` (non-empty strings) and `value`.",
  defaultSeverity: "error",
  fixable: false,
  check({ entries }, report) {
    for (const entry of entries) {
      if (!isRecord(entry.data)) continue;
      const dataset = entry.data.dataset;
      const where = describeEntry(entry);
      if (!isRecord(dataset)) {
        const found = dataset === undefined ? "no `dataset`" : "a `dataset` that is not a mapping";
        report({
          message: `${where} has ${found}; give \`dataset.id\` (the benchmark's Hub id) and \`dataset.task_id\` (huggingface_hub's parser fails without them).`,
          path: dataset === undefined ? entry.path : [...entry.path, "dataset"],
        });
      } else {
        for (const key of ["id", "task_id"] as const) {
          const value = dataset[key];
          if (typeof value === "string" && value.trim() !== "") continue;
          const found = value === undefined ? "is missing" : `is ${JSON.stringify(value)}, not a non-empty string`;
          report({
            message: `\`dataset.${key}\` ${found} in ${where}; the spec requires it and huggingface_hub's parser fails without it.`,
            path: value === undefined ? [...entry.path, "dataset"] : [...entry.path, "dataset", key],
            atValue: value !== undefined,
          });
        }
      }
      if (!("value" in entry.data)) {
        report({
          message: `\`value\` is missing in ${where}; the spec requires the score and huggingface_hub's parser fails without it.`,
          path: entry.path,
        });
      }
    }
  },
};
