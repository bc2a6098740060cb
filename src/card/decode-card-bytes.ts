import { isUtf8 } from "node:buffer";
import type { CardProblem } from "./problem.js";

export interface DecodedCard {
  text: string;
  /** An `invalid-utf8` problem when some bytes are not UTF-8 (decoded as U+FFFD). */
  problems: CardProblem[];
}

/**
 * Decodes a card file. Bytes that are not UTF-8 become U+FFFD, as every reader shows them, and one problem names
 * the first such byte: an edit must not write U+FFFD back into lines nobody changed.
 */
export function decodeCardBytes(bytes: Uint8Array): DecodedCard {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("utf8");
  if (isUtf8(buffer)) return { text, problems: [] };
  // The first U+FFFD whose bytes are not EF BF BD is where decoding failed; the text before it re-encodes as it was.
  let index = text.indexOf("\uFFFD");
  let offset = 0;
  while (index !== -1) {
    offset = Buffer.byteLength(text.slice(0, index));
    if (!(buffer[offset] === 0xef && buffer[offset + 1] === 0xbf && buffer[offset + 2] === 0xbd)) break;
    index = text.indexOf("\uFFFD", index + 1);
  }
  const before = text.slice(0, Math.max(index, 0));
  const line = before.split("\n").length;
  const column = before.length - before.lastIndexOf("\n");
  return {
    text,
    problems: [
      {
        code: "invalid-utf8",
        severity: "warning",
        message: `Byte ${offset} (0x${(buffer[offset] ?? 0).toString(16).padStart(2, "0")}) is not valid UTF-8; readers show U+FFFD there. Save the file as UTF-8.`,
        line,
        column,
      },
    ],
  };
}
