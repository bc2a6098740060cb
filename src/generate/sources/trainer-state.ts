import { type FileHandle, open } from "node:fs/promises";
import { join } from "node:path";
import type { InputWarning, SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { numberField } from "./number-field.js";
import { type JsonObject, nonFiniteNote, readJsonFile } from "./read-json-file.js";
import { readLogChunks } from "./read-log-chunks.js";
import { rewriteNonFinite } from "./rewrite-non-finite.js";
import { splitJsonArray } from "./split-json-array.js";
import { type LogWorker, startLogWorker } from "./start-log-worker.js";
import { stringField } from "./string-field.js";
import { collectTrainingLog, type LogEntry, type TrainingLog } from "./training-log.js";

export const TRAINER_STATE_FILE = "trainer_state.json";

export interface TrainerStateFacts {
  values: InputValues;
  log: TrainingLog;
  /** The last evaluation's `eval_*` metrics. */
  evalMetrics: Record<string, number>;
  globalStep?: number;
  totalFlos?: number;
  bestModelCheckpoint?: string;
}

function evalMetricsOf(entry: LogEntry | null): Record<string, number> {
  return Object.fromEntries(Object.entries(entry ?? {}).filter(([key]) => key.startsWith("eval_")));
}

/** From this size on (about 55,000 log entries), a worker thread reads the end of log_history (see readLogChunks). */
export const LOG_WORKER_BYTES = 8 << 20;

/**
 * The file's bytes, read in one call; for a file of LOG_WORKER_BYTES or more, in memory a worker can share, with
 * the worker started before the read so that its start-up overlaps it. Null when it cannot be read.
 */
async function readBytes(path: string): Promise<{ bytes: Buffer; worker: LogWorker | null } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch {
    return null;
  }
  let worker: LogWorker | null = null;
  try {
    const { size } = await handle.stat();
    worker = size >= LOG_WORKER_BYTES ? startLogWorker() : null;
    const bytes = worker ? Buffer.from(new SharedArrayBuffer(size)) : Buffer.allocUnsafe(size);
    let length = 0;
    while (length < size) {
      const { bytesRead } = await handle.read(bytes, length, size - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { bytes: bytes.subarray(0, length), worker };
  } catch {
    worker?.stop();
    return null;
  } finally {
    await handle.close();
  }
}

/**
 * Reads the file with its log_history a run of items at a time into a TrainingLog (see splitJsonArray and
 * readLogChunks); a file of another shape, or a corrupt one, goes through readJsonFile, whole, for the same
 * result or the same warning.
 */
async function readState(directory: string): Promise<SourceReading<{ json: JsonObject; log: TrainingLog }>> {
  // readJsonFile below says why the file cannot be read, or nothing for an absent file.
  const file = await readBytes(join(directory, TRAINER_STATE_FILE));
  if (file) {
    let nonFinite = 0;
    // A run that JSON.parse refuses is tried again with Python's NaN and Infinity read as null: a clean log
    // (the usual case) costs no extra pass over its 28 MB.
    const parse = (json: string) => {
      try {
        return JSON.parse(json);
      } catch {
        const rewrite = rewriteNonFinite(json);
        nonFinite += rewrite.nonFinite;
        return JSON.parse(rewrite.text);
      }
    };
    const split = splitJsonArray(file.bytes, "log_history", parse);
    if (!split) file.worker?.stop();
    const chunks = split && (await readLogChunks(file.bytes, split.cuts, parse, file.worker));
    if (split && chunks) {
      const warnings: InputWarning[] = [];
      if (nonFinite > 0) warnings.push(nonFiniteNote(TRAINER_STATE_FILE, nonFinite));
      return { facts: { json: split.document, log: collectTrainingLog().merge(...chunks).log }, warnings };
    }
  }
  const { facts: json, warnings } = await readJsonFile(directory, TRAINER_STATE_FILE);
  if (!json) return { facts: null, warnings };
  const raw = json.log_history;
  if (raw !== undefined && !Array.isArray(raw)) {
    warnings.push({
      code: "unexpected-shape",
      file: TRAINER_STATE_FILE,
      message: "log_history is not a list; the training results table and curves were skipped",
    });
  }
  return { facts: { json, log: collectTrainingLog().add(Array.isArray(raw) ? raw : []).log }, warnings };
}

/** transformers' `trainer_state.json`: the log history, the last losses, batch size and epochs. */
export async function readTrainerState(directory: string): Promise<SourceReading<TrainerStateFacts>> {
  const { facts, warnings } = await readState(directory);
  if (!facts) return { facts: null, warnings };
  const { json, log } = facts;
  if (log.skipped > 0) {
    warnings.push({
      code: "unexpected-shape",
      file: TRAINER_STATE_FILE,
      message: `${log.skipped} log_history entries have no step; they were skipped`,
    });
  }
  return {
    facts: {
      values: {
        "batch-size": numberField(json, "train_batch_size"),
        "max-epochs": numberField(json, "num_train_epochs"),
        "training-loss": log.summary ? log.summary.train_loss : log.lastLoss?.loss,
        "validation-loss": log.lastEval?.eval_loss,
        "trainer-type": log.tokenAccuracy ? "SFTTrainer" : undefined,
      },
      log,
      evalMetrics: evalMetricsOf(log.lastEval),
      globalStep: numberField(json, "global_step"),
      totalFlos: numberField(json, "total_flos"),
      bestModelCheckpoint: stringField(json, "best_model_checkpoint"),
    },
    warnings,
  };
}
