import { isUtf8 } from "node:buffer";
import type { CardProblem } from "./problem.js";

export interface DecodedCard {
  text: string;
  /** `binary-content` (a NUL byte: not a card, not read further) or `invalid-utf8` (decoded as U+FFFD). */
  problems: CardProblem[];
  /** True when the bytes are binary content: the text is not a card to read. */
  binary: boolean;
}

/** Line and column (1-based) of the character at `index` of `text`. */
function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(index, 0));
  return { line: before.split("\n").length, column: before.length - before.lastIndexOf("\n") };
}

/**
 * Decodes a card file, the one place bytes become text (`ModelCard.fromBytes` calls it). A NUL byte means binary
 * content, as git decides: one `binary-content` error. Bytes that are not UTF-8 become U+FFFD, as every reader
 * shows them, and one `invalid-utf8` problem names the first such byte: an edit must not write U+FFFD back into
 * lines nobody changed.
 */
export function decodeCardBytes(bytes: Uint8Array): DecodedCard {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("utf8");
  const nul = buffer.indexOf(0);
  if (nul !== -1) {
    const message = `Byte ${nul} is a NUL byte: this is binary content, not a Markdown card (UTF-8 text).`;
    const where = positionOf(text, text.indexOf("\0"));
    return { text, binary: true, problems: [{ code: "binary-content", severity: "error", message, ...where }] };
  }
  if (isUtf8(buffer)) return { text, problems: [], binary: false };
  // The first U+FFFD whose bytes are not EF BF BD is where decoding failed; the text before it re-encodes as it was.
  let index = text.indexOf("\uFFFD");
  let offset = 0;
  while (index !== -1) {
    offset = Buffer.byteLength(text.slice(0, index));
    if (!(buffer[offset] === 0xef && buffer[offset + 1] === 0xbf && buffer[offset + 2] === 0xbd)) break;
    index = text.indexOf("\uFFFD", index + 1);
  }
  return {
    text,
    binary: false,
    problems: [
      {
        code: "invalid-utf8",
        severity: "warning",
        message: `Byte ${offset} (0x${(buffer[offset] ?? 0).toString(16).padStart(2, "0")}) is not valid UTF-8; readers show U+FFFD there. Save the file as UTF-8.`,
        ...positionOf(text, index),
      },
    ],
  };
}
