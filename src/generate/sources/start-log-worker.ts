import { Worker } from "node:worker_threads";
import { jsonArrayText } from "./json-array-text.js";
import { type LogChunk, numericFields, reduceLogEntries } from "./reduce-log-entries.js";
import { CHUNK_BYTES } from "./split-json-array.js";

/** What the worker is given: the file's bytes and the runs of items (see splitJsonArray), both shared. */
/** Room for a run of CHUNK_BYTES and the item that ends it. */
export const SCRATCH_BYTES = 2 * CHUNK_BYTES;

export interface LogJob {
  /** Backed by a SharedArrayBuffer: both threads read the same memory. */
  bytes: Uint8Array;
  cuts: number[];
  /** One slot per run: 0 while unclaimed, then 1 (this thread) or 2 (the worker), set with compareExchange. */
  claims: Int32Array;
}

/** A run the worker read: null when JSON.parse refused it (Python's NaN, or a corrupt file: the caller decides). */
export type LogJobResult = { index: number; chunk: LogChunk | null }[];

export interface LogWorker {
  post(job: LogJob): void;
  /** The worker's runs, once it has claimed no more; rejects if the thread failed. */
  results: Promise<LogJobResult>;
  stop(): void;
}

/**
 * The worker's side: claims runs from the last one down (this thread claims from the first one up, they meet
 * somewhere, the sooner the worker starts the later), parses and reduces each, and posts them back, the loss
 * columns transferred, not copied. Self-contained, everything it uses passed in: its source is the worker's.
 */
function serveLogChunks(
  threads: typeof import("node:worker_threads"),
  buffer: typeof import("node:buffer"),
  arrayText: typeof jsonArrayText,
  reduce: typeof reduceLogEntries,
  numeric: typeof numericFields,
  scratchBytes: number,
): void {
  threads.parentPort?.once("message", ({ bytes, cuts, claims }: LogJob) => {
    const shared = buffer.Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const scratch = buffer.Buffer.allocUnsafe(scratchBytes);
    const results: LogJobResult = [];
    const transfer: ArrayBuffer[] = [];
    for (let index = cuts.length / 2 - 1; index >= 0; index--) {
      if (Atomics.compareExchange(claims, index, 0, 2) !== 0) break;
      let chunk: LogChunk | null = null;
      try {
        const start = cuts[2 * index] ?? 0;
        const items = JSON.parse(arrayText(shared, start, cuts[2 * index + 1] ?? 0, buffer.isAscii, scratch));
        chunk = reduce(items, numeric);
        transfer.push(chunk.lossSteps.buffer as ArrayBuffer, chunk.lossValues.buffer as ArrayBuffer);
      } catch {
        // Left to the other thread, which reads Python's NaN and names the byte where a corrupt file breaks.
      }
      results.push({ index, chunk });
    }
    threads.parentPort?.postMessage(results, transfer);
  });
}

/**
 * Starts a thread that reads the end of a long `log_history` while this one reads its start (see readLogChunks).
 * The thread runs plain JavaScript made from the sources of serveLogChunks, jsonArrayText and reduceLogEntries,
 * so it needs no TypeScript loader when run from source and no file of its own in the bundle; it starts in
 * tens of milliseconds, overlapping the read of the file.
 */
export function startLogWorker(): LogWorker {
  const source = `(${serveLogChunks.toString()})(require("node:worker_threads"), require("node:buffer"), ${jsonArrayText.toString()}, ${reduceLogEntries.toString()}, ${numericFields.toString()}, ${SCRATCH_BYTES});`;
  // No flags passed on: a TypeScript loader's would cost the thread hundreds of milliseconds and serve nothing.
  const worker = new Worker(source, { eval: true, execArgv: [] });
  const results = new Promise<LogJobResult>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the log worker exited without an answer")));
  });
  // Never awaited when this thread read every run itself.
  results.catch(() => {});
  return {
    post: (job) => worker.postMessage(job),
    results,
    stop: () => void worker.terminate(),
  };
}
