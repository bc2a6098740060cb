import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { CardFile } from "./collect-card-files.js";
import type { FileResult } from "./file-result.js";
import { lintFile } from "./lint-file.js";
import type { LintWorkerData, LintWorkerRequest, LintWorkerResponse } from "./lint-worker-protocol.js";
import type { LintConfig } from "./types.js";

export interface LintFilesOptions {
  /** The configuration (as `loadLintConfig` returns it). */
  config?: LintConfig;
  /** Its file, which worker threads load again when it has custom rules (code cannot be sent to a thread). */
  configPath?: string | null;
  cwd?: string;
  fix?: boolean;
  /** Worker threads; default: one per core. 1 lints in this thread. */
  jobs?: number;
  /** Called once per linted file, in the order of `files` (files a folder holds that are not cards are skipped). */
  onResult: (result: FileResult) => void;
}

/** Below this many files, starting threads costs more than it saves. */
const WORKER_THRESHOLD = 256;
const BATCH_SIZE = 64;
/** Batches sent ahead of the oldest unfinished one, per worker: keeps workers busy and memory bounded. */
const BATCHES_AHEAD = 16;

/** The worker thread's entry; run from source (tests, benchmarks through tsx), it first registers tsx's loader. */
function startWorker(workerData: LintWorkerData): Worker {
  // Node's own flags pass on to the threads, except one that only applies to `node -e` input.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
  const script = new URL(import.meta.url.endsWith(".ts") ? "./lint-worker.ts" : "./lint-worker.js", import.meta.url);
  if (!import.meta.url.endsWith(".ts")) return new Worker(script, { workerData, execArgv });
  const api = createRequire(import.meta.url)
    .resolve("tsx/esm/api")
    .replace(/\.cjs$/, ".mjs");
  const bootstrap = `import(${JSON.stringify(pathToFileURL(api).href)}).then(({ register }) => { register(); return import(${JSON.stringify(script.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv });
}

async function lintHere(
  files: Iterable<CardFile> | AsyncIterable<CardFile>,
  options: LintFilesOptions,
): Promise<number> {
  let count = 0;
  for await (const file of files) {
    const result = await lintFile(file.path, { config: options.config, fix: options.fix, onlyCards: !file.explicit });
    if (result) options.onResult(result);
    count++;
  }
  return count;
}

/**
 * Lints a stream of files, in worker threads when there are many (`jobs`), reporting each result in input
 * order. Only a bounded window of paths and results is held, however many files there are.
 */
export async function lintFiles(files: AsyncIterable<CardFile>, options: LintFilesOptions): Promise<number> {
  const iterator = files[Symbol.asyncIterator]();
  const head: CardFile[] = [];
  let done = false;
  while (head.length < WORKER_THRESHOLD) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
  }
  const customRules = (options.config?.plugins?.length ?? 0) > 0;
  // Custom rules given as code, with no file to load them from, can only run in this thread.
  const jobs = customRules && !options.configPath ? 1 : Math.max(1, options.jobs ?? availableParallelism());
  const rest: AsyncIterable<CardFile> = { [Symbol.asyncIterator]: () => iterator };
  if (done || jobs === 1) return (await lintHere(head, options)) + (done ? 0 : await lintHere(rest, options));
  return lintInWorkers(head, iterator, jobs, options);
}

async function lintInWorkers(
  head: CardFile[],
  iterator: AsyncIterator<CardFile>,
  jobs: number,
  options: LintFilesOptions,
): Promise<number> {
  const { plugins, ...plainConfig } = options.config ?? {};
  const workerData: LintWorkerData = {
    config: options.config ? plainConfig : undefined,
    configPath: plugins?.length ? (options.configPath ?? null) : null,
    cwd: options.cwd ?? process.cwd(),
    fix: Boolean(options.fix),
  };
  const workers = Array.from({ length: jobs }, () => startWorker(workerData));
  const finished = new Map<number, (FileResult | null)[]>();
  let nextBatch = 0;
  let nextToReport = 0;
  let count = 0;
  let exhausted = false;
  const pending = head;

  const takeBatch = async (): Promise<CardFile[]> => {
    const batch = pending.splice(0, BATCH_SIZE);
    while (batch.length < BATCH_SIZE && !exhausted) {
      const next = await iterator.next();
      if (next.done) exhausted = true;
      else batch.push(next.value);
    }
    return batch;
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const idle: Worker[] = [];
      let inFlight = 0;
      let feeding = false;

      const report = () => {
        for (let results = finished.get(nextToReport); results; results = finished.get(nextToReport)) {
          finished.delete(nextToReport++);
          for (const result of results) if (result) options.onResult(result);
          count += results.length;
        }
      };
      const feed = async () => {
        if (feeding) return;
        feeding = true;
        try {
          while (idle.length > 0 && nextBatch - nextToReport < jobs * BATCHES_AHEAD) {
            const files = await takeBatch();
            if (files.length === 0) break;
            const worker = idle.pop()!;
            inFlight++;
            worker.postMessage({ id: nextBatch++, files } satisfies LintWorkerRequest);
          }
          if (inFlight === 0 && exhausted && pending.length === 0) resolve();
        } catch (error) {
          reject(error);
        } finally {
          feeding = false;
        }
      };
      for (const worker of workers) {
        worker.on("error", reject);
        worker.on("message", (message: LintWorkerResponse | { ready: true }) => {
          if ("results" in message) {
            inFlight--;
            finished.set(message.id, message.results);
            report();
          }
          // Two batches per worker: one to work on, one waiting, so that no worker waits for the main thread.
          idle.push(worker);
          if (!("results" in message)) idle.push(worker);
          void feed();
        });
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return count;
}
