import { isAscii } from "node:buffer";
import { isRecord } from "../../card/is-record.js";

/**
 * About this many bytes per JSON.parse: enough to cost nothing per call, and few enough that the run's text and
 * what it parses into stay below V8's large-object size (128 KB): young, never a fresh page of their own.
 */
export const CHUNK_BYTES = 120_000;

export interface SplitJsonArray {
  /** The document with the array emptied. */
  document: Record<string, unknown>;
  /** The array's items, cut into runs of whole items: start and end byte offsets, two numbers per run. */
  cuts: number[];
}

const [OPEN, CLOSE, BRACE, COMMA, COLON] = [0x5b, 0x5d, 0x7d, 0x2c, 0x3a];

/** The text of bytes[from, to): Latin-1 where it is ASCII (the same text, copied faster), else UTF-8. */
const textOf = (bytes: Buffer, from: number, to: number) =>
  bytes.toString(isAscii(bytes.subarray(from, to)) ? "latin1" : "utf8", from, to);

/** Whether bytes[from, to) are JSON whitespace only (space, tab, line feed, carriage return). */
function blank(bytes: Buffer, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const byte = bytes[at];
    if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return false;
  }
  return true;
}

/**
 * Cuts a JSON document holding one long array of flat objects (trainer_state.json's `log_history`) so that the
 * items can be parsed a run at a time (`JSON.parse("[" + run + "]")`), reduced by the caller and left to die
 * young: one JSON.parse of a 28 MB log keeps 200,000 objects alive at once and then spends longer collecting
 * garbage than parsing. The rest of the document is parsed here, with the array emptied. Every byte is still
 * read by a JSON.parse, or checked here to be whitespace or the comma between two runs: the runs end after a
 * `}` found with indexOf, and a cut that is not between two items (an item holding an object, an array or a
 * string with braces) leaves a run that fails to parse. Null when the document does not have that shape: the
 * caller then parses it whole. `parse` is JSON.parse or one that accepts more (Python's NaN).
 */
export function splitJsonArray(
  bytes: Buffer,
  key: string,
  parse: (json: string) => unknown = JSON.parse,
  chunkBytes = CHUNK_BYTES,
): SplitJsonArray | null {
  const name = `"${key}"`;
  const keyAt = bytes.indexOf(name);
  const open = keyAt === -1 ? -1 : bytes.indexOf(OPEN, keyAt);
  const colon = keyAt === -1 ? -1 : bytes.indexOf(COLON, keyAt);
  const afterKey = keyAt + Buffer.byteLength(name);
  if (open === -1 || colon === -1 || !blank(bytes, afterKey, colon) || !blank(bytes, colon + 1, open)) return null;
  // Flat items hold no "]": the first one closes the array (any other reading fails a parse below).
  const close = bytes.indexOf(CLOSE, open);
  if (close === -1) return null;
  let document: unknown;
  try {
    document = parse(textOf(bytes, 0, open + 1) + textOf(bytes, close, bytes.length));
  } catch {
    return null;
  }
  const emptied = isRecord(document) ? document[key] : undefined;
  if (!isRecord(document) || !Array.isArray(emptied) || emptied.length !== 0) return null;
  // The last item ends at the last "}" before the array closes; none: an empty array.
  const lastEnd = bytes.lastIndexOf(BRACE, close);
  if (lastEnd < open) return blank(bytes, open + 1, close) ? { document, cuts: [] } : null;
  const cuts: number[] = [];
  let start = open + 1;
  for (;;) {
    const cut = start + chunkBytes >= lastEnd ? -1 : bytes.indexOf(BRACE, start + chunkBytes);
    const end = cut === -1 || cut >= lastEnd ? close : cut + 1;
    cuts.push(start, end);
    if (end === close) return { document, cuts };
    // The next run starts after the comma between two items.
    const comma = bytes.indexOf(COMMA, end);
    if (comma === -1 || comma > close || !blank(bytes, end, comma)) return null;
    start = comma + 1;
  }
}
