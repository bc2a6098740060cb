import type { ModelCard } from "../card/index.js";
import { cardSource } from "./card-source.js";
import { runRules } from "./run-rules.js";
import type { LintMessage, LintOptions } from "./types.js";

/**
 * Lints a parsed card: every configured rule runs on it. Synchronous; content problems become messages,
 * only a bad configuration throws (LintConfigError).
 */
export function lintCard(card: ModelCard, options: LintOptions = {}): LintMessage[] {
  return runRules(cardSource(card), options.config, options.filePath);
}
