export { cardSource } from "./card-source.js";
export { type CardFile, type CollectOptions, collectCardFiles } from "./collect-card-files.js";
export { type FileResult, fileResult } from "./file-result.js";
export { CONFIG_FILE_NAMES, findLintConfig } from "./find-lint-config.js";
export { type FixCardResult, fixCard } from "./fix-card.js";
export { type FixResult, fixText } from "./fix-text.js";
export { formatGithubFile } from "./format-github.js";
export { formatGithubSummary, GITHUB_ANNOTATIONS_PER_KIND } from "./format-github-summary.js";
export { formatPrettyFile, type PrettyOptions } from "./format-pretty.js";
export { formatPrettySummary } from "./format-pretty-summary.js";
export { createSarifWriter, type SarifWriter } from "./format-sarif.js";
export { lintCard } from "./lint-card.js";
export { LintConfigError } from "./lint-config-error.js";
export { activeEvalResultsRules } from "./lint-eval-results.js";
export { type LintFileOptions, lintCardBytes, lintFile } from "./lint-file.js";
export { type LintFilesOptions, lintFiles } from "./lint-files.js";
export { lintText } from "./lint-text.js";
export { LintTotals } from "./lint-totals.js";
export { loadLintConfig } from "./load-lint-config.js";
export { type ActiveRule, LINT_PRESETS, resolveLintConfig } from "./resolve-lint-config.js";
export { BUILT_IN_RULES } from "./rules/index.js";
export { REQUIRED_FIELD_PRESETS } from "./rules/required-fields.js";
export { type EslintMessage, type EslintResult, type EslintResultOptions, toEslintResult } from "./to-eslint-result.js";
export type {
  ConfiguredSeverity,
  KeyPath,
  LintConfig,
  LintFix,
  LintFixEdit,
  LintMessage,
  LintOptions,
  LintPreset,
  LintReport,
  LintRule,
  LintSource,
  RuleContext,
  RuleSetting,
  ScalarSpan,
  Severity,
} from "./types.js";
export { unreadableResult } from "./unreadable-result.js";
