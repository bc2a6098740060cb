import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { pathToFileURL } from "node:url";
import type { CardFile } from "./collect-card-files.js";
import { crashMessage } from "./crash-message.js";
import { type FileResult, fileResult } from "./file-result.js";
import { LintConfigError } from "./lint-config-error.js";
import { lintFile } from "./lint-file.js";
import type { LintBatch, LintBatchResult } from "./lint-worker-protocol.js";
import type { LintConfig } from "./types.js";
import { unreadableResult } from "./unreadable-result.js";

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
/** Files per batch; a thread hands back what is left of a batch past `BATCH_BYTES` (see lint-worker-protocol). */
const BATCH_FILES = 64;
/** Batches handed out ahead of the oldest unfinished one, per thread: keeps threads busy and memory bounded. */
const BATCHES_AHEAD = 8;

function folderResult(file: CardFile): FileResult | null {
  return file.unreadable === undefined
    ? null
    : unreadableResult(
        file.path,
        `${file.path}: cannot read the folder (${file.unreadable}); its cards were not linted.`,
      );
}

async function lintHere(
  files: Iterable<CardFile> | AsyncIterable<CardFile>,
  options: LintFilesOptions,
): Promise<number> {
  let count = 0;
  for await (const file of files) {
    let result: FileResult | null;
    try {
      result =
        folderResult(file) ??
        (await lintFile(file.path, { config: options.config, fix: options.fix, onlyCards: !file.explicit }));
    } catch (error) {
      // A bad configuration is the caller's to fix; whatever else one card does (a bug reading or fixing it) is
      // that card's message, and the others are linted and reported.
      if (error instanceof LintConfigError) throw error;
      result = fileResult(file.path, [crashMessage(error)]);
    }
    if (result) options.onResult(result);
    count++;
  }
  return count;
}

/**
 * Lints a stream of files, on a pool of worker threads when there are many (`jobs`), reporting each result in
 * input order. Only a bounded window of paths and results is held, however many files there are. A folder that
 * cannot be listed, an unreadable file, an exception thrown on one card and a thread that dies (a custom rule
 * calling `process.exit`) are each reported against their path, and the run goes on.
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

/** The pool's worker module; run from source (tests, benchmarks), threads load TypeScript through tsx. */
async function createPool(jobs: number) {
  const { Piscina } = await import("piscina");
  const fromSource = import.meta.url.endsWith(".ts");
  const filename = new URL(fromSource ? "./lint-worker.ts" : "./lint-worker.js", import.meta.url).href;
  // Node's own flags pass on to the threads, except one that only applies to `node -e` input.
  const execArgv = process.execArgv.filter((flag) => !flag.startsWith("--input-type"));
  if (fromSource) {
    // Node 20 threads ignore `--import tsx`'s hooks for later imports; registering tsx's API in the thread works.
    const api = pathToFileURL(
      createRequire(import.meta.url)
        .resolve("tsx/esm/api")
        .replace(/\.cjs$/, ".mjs"),
    ).href;
    execArgv.push("--import", `data:text/javascript,import { register } from ${JSON.stringify(api)}; register();`);
  }
  return new Piscina<LintBatch, LintBatchResult>({ filename, minThreads: jobs, maxThreads: jobs, execArgv });
}

async function lintInWorkers(
  head: CardFile[],
  iterator: AsyncIterator<CardFile>,
  jobs: number,
  options: LintFilesOptions,
): Promise<number> {
  const { plugins, ...plainConfig } = options.config ?? {};
  const task = (files: CardFile[]): LintBatch => ({
    files,
    config: options.config ? plainConfig : undefined,
    configPath: plugins?.length ? (options.configPath ?? null) : null,
    cwd: options.cwd ?? process.cwd(),
    fix: Boolean(options.fix),
  });
  const pool = await createPool(jobs);
  /**
   * Lints `files` on the pool: what a thread hands back unlinted (past its share of bytes) goes back to the pool
   * as a task of its own. Files whose thread died are linted again one per task, so that the death is told
   * against its file.
   */
  const runFiles = async (files: CardFile[]): Promise<LintBatchResult> => {
    try {
      const results = await pool.run(task(files));
      return results.length < files.length ? [...results, ...(await runFiles(files.slice(results.length)))] : results;
    } catch (error) {
      if (files.length > 1) return (await Promise.all(files.map((file) => runFiles([file])))).flat();
      const path = files[0]?.path ?? "";
      const reason = error instanceof Error ? error.message : String(error);
      const message = `${path}: the lint thread stopped on this card (${reason}); a custom rule may have called process.exit.`;
      return [unreadableResult(path, message)];
    }
  };
  /** A folder that could not be listed is told in its place among the files. */
  const runBatch = async (batch: CardFile[]): Promise<LintBatchResult> => {
    const files = batch.filter((file) => file.unreadable === undefined);
    const results = files.length > 0 ? await runFiles(files) : [];
    let next = 0;
    return batch.map((file) => folderResult(file) ?? results[next++] ?? null);
  };

  const pending = [...head];
  let exhausted = false;
  const takeBatch = async (): Promise<CardFile[]> => {
    const batch: CardFile[] = [];
    while (batch.length < BATCH_FILES) {
      let file = pending.shift();
      if (!file && !exhausted) {
        const next = await iterator.next();
        if (next.done) exhausted = true;
        else file = next.value;
      }
      if (!file) break;
      batch.push(file);
    }
    return batch;
  };

  // Batches run in parallel; results are reported in order, each as soon as all before it are in.
  const inFlight: Promise<LintBatchResult>[] = [];
  let count = 0;
  const reportOldest = async () => {
    for (const result of (await inFlight.shift()) ?? []) if (result) options.onResult(result);
  };
  try {
    for (;;) {
      const batch = await takeBatch();
      if (batch.length === 0) break;
      count += batch.length;
      inFlight.push(runBatch(batch));
      if (inFlight.length >= jobs * BATCHES_AHEAD) await reportOldest();
    }
    while (inFlight.length > 0) await reportOldest();
  } finally {
    await pool.destroy();
  }
  return count;
}
