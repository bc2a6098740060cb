import { type FileResult, fileResult } from "./file-result.js";

/** The result for a file or folder that could not be linted: one error saying why; the run goes on. */
export function unreadableResult(file: string, message: string): FileResult {
  return fileResult(file, [{ ruleId: "unreadable-file", severity: "error", message, line: 1, column: 1 }], {
    fatal: true,
  });
}
