import { ModelCard } from "../card/index.js";
import { crashMessage } from "./crash-message.js";
import { lintCard } from "./lint-card.js";
import { LintConfigError } from "./lint-config-error.js";
import type { LintMessage, LintOptions } from "./types.js";

/**
 * Lints a card's text (the whole README.md) or its bytes, read once by the card core as the Hub reads it: bytes
 * go through `ModelCard.fromBytes`, as a file's do (bytes that are not UTF-8 are an `invalid-utf8` warning).
 * Content never makes it throw: a rule that crashes, or the reader itself, becomes a fatal message; only a bad
 * configuration throws (LintConfigError).
 */
export function lintText(text: string | Uint8Array, options: LintOptions = {}): LintMessage[] {
  if (typeof text !== "string" && !(text instanceof Uint8Array)) {
    throw new TypeError("lintText expects the card's text as a string, or its bytes");
  }
  try {
    return lintCard(typeof text === "string" ? ModelCard.parse(text) : ModelCard.fromBytes(text), options);
  } catch (error) {
    if (error instanceof LintConfigError) throw error;
    return [crashMessage(error)];
  }
}
