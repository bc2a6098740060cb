import type { ModelCard } from "../card/index.js";
import { cardSource } from "./card-source.js";
import { planFixes } from "./plan-fixes.js";
import { runRules } from "./run-rules.js";
import type { LintMessage, LintOptions } from "./types.js";

/**
 * Lints a parsed card: every configured rule runs on it, and each fix is verified by the card (a message carries
 * one only when `--fix` would apply it). Synchronous; content problems become messages, only a bad configuration
 * throws (LintConfigError).
 */
export function lintCard(card: ModelCard, options: LintOptions = {}): LintMessage[] {
  const source = cardSource(card);
  return planFixes(card, runRules(source, options.config, options.filePath), source.yamlStart).messages;
}
