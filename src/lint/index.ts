export { cardSource } from "./card-source.js";
export { lintCard } from "./lint-card.js";
export { LintConfigError } from "./lint-config-error.js";
export { lintText } from "./lint-text.js";
export { CONFIG_FILE_NAMES, findLintConfig, loadLintConfig } from "./load-lint-config.js";
export { BUILT_IN_RULES } from "./rules/index.js";
export { REQUIRED_FIELD_PRESETS } from "./rules/required-fields.js";
export type {
  ConfiguredSeverity,
  KeyPath,
  LintConfig,
  LintFix,
  LintMessage,
  LintOptions,
  LintReport,
  LintRule,
  LintSource,
  RuleContext,
  RuleSetting,
  ScalarSpan,
  Severity,
} from "./types.js";
