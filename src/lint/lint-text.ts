import { ModelCard } from "../card/index.js";
import { cardSource } from "./card-source.js";
import { readFastSource } from "./read-fast-source.js";
import { runRules } from "./run-rules.js";
import type { LintMessage, LintOptions } from "./types.js";

/**
 * Lints a card's text (the whole README.md). Most cards go through a cheap reader; the rest (and every card
 * the cheap reader is unsure of) through `ModelCard`, with the same messages either way.
 */
export function lintText(text: string, options: LintOptions = {}): LintMessage[] {
  if (typeof text !== "string") throw new TypeError("lintText expects the card's text as a string");
  const source = readFastSource(text) ?? cardSource(ModelCard.parse(text));
  return runRules(source, options.config, options.filePath);
}
