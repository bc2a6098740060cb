export interface PythonJsonReading {
  value: unknown;
  /** How many bare `NaN`, `Infinity` and `-Infinity` were read as null. */
  nonFinite: number;
}

/** A JSON syntax error, with the byte of the file where the text stops being JSON. */
export class JsonSyntaxError extends Error {
  constructor(
    readonly byteOffset: number,
    readonly reason: string,
  ) {
    super(`not valid JSON at byte ${byteOffset} (${reason})`);
  }
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
 * Parses JSON as Python's `json` writes it: bare `NaN`, `Infinity` and `-Infinity` (written for a diverged
 * `grad_norm` under fp16, say) are read as null, so a reader drops them instead of the whole file. They are
 * rewritten outside strings only, in one pass that runs when the text holds one at all; the parse is then
 * `JSON.parse`. A syntax error names the byte of the original text where it is (V8 counts UTF-16 units).
 */
export function parsePythonJson(text: string): PythonJsonReading {
  let rewritten = text;
  // Positions (in the rewritten text) of each NaN -> null, which is one unit longer; Infinity keeps its length.
  const grown: number[] = [];
  let nonFinite = 0;
  let nan = text.indexOf("NaN");
  let infinity = text.indexOf("Infinity");
  if (nan !== -1 || infinity !== -1) {
    // indexOf jumps, rather than a loop over every character: several times faster on a 28 MB log.
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
  try {
    return { value: JSON.parse(rewritten), nonFinite };
  } catch (error) {
    const reason = (error as Error).message;
    const position = /at position (\d+)/.exec(reason)?.[1];
    let offset = position === undefined ? rewritten.length : Number(position);
    offset -= grown.filter((at) => at < offset).length;
    const byteOffset = Buffer.byteLength(text.slice(0, offset));
    throw new JsonSyntaxError(
      byteOffset,
      reason
        .replace(/ at position \d+.*$/, "")
        .replace(/ in JSON$/, "")
        .replace(/^Unexpected end of JSON input$/, "the text ends before the JSON does"),
    );
  }
}
