import type { JsonArrayPlan } from "./plan-json-array.js";

/** node:fs's readSync, as jsonArrayRun calls it. */
export type ReadSync = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) => number;

/**
 * Run `index` of the array that planJsonArray planned, as the text of a JSON array (`"[" + items + "]"`), read
 * from the file into `scratch` (room for `plan.runBytes`, the slack past it and two more bytes, or for the whole
 * array and two): it starts after the comma
 * that follows the first `}` at or after `open + 1 + index * runBytes` (the array's start for run 0) and ends
 * with the first `}` at or after the next run's nominal start (at the array's close for the last). So either
 * thread finds any run's bounds alone, runs follow one another without a gap or an overlap, and a run is empty
 * ("[]") when an item spans its whole length. What lies between two runs must be JSON whitespace and one comma,
 * and a run holds no `]` (the array would close in it): else, or when an item reaches past the slack, null, and
 * the caller parses the whole file. A cut that falls inside an item (one holding an object, or a string with
 * braces) leaves a run that JSON.parse refuses. Read as Latin-1 where every byte is ASCII (the same text, copied
 * about five times faster than UTF-8 is decoded), else as UTF-8. Self-contained, `readSync` and `isAscii` passed
 * in (node:fs's and node:buffer's): its source is also what a worker thread runs (see startLogWorker).
 */
export function jsonArrayRun(
  fd: number,
  plan: JsonArrayPlan,
  index: number,
  scratch: Buffer,
  readSync: ReadSync,
  isAscii: (bytes: Uint8Array) => boolean,
): string | null {
  const { open, close, lastEnd, runs, runBytes } = plan;
  const from = open + 1 + index * runBytes;
  const next = index + 1 < runs ? from + runBytes : -1;
  // The bytes from `from` on, at scratch[1] on (scratch[0] is for a "["), as far as the run can reach: the
  // slack (the scratch's room past runBytes) beyond the next run's nominal start, or the array's close.
  const length = Math.min(close, next === -1 ? close : next + (scratch.length - 2 - runBytes)) - from;
  if (length + 2 > scratch.length) return null;
  let read = 0;
  while (read < length) {
    const count = readSync(fd, scratch, 1 + read, length - read, from + read);
    if (count === 0) return null;
    read += count;
  }
  const at = (position: number) => 1 + position - from;
  let start = from;
  if (index > 0) {
    const brace = scratch.indexOf(0x7d, at(from));
    if (brace === -1 || brace >= at(from) + length) return null;
    if (brace - 1 + from >= lastEnd) return "[]";
    // JSON whitespace, then the comma between two items.
    let gap = brace + 1;
    for (; gap < 1 + length; gap++) {
      const byte = scratch[gap];
      if (byte === 0x2c) break;
      if (byte !== 0x20 && byte !== 0x0a && byte !== 0x0d && byte !== 0x09) return null;
    }
    if (gap === 1 + length) return null;
    start = gap + from;
  }
  let end = close;
  if (next !== -1) {
    const brace = scratch.indexOf(0x7d, at(next));
    if (brace === -1 || brace >= 1 + length) return null;
    if (brace - 1 + from < lastEnd) end = brace + from;
  }
  if (at(end) > 1 + length) return null;
  if (start >= end) return "[]";
  if (scratch.subarray(at(start), at(end)).indexOf(0x5d) !== -1) return null;
  scratch[at(start) - 1] = 0x5b;
  scratch[at(end)] = 0x5d;
  const ascii = isAscii(scratch.subarray(at(start), at(end)));
  return scratch.toString(ascii ? "latin1" : "utf8", at(start) - 1, at(end) + 1);
}
