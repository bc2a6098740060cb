import { isRecord } from "../../card/is-record.js";

/** About this much text per JSON.parse: big enough to cost nothing per call, small enough to die young. */
const CHUNK_CHARACTERS = 1 << 20;

/**
 * `JSON.parse` of a document with one long array of flat objects (trainer_state.json's `log_history`), handing
 * the array's items to `onItems` a chunk at a time, so that the caller reduces them and they die young: one
 * `JSON.parse` of a 28 MB log keeps 200,000 objects alive at once and then spends longer collecting garbage than
 * parsing. Every byte is still read by `JSON.parse`: the text is only cut, after a `}` found with indexOf, and a
 * cut that is not between two items (an item holding an object, an array or a string with braces) fails to
 * parse. Then, or when the document does not have that shape, the result is null and the caller, having
 * dropped what it was given, parses the whole text.
 * `parse` is JSON.parse or one that accepts more (Python's NaN). Returns the document with the array emptied.
 */
export function parseArrayInChunks(
  text: string,
  key: string,
  onItems: (items: unknown[]) => void,
  parse: (json: string) => unknown = JSON.parse,
): Record<string, unknown> | null {
  const keyAt = text.indexOf(`"${key}"`);
  const open = keyAt === -1 ? -1 : text.indexOf("[", keyAt);
  if (open === -1 || text.slice(keyAt + key.length + 2, open).trim() !== ":") return null;
  // Flat items hold no "]": the first one closes the array (any other reading fails a parse below).
  const close = text.indexOf("]", open);
  if (close === -1) return null;
  let document: unknown;
  try {
    document = parse(text.slice(0, open + 1) + text.slice(close));
  } catch {
    return null;
  }
  const emptied = isRecord(document) ? document[key] : undefined;
  if (!isRecord(document) || !Array.isArray(emptied) || emptied.length !== 0) return null;
  // The last item ends at the last "}" before the array closes; none: an empty array.
  const lastEnd = text.lastIndexOf("}", close);
  if (lastEnd < open && text.slice(open + 1, close).trim() !== "") return null;
  let start = open + 1;
  while (start <= lastEnd) {
    const cut = start + CHUNK_CHARACTERS >= close ? -1 : text.indexOf("}", start + CHUNK_CHARACTERS);
    const end = cut === -1 || cut >= lastEnd ? close : cut + 1;
    let items: unknown;
    try {
      items = parse(`[${text.slice(start, end)}]`);
    } catch {
      return null;
    }
    onItems(items as unknown[]);
    if (end === close) break;
    // The next chunk starts after the comma between two items.
    const comma = text.indexOf(",", end);
    if (comma === -1 || comma > close || text.slice(end, comma).trim() !== "") return null;
    start = comma + 1;
  }
  return document;
}
