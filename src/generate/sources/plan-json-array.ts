import { isAscii } from "node:buffer";
import { readSync } from "node:fs";
import { isRecord } from "../../card/is-record.js";

/**
 * About this many bytes per JSON.parse: enough to cost nothing per call, and few enough that the run's text and
 * what it parses into stay below V8's large-object size (128 KB): young, never a fresh page of their own.
 */
export const RUN_BYTES = 120_000;

/** How far past a run's nominal end its last item may reach, and the most the head and the tail are read for. */
export const SLACK_BYTES = 1 << 16;

/** Where a JSON array lies in a file, and how it is cut into runs (see planJsonArray and jsonArrayRun). */
export interface JsonArrayPlan {
  /** Byte offsets of its `[`, its `]` and the last `}` before that (below `open` when the array is blank). */
  open: number;
  close: number;
  lastEnd: number;
  /** How many runs: run k holds the items from the first `}` at or after `open + 1 + k * runBytes` on. */
  runs: number;
  runBytes: number;
}

const [OPEN, CLOSE, BRACE, COLON] = [0x5b, 0x5d, 0x7d, 0x3a];

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

/** `length` bytes of the file from `position`, or fewer if it ends first. */
function readAt(fd: number, position: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  let read = 0;
  while (read < length) {
    const count = readSync(fd, bytes, read, length - read, position + read);
    if (count === 0) break;
    read += count;
  }
  return bytes.subarray(0, read);
}

/**
 * Plans the reading of a JSON document that holds one long array of flat objects (trainer_state.json's
 * `log_history`), from its head and its tail alone: the array's items are then read and parsed a run at a time
 * (jsonArrayRun, by either thread), reduced and left to die young, where one JSON.parse of a 28 MB log would keep
 * 200,000 objects alive at once, and one read of it would fill 28 MB of fresh memory. The rest of the document
 * is parsed here with the array emptied: it is a list of nothing but JSON whitespace between its `[` and the
 * first `]` after it (each run checks that it holds none). Null when the file does not have that shape (the key
 * or the array's bounds not in the first or last SLACK_BYTES, the document not an object, the key not its array,
 * or the file cut short): the caller then parses it whole. `parse` is JSON.parse or one that accepts more
 * (Python's NaN). Also returns the `head` it read: the whole file when it is that short.
 */
export function planJsonArray(
  fd: number,
  size: number,
  key: string,
  parse: (json: string) => unknown = JSON.parse,
  runBytes = RUN_BYTES,
): { document: Record<string, unknown>; plan: JsonArrayPlan; head: Buffer } | null {
  const head = readAt(fd, 0, Math.min(size, SLACK_BYTES));
  const name = `"${key}"`;
  const keyAt = head.indexOf(name);
  const colon = keyAt === -1 ? -1 : head.indexOf(COLON, keyAt);
  const open = colon === -1 ? -1 : head.indexOf(OPEN, colon);
  if (open === -1 || !blank(head, keyAt + Buffer.byteLength(name), colon) || !blank(head, colon + 1, open)) return null;
  // The array closes at the last "]" of the tail; a "]" before it, in an item, is found by the run holding it.
  const tailAt = Math.max(open + 1, size - SLACK_BYTES);
  // A file of SLACK_BYTES or fewer is all in the head: read once.
  const tail = head.length === size ? head.subarray(tailAt) : readAt(fd, tailAt, size - tailAt);
  if (tail.length !== size - tailAt) return null;
  const close = tail.lastIndexOf(CLOSE);
  if (close === -1) return null;
  let document: unknown;
  try {
    document = parse(textOf(head, 0, open + 1) + textOf(tail, close, tail.length));
  } catch {
    return null;
  }
  const emptied = isRecord(document) ? document[key] : undefined;
  if (!isRecord(document) || !Array.isArray(emptied) || emptied.length !== 0) return null;
  // The last item ends at the last "}" before the array closes; none: the array is blank, or the tail too short.
  const last = tail.lastIndexOf(BRACE, close);
  const lastEnd = last === -1 ? -1 : tailAt + last;
  if (last === -1 && (tailAt !== open + 1 || !blank(tail, 0, close))) return null;
  const runs = lastEnd === -1 ? 0 : Math.floor((lastEnd - open - 1) / runBytes) + 1;
  return { document, plan: { open, close: tailAt + close, lastEnd, runs, runBytes }, head };
}
