/**
 * `"[" + bytes[start, end) + "]"` as text, for JSON.parse of a run of array items: copied with its brackets
 * into `scratch` (or a buffer of its own if it is longer), then read as Latin-1 where every byte is ASCII (the
 * same text, copied about five times faster than UTF-8 is decoded), else as UTF-8. One string on the heap,
 * where a concatenation would make two. Self-contained, with `isAscii` (node:buffer's) passed in: its source is
 * also what a worker thread runs (see startLogWorker).
 */
export function jsonArrayText(
  bytes: Buffer,
  start: number,
  end: number,
  isAscii: (bytes: Uint8Array) => boolean,
  scratch: Buffer,
): string {
  const length = end - start + 2;
  const text = length <= scratch.length ? scratch : Buffer.allocUnsafe(length);
  text[0] = 0x5b;
  bytes.copy(text, 1, start, end);
  text[length - 1] = 0x5d;
  return text.toString(isAscii(bytes.subarray(start, end)) ? "latin1" : "utf8", 0, length);
}
