import { ModelCard } from "../card/index.js";
import { fixCard } from "./fix-card.js";
import type { LintMessage, LintOptions } from "./types.js";

export interface FixResult {
  /** The fixed text (the input, decoded, when nothing was fixed). */
  output: string;
  /** Messages of the fixed text: what is left to do by hand. */
  messages: LintMessage[];
  /** How many fixes were applied in all. */
  fixed: number;
}

/**
 * Applies every fix the card accepts to a card's text or bytes (see `fixCard`). Bytes that are not UTF-8 get no
 * fix: the output would write U+FFFD over them.
 */
export function fixText(text: string | Uint8Array, options: LintOptions = {}): FixResult {
  const card = typeof text === "string" ? ModelCard.parse(text) : ModelCard.fromBytes(text);
  const { messages, fixed } = fixCard(card, options);
  return { output: card.toString(), messages, fixed };
}
