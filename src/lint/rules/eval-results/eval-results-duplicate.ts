import { type EvalResultsEntryKey, formatEntryKey, keyOfEntryData } from "../../../eval-results/index.js";
import { describeEntry, type EvalResultsRule } from "./eval-results-rule.js";

function same(a: EvalResultsEntryKey, b: EvalResultsEntryKey): boolean {
  return a.datasetId === b.datasetId && a.taskId === b.taskId && a.notes === b.notes;
}

export const evalResultsDuplicate: EvalResultsRule = {
  id: "eval-results-duplicate",
  description:
    "The same benchmark task (with the same `notes`) should have one score per model: a second one in the file or in an earlier file of `.eval_results/` is reported.",
  defaultSeverity: "warning",
  fixable: false,
  check({ entries, earlierFiles }, report) {
    const seen: { key: EvalResultsEntryKey; index: number }[] = [];
    for (const entry of entries) {
      const key = keyOfEntryData(entry.data);
      if (!key) continue;
      const earlier = seen.find((other) => same(other.key, key));
      const elsewhere = earlier ? undefined : earlierFiles.find((file) => file.keys.some((other) => same(other, key)));
      seen.push({ key, index: entry.index });
      if (!earlier && !elsewhere) continue;
      const there = earlier ? `entry ${earlier.index + 1} of this file` : `${elsewhere?.name}`;
      report({
        message: `${describeEntry(entry)} is a second score for ${formatEntryKey(key)} (also in ${there}); keep one, or tell setups apart with \`notes\`.`,
        path: [...entry.path, "dataset"],
      });
    }
  },
};
