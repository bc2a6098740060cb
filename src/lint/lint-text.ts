import { ModelCard } from "../card/index.js";
import { cardSource } from "./card-source.js";
import { runRules } from "./run-rules.js";
import type { LintMessage, LintOptions } from "./types.js";

/** Lints a card's text (the whole README.md), read once by the card core as the Hub reads it. */
export function lintText(text: string, options: LintOptions = {}): LintMessage[] {
  if (typeof text !== "string") throw new TypeError("lintText expects the card's text as a string");
  return runRules(cardSource(ModelCard.parse(text)), options.config, options.filePath);
}
