import type { FileResult } from "./file-result.js";
import type { LintFix } from "./types.js";

/** One message of ESLint 9's `LintResult`: severity 1 (warning) or 2 (error); `fatal` on a read failure. */
export interface EslintMessage {
  ruleId: string | null;
  severity: 1 | 2;
  message: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  fix?: LintFix;
  fatal?: true;
}

/** ESLint 9's `LintResult`, the item of `modelcard lint --format json`, so ESLint's formatters and tools read it. */
export interface EslintResult {
  filePath: string;
  messages: EslintMessage[];
  /** Always empty: modelcard has no inline suppressions. */
  suppressedMessages: (EslintMessage & { suppressions: { kind: string; justification: string }[] })[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: { ruleId: string; replacedBy: string[] }[];
  /** The fixed text, when `--fix` changed the file (as ESLint's `output`). */
  output?: string;
}

export interface EslintResultOptions {
  /** The name to show; default `result.file`. */
  filePath?: string;
  /** The file's text after `--fix` changed it. */
  output?: string;
}

/**
 * A file's result in ESLint 9's `LintResult` shape, shown under `filePath`. The library's own `FileResult` keeps
 * its names (`file`, `"error"`/`"warning"`); this is only what the JSON output promises. A file that could not be
 * read has one fatal error, as ESLint reports a file it cannot parse.
 */
export function toEslintResult(result: FileResult, options: EslintResultOptions = {}): EslintResult {
  const fatal = Boolean(result.fatal);
  const messages = result.messages.map((message): EslintMessage => {
    const error = message.severity === "error";
    return {
      ruleId: message.ruleId,
      severity: error ? 2 : 1,
      message: message.message,
      line: message.line,
      column: message.column,
      ...(message.endLine === undefined ? {} : { endLine: message.endLine }),
      ...(message.endColumn === undefined ? {} : { endColumn: message.endColumn }),
      ...(message.fix ? { fix: { range: [...message.fix.range], text: message.fix.text } } : {}),
      ...(fatal && error ? { fatal: true as const } : {}),
    };
  });
  return {
    filePath: options.filePath ?? result.file,
    messages,
    suppressedMessages: [],
    errorCount: result.errorCount,
    fatalErrorCount: messages.filter((message) => message.fatal).length,
    warningCount: result.warningCount,
    fixableErrorCount: result.fixableErrorCount,
    fixableWarningCount: result.fixableWarningCount,
    usedDeprecatedRules: [],
    ...(options.output === undefined ? {} : { output: options.output }),
  };
}
