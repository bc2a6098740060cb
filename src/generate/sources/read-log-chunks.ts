import { isAscii } from "node:buffer";
import { readSync } from "node:fs";
import { jsonArrayRun, type ReadSync } from "./json-array-run.js";
import { type JsonArrayPlan, SLACK_BYTES } from "./plan-json-array.js";
import { type LogChunk, reduceLogEntries } from "./reduce-log-entries.js";
import type { LogWorker } from "./start-log-worker.js";

/**
 * Reads, parses and reduces the runs of `log_history` items that planJsonArray planned into LogChunks, in
 * order. With a worker, this thread claims runs from the first one up and the worker from the last one down; a
 * run the worker could not parse (Python's NaN) is parsed here with `parse`, and if the worker fails, this
 * thread reads its runs too. `read` reads the file: node:fs's readSync, or a copy from bytes already read. Null,
 * once the worker has stopped, when a run cannot be cut cleanly or fails `parse`: the caller then parses the
 * whole file.
 */
export async function readLogChunks(
  fd: number,
  plan: JsonArrayPlan,
  parse: (json: string) => unknown,
  worker: LogWorker | null = null,
  read: ReadSync = readSync,
): Promise<LogChunk[] | null> {
  const count = plan.runs;
  // Room for a run and the slack past it, or for the whole array when that is less.
  const scratch = Buffer.allocUnsafe(Math.min(plan.runBytes + SLACK_BYTES, plan.close - plan.open) + 2);
  const chunkAt = (index: number): LogChunk | null => {
    try {
      const text = jsonArrayRun(fd, plan, index, scratch, read, isAscii);
      return text === null ? null : reduceLogEntries(parse(text) as unknown[]);
    } catch {
      return null;
    }
  };
  const claims = worker && count > 1 ? new Int32Array(new SharedArrayBuffer(4 * count)) : null;
  if (claims) worker?.post({ fd, plan, claims });
  const chunks: LogChunk[] = [];
  let done = false;
  try {
    let index = 0;
    for (; index < count; index++) {
      if (claims && Atomics.compareExchange(claims, index, 0, 1) !== 0) break;
      const chunk = chunkAt(index);
      if (!chunk) return null;
      chunks.push(chunk);
    }
    if (index < count) {
      const theirs = new Map((await worker?.results.catch(() => []))?.map((result) => [result.index, result.chunk]));
      for (; index < count; index++) {
        const chunk = theirs.get(index) ?? chunkAt(index);
        if (!chunk) return null;
        chunks.push(chunk);
      }
    }
    done = true;
    return chunks;
  } finally {
    // Stopped before the caller closes the file: a worker given up on may be reading it.
    if (done) worker?.stop();
    else await worker?.stop();
  }
}
