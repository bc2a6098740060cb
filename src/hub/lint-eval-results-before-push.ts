import { readFile } from "node:fs/promises";
import { isEvalResultsPath } from "../eval-results/read-eval-results-folder.js";
import { lintEvalResultsBytes } from "../lint/lint-eval-results.js";
import type { LintConfig } from "../lint/types.js";
import type { UploadFile } from "./plan-upload.js";
import type { PushProblem } from "./push-problem.js";

/**
 * The lint rules of `.eval_results/*.yaml` over the files a push would send, as the card is linted: an error-level
 * message stops the push, warnings are shown. Each problem names its file in the repository.
 */
export async function lintEvalResultsBeforePush(
  files: readonly UploadFile[],
  config?: LintConfig,
): Promise<PushProblem[]> {
  const problems: PushProblem[] = [];
  for (const file of files) {
    if (!isEvalResultsPath(file.pathInRepo)) continue;
    const bytes = file.content ?? (await readFile(file.localPath));
    const result = await lintEvalResultsBytes(bytes, file.localPath, config ? { config } : {});
    for (const message of result.messages) {
      problems.push({
        source: "files",
        code: message.ruleId,
        severity: message.severity,
        message: `line ${message.line}, column ${message.column}: ${message.message}`,
        path: file.pathInRepo,
        line: message.line,
        column: message.column,
      });
    }
  }
  return problems;
}
