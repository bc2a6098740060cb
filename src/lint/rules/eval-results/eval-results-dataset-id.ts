import { readRepoId } from "../../../card/index.js";
import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

export const evalResultsDatasetId: EvalResultsRule = {
  id: "eval-results-dataset-id",
  description:
    "`dataset.id` should be a benchmark's Hub id, `owner/name` (e.g. `Idavidrein/gpqa`); a huggingface.co URL is fixed to the id it names.",
  defaultSeverity: "warning",
  fixable: true,
  check({ file, entries }, report) {
    for (const entry of entries) {
      if (!isRecord(entry.data) || !isRecord(entry.data.dataset)) continue;
      const id = entry.data.dataset.id;
      if (typeof id !== "string" || id.trim() === "") continue; // eval-results-required says so
      const path = [...entry.path, "dataset", "id"];
      const where = describeEntry(entry);
      const reading = readRepoId(id);
      if (reading.kind === "hub-id" && reading.owner !== null) continue;
      if (reading.kind === "url") {
        const scalar = file.scalarAt(path);
        report({
          message: `\`dataset.id\` of ${where} is a URL; write the dataset's Hub id: ${reading.id}.`,
          path,
          atValue: true,
          ...(scalar && { fix: { range: [scalar.start, scalar.end], text: reading.id, path, value: reading.id } }),
        });
      } else if (reading.kind === "hub-id") {
        report({
          message: `\`dataset.id\` of ${where} is ${JSON.stringify(id)}, with no owner; benchmarks live under an owner (e.g. openai/gsm8k), so the Hub cannot link this score to a leaderboard.`,
          path,
          atValue: true,
        });
      } else {
        const what = reading.kind === "local-path" ? "a local path" : "not a Hub id";
        report({
          message: `\`dataset.id\` of ${where} is ${JSON.stringify(id)}, ${what}; give the benchmark dataset's Hub id, owner/name (e.g. Idavidrein/gpqa).`,
          path,
          atValue: true,
        });
      }
    }
  },
};
