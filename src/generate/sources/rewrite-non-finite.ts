export interface NonFiniteRewrite {
  /** The text with each bare NaN, Infinity and -Infinity (outside strings) replaced by null. */
  text: string;
  nonFinite: number;
  /** Positions in `text` of each NaN's `null`, which is one unit longer than what it replaced. */
  grown: number[];
}

/** The quote that closes the string opened at `open`, skipping escaped ones; -1 when the text ends first. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) return end;
    end = text.indexOf('"', end + 1);
  }
  return -1;
}

/**
 * Rewrites the bare `NaN`, `Infinity` and `-Infinity` that Python's `json` writes (for a diverged `grad_norm`
 * under fp16, say) into `null`, outside strings only, so that `JSON.parse` reads the rest. The pass runs only when
 * the text holds one of them at all, and jumps with indexOf rather than looking at every character.
 */
export function rewriteNonFinite(text: string): NonFiniteRewrite {
  let rewritten = text;
  // Positions (in the rewritten text) of each NaN -> null, which is one unit longer; Infinity keeps its length.
  const grown: number[] = [];
  let nonFinite = 0;
  let nan = text.indexOf("NaN");
  let infinity = text.indexOf("Infinity");
  if (nan !== -1 || infinity !== -1) {
    const parts: string[] = [];
    let copied = 0;
    let quote = text.indexOf('"');
    for (;;) {
      const token = nan === -1 ? infinity : infinity === -1 ? nan : Math.min(nan, infinity);
      if (token === -1) break;
      if (quote !== -1 && quote < token) {
        const end = closingQuote(text, quote);
        if (end === -1) break;
        quote = text.indexOf('"', end + 1);
        if (nan !== -1 && nan < end) nan = text.indexOf("NaN", end);
        if (infinity !== -1 && infinity < end) infinity = text.indexOf("Infinity", end);
        continue;
      }
      nonFinite++;
      if (token === nan) {
        parts.push(text.slice(copied, token), "null");
        grown.push(token + grown.length);
        copied = token + 3;
        nan = text.indexOf("NaN", copied);
      } else {
        const start = text.charCodeAt(token - 1) === 45 ? token - 1 : token;
        parts.push(text.slice(copied, start), "null".padEnd(token + 8 - start));
        copied = token + 8;
        infinity = text.indexOf("Infinity", copied);
      }
    }
    if (nonFinite > 0) rewritten = parts.join("") + text.slice(copied);
  }
  return { text: rewritten, nonFinite, grown };
}
