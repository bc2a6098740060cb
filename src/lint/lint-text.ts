import { ModelCard } from "../card/index.js";
import { lintCard } from "./lint-card.js";
import type { LintMessage, LintOptions } from "./types.js";

/**
 * Lints a card's text (the whole README.md) or its bytes, read once by the card core as the Hub reads it: bytes
 * go through `ModelCard.fromBytes`, as a file's do (bytes that are not UTF-8 are an `invalid-utf8` warning).
 */
export function lintText(text: string | Uint8Array, options: LintOptions = {}): LintMessage[] {
  if (typeof text === "string") return lintCard(ModelCard.parse(text), options);
  if (text instanceof Uint8Array) return lintCard(ModelCard.fromBytes(text), options);
  throw new TypeError("lintText expects the card's text as a string, or its bytes");
}
