import { Worker } from "node:worker_threads";
import { jsonArrayRun } from "./json-array-run.js";
import { type JsonArrayPlan, SLACK_BYTES } from "./plan-json-array.js";
import { type LogChunk, type LogEntry, numericFields, reduceLogEntries } from "./reduce-log-entries.js";

/** What the worker is given: the open file (descriptors are the process's) and its plan (see planJsonArray). */
export interface LogJob {
  fd: number;
  plan: JsonArrayPlan;
  /** One slot per run: 0 while unclaimed, then 1 (this thread) or 2 (the worker), set with compareExchange. */
  claims: Int32Array;
}

/** A run the worker read: null when JSON.parse refused it (Python's NaN, or a corrupt file: the caller decides). */
export type LogJobResult = { index: number; chunk: LogChunk | null }[];

/**
 * A LogChunk as the worker posts it: its entries (the marks' and the last loss) in columns, key lists apart,
 * so that this thread receives a few arrays of bytes rather than thousands of objects to rebuild one property at
 * a time (a 200,000-entry log has some 10,000 evaluations).
 */
interface PackedLogChunk extends Omit<LogChunk, "marks" | "lastLoss"> {
  markLosses: Int32Array;
  /** 1: an evaluation, 2: the summary, 3: both. */
  markKinds: Uint8Array;
  /** The entries' key lists; each entry's index into them; all their values, one entry after the other. */
  shapes: string[][];
  shapeOf: Int32Array;
  values: Float64Array;
  lastLoss: boolean;
}

/** Packs a chunk (see PackedLogChunk). Self-contained, with loops only: its source runs in the worker. */
function packLogChunk(chunk: LogChunk): PackedLogChunk {
  const { marks, lastLoss, ...columns } = chunk;
  const entries: LogEntry[] = [];
  const markLosses = new Int32Array(marks.length);
  const markKinds = new Uint8Array(marks.length);
  for (let index = 0; index < marks.length; index++) {
    const mark = marks[index] as LogChunk["marks"][number];
    entries.push(mark.entry);
    markLosses[index] = mark.losses;
    markKinds[index] = (mark.evaluation ? 1 : 0) | (mark.summary ? 2 : 0);
  }
  if (lastLoss) entries.push(lastLoss);
  const shapes: string[][] = [];
  const shapeOf = new Int32Array(entries.length);
  const values: number[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as LogEntry;
    const keys = Object.keys(entry);
    let shape = -1;
    // Almost always the shape of the entry before, or of one a few back.
    for (let known = shapes.length - 1; known >= 0 && shape === -1; known--) {
      const other = shapes[known] as string[];
      let same = other.length === keys.length;
      for (let key = 0; same && key < keys.length; key++) same = other[key] === keys[key];
      if (same) shape = known;
    }
    if (shape === -1) shape = shapes.push(keys) - 1;
    shapeOf[index] = shape;
    for (const key of keys) values.push(entry[key] as number);
  }
  return {
    ...columns,
    markLosses,
    markKinds,
    shapes,
    shapeOf,
    values: Float64Array.from(values),
    lastLoss: !!lastLoss,
  };
}

/** The LogChunk that packLogChunk packed. */
function unpackLogChunk(packed: PackedLogChunk): LogChunk {
  const { markLosses, markKinds, shapes, shapeOf, values, lastLoss, ...columns } = packed;
  const entries: LogEntry[] = [];
  let at = 0;
  for (const shape of shapeOf) {
    const entry: LogEntry = {};
    for (const key of shapes[shape] ?? []) {
      const value = values[at++] as number;
      // An own property, as JSON.parse makes it, even under this name.
      if (key === "__proto__")
        Object.defineProperty(entry, key, { value, enumerable: true, writable: true, configurable: true });
      else entry[key] = value;
    }
    entries.push(entry);
  }
  const marks = Array.from(markLosses, (losses, index) => ({
    losses,
    entry: entries[index] as LogEntry,
    evaluation: ((markKinds[index] ?? 0) & 1) !== 0,
    summary: ((markKinds[index] ?? 0) & 2) !== 0,
  }));
  return { ...columns, marks, lastLoss: lastLoss ? (entries.at(-1) ?? null) : null };
}

export interface LogWorker {
  post(job: LogJob): void;
  /** The worker's runs, once it has claimed no more; rejects if the thread failed. */
  results: Promise<LogJobResult>;
  /** Resolves once the thread has stopped. */
  stop(): Promise<void>;
}

/**
 * The worker's side: claims runs from the last one down (this thread claims from the first one up, they meet
 * somewhere, the sooner the worker starts the later), parses and reduces each, and posts them back, the loss
 * columns transferred, not copied. Self-contained, everything it uses passed in: its source is the worker's.
 */
function serveLogChunks(
  threads: typeof import("node:worker_threads"),
  buffer: typeof import("node:buffer"),
  fs: typeof import("node:fs"),
  arrayRun: typeof jsonArrayRun,
  reduce: typeof reduceLogEntries,
  numeric: typeof numericFields,
  pack: typeof packLogChunk,
  slackBytes: number,
): void {
  threads.parentPort?.once("message", ({ fd, plan, claims }: LogJob) => {
    const scratch = buffer.Buffer.allocUnsafe(plan.runBytes + slackBytes + 2);
    const results: { index: number; chunk: PackedLogChunk | null }[] = [];
    const transfer: ArrayBuffer[] = [];
    for (let index = plan.runs - 1; index >= 0; index--) {
      if (Atomics.compareExchange(claims, index, 0, 2) !== 0) break;
      let chunk: PackedLogChunk | null = null;
      try {
        const text = arrayRun(fd, plan, index, scratch, fs.readSync, buffer.isAscii);
        chunk = text === null ? null : pack(reduce(JSON.parse(text), numeric));
        for (const column of chunk ? [chunk.lossSteps, chunk.lossValues, chunk.markLosses, chunk.markKinds] : []) {
          transfer.push(column.buffer as ArrayBuffer);
        }
        if (chunk) transfer.push(chunk.shapeOf.buffer as ArrayBuffer, chunk.values.buffer as ArrayBuffer);
      } catch {
        // Left to the other thread, which reads Python's NaN, or gives up for a whole parse that names the byte
        // where a corrupt file breaks.
      }
      results.push({ index, chunk });
    }
    threads.parentPort?.postMessage(results, transfer);
  });
}

/**
 * Starts a thread that reads the end of a long `log_history` while this one reads its start (see readLogChunks).
 * The thread runs plain JavaScript made from the sources of serveLogChunks and the functions it is passed,
 * so it needs no TypeScript loader when run from source and no file of its own in the bundle; it starts in
 * tens of milliseconds, overlapping the read of the file.
 */
export function startLogWorker(): LogWorker {
  const functions = [jsonArrayRun, reduceLogEntries, numericFields, packLogChunk].map(String).join(", ");
  // Run from source, tsx's esbuild keeps the names of inner functions with a `__name` helper of the module's,
  // which is not in the functions' source: the worker has its own.
  const source = `const __name = (target) => target;
(${String(serveLogChunks)})(require("node:worker_threads"), require("node:buffer"), require("node:fs"), ${functions}, ${SLACK_BYTES});`;
  // No flags passed on: a TypeScript loader's would cost the thread hundreds of milliseconds and serve nothing.
  const worker = new Worker(source, { eval: true, execArgv: [] });
  const results = new Promise<LogJobResult>((resolve, reject) => {
    worker.once("message", (results: { index: number; chunk: PackedLogChunk | null }[]) =>
      resolve(results.map(({ index, chunk }) => ({ index, chunk: chunk && unpackLogChunk(chunk) }))),
    );
    worker.once("error", reject);
    worker.once("exit", () => reject(new Error("the log worker exited without an answer")));
  });
  // Never awaited when this thread read every run itself.
  results.catch(() => {});
  return {
    post: (job) => worker.postMessage(job),
    results,
    stop: () => worker.terminate().then(() => {}),
  };
}
