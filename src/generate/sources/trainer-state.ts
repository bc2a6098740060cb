import { readSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { join } from "node:path";
import type { SourceReading } from "../facts.js";
import type { InputFieldName, InputValues } from "../input-fields.js";
import type { ReadSync } from "./json-array-run.js";
import { numberField } from "./number-field.js";
import { planJsonArray } from "./plan-json-array.js";
import { type JsonObject, nonFiniteNote, readJsonFile } from "./read-json-file.js";
import { readLogChunks } from "./read-log-chunks.js";
import { rewriteNonFinite } from "./rewrite-non-finite.js";
import { type LogWorker, startLogWorker } from "./start-log-worker.js";
import { stringField } from "./string-field.js";
import { collectTrainingLog, type LogEntry, type TrainingLog } from "./training-log.js";

export const TRAINER_STATE_FILE = "trainer_state.json";

export interface TrainerStateFacts {
  values: InputValues;
  log: TrainingLog;
  /** The last evaluation's `eval_*` metrics. */
  evalMetrics: Record<string, number>;
  /** How a value that the file does not name was inferred from it, by field (`trainer-type`). */
  inferred: Partial<Record<InputFieldName, string>>;
  /** The epoch the training reached: the file's `epoch`, else the last one its log_history names. */
  epochsTrained?: number;
  globalStep?: number;
  totalFlos?: number;
  bestModelCheckpoint?: string;
}

function evalMetricsOf(entry: LogEntry | null): Record<string, number> {
  return Object.fromEntries(Object.entries(entry ?? {}).filter(([key]) => key.startsWith("eval_")));
}

/** The highest epoch among the log's last entries (the summary, the last loss, the last evaluation). */
function lastEpoch(log: TrainingLog): number | undefined {
  const epochs = [log.summary, log.lastLoss, log.lastEval].flatMap((entry) =>
    typeof entry?.epoch === "number" ? [entry.epoch] : [],
  );
  return epochs.length > 0 ? Math.max(...epochs) : undefined;
}

const optional = <Key extends string, Value>(key: Key, value: Value | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<Key, Value>>;

/** From this size on (about 55,000 log entries), a worker thread reads the end of log_history (see readLogChunks). */
export const LOG_WORKER_BYTES = 8 << 20;

/**
 * Reads the file's log_history a run of items at a time into a TrainingLog (see planJsonArray and
 * readLogChunks), with a worker thread from LOG_WORKER_BYTES on, started first so that its start-up overlaps
 * this thread's reading. Null when the file cannot be read that way (absent, unreadable, of another shape,
 * corrupt, or changed while it was read): readJsonFile then reads it whole, for the same result or the warning
 * that says why.
 */
async function readInRuns(path: string): Promise<{ json: JsonObject; log: TrainingLog; nonFinite: number } | null> {
  let handle: FileHandle;
  try {
    handle = await open(path, "r");
  } catch {
    return null;
  }
  let worker: LogWorker | null = null;
  try {
    const before = await handle.stat();
    try {
      worker = before.size >= LOG_WORKER_BYTES ? startLogWorker() : null;
    } catch {
      // No thread to be had: this one reads every run.
    }
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
    const planned = planJsonArray(handle.fd, before.size, "log_history", parse);
    if (!planned) return null;
    // A short file was read whole with the head: its runs are copied from there, and it cannot change meanwhile.
    const { head } = planned;
    const whole = head.length === before.size;
    const fromHead: ReadSync = (_fd, buffer, offset, length, position) =>
      head.copy(buffer, offset, position, position + length);
    const chunks = await readLogChunks(handle.fd, planned.plan, parse, worker, whole ? fromHead : readSync);
    worker = null;
    const after = whole ? before : await handle.stat();
    if (!chunks || after.size !== before.size || after.mtimeMs !== before.mtimeMs) return null;
    return { json: planned.document, log: collectTrainingLog().merge(...chunks).log, nonFinite };
  } catch {
    return null;
  } finally {
    // readLogChunks stops the worker it is given; one never given is stopped here, before the file closes.
    if (worker) await worker.stop();
    await handle.close();
  }
}

/** Reads the file in runs (see readInRuns), else whole (readJsonFile), for the same result or the same warning. */
async function readState(directory: string): Promise<SourceReading<{ json: JsonObject; log: TrainingLog }>> {
  const inRuns = await readInRuns(join(directory, TRAINER_STATE_FILE));
  if (inRuns) {
    const { nonFinite, ...facts } = inRuns;
    return { facts, warnings: nonFinite > 0 ? [nonFiniteNote(TRAINER_STATE_FILE, nonFinite)] : [] };
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
      inferred: log.tokenAccuracy
        ? {
            "trainer-type":
              "which names no trainer: its log_history logs mean_token_accuracy with the training loss, as only TRL's SFTTrainer does",
          }
        : {},
      ...optional("epochsTrained", numberField(json, "epoch") ?? lastEpoch(log)),
      log,
      evalMetrics: evalMetricsOf(log.lastEval),
      globalStep: numberField(json, "global_step"),
      totalFlos: numberField(json, "total_flos"),
      bestModelCheckpoint: stringField(json, "best_model_checkpoint"),
    },
    warnings,
  };
}
