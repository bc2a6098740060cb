// The package's own entry (CommonJS): its ES module build imports files without extensions, which Node refuses.
import { type ParseError, parse as parseJsonc, printParseErrorCode } from "jsonc-parser";
import { rewriteNonFinite } from "./rewrite-non-finite.js";

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

/**
 * Parses JSON as Python's `json` writes it: bare `NaN`, `Infinity` and `-Infinity` are read as null (see
 * rewriteNonFinite), so a reader drops them instead of the whole file. A syntax error names the byte of the
 * original text where it is (V8 counts UTF-16 units).
 */
export function parsePythonJson(text: string): PythonJsonReading {
  const { text: rewritten, nonFinite, grown } = rewriteNonFinite(text);
  try {
    return { value: JSON.parse(rewritten), nonFinite };
  } catch (error) {
    let reason = (error as Error).message;
    const position = /at position (\d+)/.exec(reason)?.[1];
    let offset: number;
    if (position !== undefined) offset = Number(position);
    else {
      // V8 names no position for some errors (`Unexpected token 'x', "...": ...`): a scanning parser finds it.
      const first = firstSyntaxError(rewritten);
      offset = first?.offset ?? rewritten.length;
      if (first)
        reason = `${printParseErrorCode(first.error)}: ${JSON.stringify(rewritten.slice(offset, offset + 12))}`;
    }
    offset -= grown.filter((at) => at < offset).length;
    const byteOffset = Buffer.byteLength(text.slice(0, offset));
    // At the very end, whatever V8 expected, the file is cut short: say so, it is what the user must fix.
    const truncated = text.slice(offset).trim() === "";
    throw new JsonSyntaxError(
      byteOffset,
      truncated
        ? "the file ends before the JSON does: truncated?"
        : reason.replace(/ at position \d+.*$/, "").replace(/ in JSON$/, ""),
    );
  }
}

/** The first error of a strict reading (no comments, no trailing commas), or null when it finds none. */
function firstSyntaxError(text: string): ParseError | null {
  const errors: ParseError[] = [];
  parseJsonc(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  return errors[0] ?? null;
}
