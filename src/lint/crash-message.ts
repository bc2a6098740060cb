import type { LintMessage } from "./types.js";

/** The rule id of a card the linter itself failed on, outside any rule (a bug of modelcard's reader). */
export const CRASH_RULE_ID = "internal-error";

/**
 * The message for an exception thrown while reading or linting one card outside a rule: fatal (the run exits 2 once
 * every card is reported), at the top of the card, with the exception's own words.
 */
export function crashMessage(error: unknown): LintMessage {
  const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ruleId: CRASH_RULE_ID,
    severity: "error",
    message: `modelcard failed on this card (${reason}); the other cards were checked. Please report it with the card.`,
    line: 1,
    column: 1,
    fatal: true,
  };
}
