import { ModelCard } from "../card/index.js";
import { cardSource } from "./card-source.js";
import { crashMessage } from "./crash-message.js";
import { runRules } from "./run-rules.js";
import type { LintMessage, LintOptions, LintSource } from "./types.js";

/**
 * Lints a card's text (the whole README.md), read once by the card core as the Hub reads it. Content never makes it
 * throw: a rule that crashes, or the reader itself, becomes a fatal message; only a bad configuration throws.
 */
export function lintText(text: string, options: LintOptions = {}): LintMessage[] {
  if (typeof text !== "string") throw new TypeError("lintText expects the card's text as a string");
  let source: LintSource;
  try {
    source = cardSource(ModelCard.parse(text));
  } catch (error) {
    return [crashMessage(error)];
  }
  return runRules(source, options.config, options.filePath);
}
