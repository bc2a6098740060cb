import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InputWarning, SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { numberField } from "./number-field.js";
import { parseArrayInChunks } from "./parse-array-in-chunks.js";
import { type JsonObject, nonFiniteNote, readJsonFile } from "./read-json-file.js";
import { rewriteNonFinite } from "./rewrite-non-finite.js";
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

/**
 * Reads the file with its log_history chunk by chunk into a TrainingLog (see parseArrayInChunks); a file of
 * another shape, or a corrupt one, goes through readJsonFile, whole, for the same result or the same warning.
 */
async function readState(directory: string): Promise<SourceReading<{ json: JsonObject; log: TrainingLog }>> {
  let text: string | null = null;
  try {
    text = await readFile(join(directory, TRAINER_STATE_FILE), "utf8");
  } catch {
    // readJsonFile below says why, or nothing for an absent file.
  }
  if (text !== null) {
    const collector = collectTrainingLog();
    let nonFinite = 0;
    // A chunk that JSON.parse refuses is tried again with Python's NaN and Infinity read as null: a clean log
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
    const json = parseArrayInChunks(text, "log_history", (entries) => collector.add(entries), parse);
    if (json) {
      const warnings: InputWarning[] = [];
      if (nonFinite > 0) warnings.push(nonFiniteNote(TRAINER_STATE_FILE, nonFinite));
      return { facts: { json, log: collector.log }, warnings };
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
        "training-loss": log.summary?.train_loss ?? log.lastLoss?.loss,
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
