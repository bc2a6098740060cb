import type { SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { numberField } from "./number-field.js";
import { readJsonFile } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export const TRAINER_STATE_FILE = "trainer_state.json";

/** One `log_history` entry with its numeric fields only (loss, eval_loss, learning_rate, epoch, step, ...). */
export type LogEntry = Record<string, number>;

export interface TrainerStateFacts {
  values: InputValues;
  logHistory: LogEntry[];
  /** The last evaluation's `eval_*` metrics. */
  evalMetrics: Record<string, number>;
  globalStep?: number;
  totalFlos?: number;
  bestModelCheckpoint?: string;
}

function numericFields(entry: unknown): LogEntry | null {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return null;
  const record = entry as Record<string, unknown>;
  // Entries are almost always all numbers: keep the parsed object then, copy only when something else is in it.
  for (const key in record) {
    const value = record[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      const numeric: LogEntry = {};
      for (const [name, field] of Object.entries(record)) {
        if (typeof field === "number" && Number.isFinite(field)) numeric[name] = field;
      }
      return numeric;
    }
  }
  return record as LogEntry;
}

function evalMetricsOf(entry: LogEntry | undefined): Record<string, number> {
  return Object.fromEntries(Object.entries(entry ?? {}).filter(([key]) => key.startsWith("eval_")));
}

/** transformers' `trainer_state.json`: the log history, the last losses, batch size and epochs. */
export async function readTrainerState(directory: string): Promise<SourceReading<TrainerStateFacts>> {
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
  const logHistory: LogEntry[] = [];
  let skipped = 0;
  for (const entry of Array.isArray(raw) ? raw : []) {
    const numeric = numericFields(entry);
    if (numeric && numeric.step !== undefined) logHistory.push(numeric);
    else skipped++;
  }
  if (skipped > 0) {
    warnings.push({
      code: "unexpected-shape",
      file: TRAINER_STATE_FILE,
      message: `${skipped} log_history entries have no step; they were skipped`,
    });
  }
  const summary = logHistory.findLast((entry) => entry.train_loss !== undefined);
  const lastLoss = logHistory.findLast((entry) => entry.loss !== undefined);
  const lastEval = logHistory.findLast((entry) => entry.eval_loss !== undefined);
  return {
    facts: {
      values: {
        "batch-size": numberField(json, "train_batch_size"),
        "max-epochs": numberField(json, "num_train_epochs"),
        "training-loss": summary?.train_loss ?? lastLoss?.loss,
        "validation-loss": lastEval?.eval_loss,
        // TRL's SFTTrainer alone logs the token accuracy of each training step.
        "trainer-type": logHistory.some((entry) => entry.mean_token_accuracy !== undefined) ? "SFTTrainer" : undefined,
      },
      logHistory,
      evalMetrics: evalMetricsOf(lastEval),
      globalStep: numberField(json, "global_step"),
      totalFlos: numberField(json, "total_flos"),
      bestModelCheckpoint: stringField(json, "best_model_checkpoint"),
    },
    warnings,
  };
}
