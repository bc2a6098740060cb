import { CardEditRefusedError, type ModelCard } from "../card/index.js";
import { cardSource } from "./card-source.js";
import { lintCard } from "./lint-card.js";
import { planFixes } from "./plan-fixes.js";
import { runRules } from "./run-rules.js";
import type { LintMessage, LintOptions } from "./types.js";

export interface FixCardResult {
  /** Messages of the fixed card: what is left to do by hand. */
  messages: LintMessage[];
  /** How many fixes were applied: the fixable messages of the card as it was, every one of them. */
  fixed: number;
}

/**
 * Applies every fix the card accepts, as one verified card edit (`ModelCard.edit` with a rewrite), then lints
 * the fixed card again. One pass: the fixes applied are exactly the ones linting offered; a fix that a first fix
 * makes possible is offered in the next run.
 */
export function fixCard(card: ModelCard, options: LintOptions = {}): FixCardResult {
  const source = cardSource(card);
  const { changes } = planFixes(card, runRules(source, options.config, options.filePath), source.yamlStart);
  if (changes.length === 0) return { messages: lintCard(card, options), fixed: 0 };
  try {
    card.edit([{ kind: "rewrite", changes }]);
  } catch (error) {
    // Verified above with the same reader: a refusal here would be a bug, and it must not stop a run.
    if (!(error instanceof CardEditRefusedError)) throw error;
    return { messages: lintCard(card, options), fixed: 0 };
  }
  return { messages: lintCard(card, options), fixed: changes.length };
}
