import { isAscii } from "node:buffer";
import { jsonArrayText } from "./json-array-text.js";
import { type LogChunk, reduceLogEntries } from "./reduce-log-entries.js";
import { type LogWorker, SCRATCH_BYTES } from "./start-log-worker.js";

/**
 * Parses and reduces the runs of `log_history` items that splitJsonArray cut into LogChunks, in order. With a worker, this thread claims runs from the first one up and the worker from the last one down;
 * a run the worker could not parse (Python's NaN) is parsed here with `parse`, and if the worker fails, this
 * thread reads its runs too. Null, after stopping the worker, when a run fails `parse`: the caller then parses
 * the whole file.
 */
export async function readLogChunks(
  bytes: Buffer,
  cuts: number[],
  parse: (json: string) => unknown,
  worker: LogWorker | null = null,
): Promise<LogChunk[] | null> {
  const count = cuts.length / 2;
  const scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
  const read = (index: number): LogChunk | null => {
    try {
      return reduceLogEntries(
        parse(jsonArrayText(bytes, cuts[2 * index] ?? 0, cuts[2 * index + 1] ?? 0, isAscii, scratch)) as unknown[],
      );
    } catch {
      return null;
    }
  };
  const claims = worker && count > 1 ? new Int32Array(new SharedArrayBuffer(4 * count)) : null;
  if (claims) worker?.post({ bytes, cuts, claims });
  const chunks: LogChunk[] = [];
  try {
    let index = 0;
    for (; index < count; index++) {
      if (claims && Atomics.compareExchange(claims, index, 0, 1) !== 0) break;
      const chunk = read(index);
      if (!chunk) return null;
      chunks.push(chunk);
    }
    if (index === count) return chunks;
    const theirs = new Map((await worker?.results.catch(() => []))?.map((result) => [result.index, result.chunk]));
    for (; index < count; index++) {
      const chunk = theirs.get(index) ?? read(index);
      if (!chunk) return null;
      chunks.push(chunk);
    }
    return chunks;
  } finally {
    worker?.stop();
  }
}
