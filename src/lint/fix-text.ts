import { applyFixes } from "./apply-fixes.js";
import { lintText } from "./lint-text.js";
import type { LintMessage, LintOptions } from "./types.js";

const MAX_PASSES = 10;

export interface FixResult {
  /** The fixed text (the input when nothing was fixed). */
  output: string;
  /** Messages of the fixed text: what is left to do by hand. */
  messages: LintMessage[];
  /** How many fixes were applied in all. */
  fixed: number;
}

function errorCount(messages: readonly LintMessage[]): number {
  return messages.filter((message) => message.severity === "error").length;
}

/**
 * Applies every safe fix and lints the result again, pass after pass, until nothing is left to fix. A pass
 * that would leave more errors than it found is dropped, so a fix never makes a card worse.
 */
export function fixText(text: string, options: LintOptions = {}): FixResult {
  let output = text;
  let messages = lintText(output, options);
  let fixed = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const { text: next, applied } = applyFixes(output, messages);
    if (applied === 0 || next === output) break;
    const nextMessages = lintText(next, options);
    if (errorCount(nextMessages) > errorCount(messages)) break;
    output = next;
    messages = nextMessages;
    fixed += applied;
  }
  return { output, messages, fixed };
}
