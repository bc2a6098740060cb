import type { EvalResultsRule } from "./eval-results-rule.js";
import { isRecord } from "./eval-results-rule.js";

export const evalResultsYaml: EvalResultsRule = {
  id: "eval-results-yaml",
  description:
    "An `.eval_results/*.yaml` file must be YAML the Hub's reader reads, holding a list whose items are mappings (one per score).",
  defaultSeverity: "error",
  fixable: false,
  reads: "file",
  check({ file, entries }, report) {
    for (const problem of file.problems) {
      report({ message: `${problem.message}.`, line: problem.line, column: problem.column });
    }
    for (const entry of entries) {
      if (!isRecord(entry.data)) {
        const found = Array.isArray(entry.data) ? "a list" : JSON.stringify(entry.data ?? null);
        report({
          message: `entry ${entry.index + 1} is ${found}, not a mapping; each item is one score (\`- dataset: {id: ..., task_id: ...}\`, \`value: ...\`).`,
          path: entry.path,
        });
      }
    }
  },
};
