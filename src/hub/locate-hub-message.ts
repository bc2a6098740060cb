import type { ModelCard } from "../card/index.js";

/**
 * The Hub's validation messages name the offending key first (`"model-index[0].results[0].dataset.config" must be
 * a string`) but give no line; this finds that key in the card, falling back to its nearest parent.
 */
export function locateHubMessage(card: ModelCard, message: string): { line: number; column: number } | null {
  const quoted = /^\s*"([^"]+)"/.exec(message)?.[1];
  if (!quoted) return null;
  const path = keyPath(quoted);
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const found = card.locateKey(prefix) ?? card.locate(prefix);
    if (found) return { line: found.line, column: found.column };
  }
  return null;
}

/** `model-index[0].results[0].dataset.config` -> `["model-index", 0, "results", 0, "dataset", "config"]` */
function keyPath(text: string): (string | number)[] {
  const path: (string | number)[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) path.push(Number(match[2]));
    else if (match[1] !== undefined) path.push(match[1]);
  }
  return path;
}
