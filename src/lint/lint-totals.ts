import { isEvalResultsPath } from "../eval-results/read-eval-results-folder.js";
import type { FileResult } from "./file-result.js";

/** What a lint run found, summed as results come in: the pretty output's summary and the exit code read it. */
export class LintTotals {
  files = 0;
  /** Of `files`, the `.eval_results/*.yaml` score files: the summary counts them apart from cards. */
  scoreFiles = 0;
  /** Cards with at least one error. */
  filesWithErrors = 0;
  errorCount = 0;
  warningCount = 0;
  fixableErrorCount = 0;
  fixableWarningCount = 0;
  fixed = 0;
  /** Messages per rule id: what to fix first across many cards (ruff's `--statistics`). */
  readonly rules = new Map<string, { errors: number; warnings: number }>();

  add(result: FileResult): void {
    this.files++;
    if (isEvalResultsPath(result.file)) this.scoreFiles++;
    if (result.errorCount > 0) this.filesWithErrors++;
    this.errorCount += result.errorCount;
    this.warningCount += result.warningCount;
    this.fixableErrorCount += result.fixableErrorCount;
    this.fixableWarningCount += result.fixableWarningCount;
    this.fixed += result.fixed ?? 0;
    for (const message of result.messages) {
      const counts = this.rules.get(message.ruleId) ?? { errors: 0, warnings: 0 };
      if (message.severity === "error") counts.errors++;
      else counts.warnings++;
      this.rules.set(message.ruleId, counts);
    }
  }
}
