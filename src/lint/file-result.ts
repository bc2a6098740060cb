import type { LintMessage } from "./types.js";

/** One file's lint result, the shape of each item of `modelcard lint --format json` (ESLint's). */
export interface FileResult {
  file: string;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  messages: LintMessage[];
  /**
   * True when the file could not be read or checked (a message says why: an I/O error, a rule or the reader that
   * crashed on it); the run goes on, the exit code is 2.
   */
  fatal?: boolean;
  /** How many fixes `--fix` wrote to the file. */
  fixed?: number;
}

/** Counts a file's messages into a FileResult. */
export function fileResult(file: string, messages: LintMessage[], extra: Partial<FileResult> = {}): FileResult {
  let errorCount = 0;
  let warningCount = 0;
  let fixableErrorCount = 0;
  let fixableWarningCount = 0;
  let fatal = false;
  for (const message of messages) {
    if (message.fatal) fatal = true;
    if (message.severity === "error") {
      errorCount++;
      if (message.fix) fixableErrorCount++;
    } else {
      warningCount++;
      if (message.fix) fixableWarningCount++;
    }
  }
  return {
    file,
    errorCount,
    warningCount,
    fixableErrorCount,
    fixableWarningCount,
    messages,
    ...(fatal ? { fatal } : {}),
    ...extra,
  };
}
