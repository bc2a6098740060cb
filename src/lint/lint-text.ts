import { ModelCard } from "../card/index.js";
import { lintCard } from "./lint-card.js";
import type { LintMessage, LintOptions } from "./types.js";

/** Lints a card's text (the whole README.md). */
export function lintText(text: string, options: LintOptions = {}): LintMessage[] {
  if (typeof text !== "string") throw new TypeError("lintText expects the card's text as a string");
  return lintCard(ModelCard.parse(text), options);
}
