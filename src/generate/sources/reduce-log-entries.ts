/** One `log_history` entry with its numeric fields only (loss, eval_loss, learning_rate, epoch, step, ...). */
export type LogEntry = Record<string, number>;

/** An evaluation or the final summary, with how many training losses were logged up to it (itself included). */
export interface LogMark {
  losses: number;
  entry: LogEntry;
  /** It has a finite `eval_loss`. */
  evaluation: boolean;
  /** It has a `train_loss` (even a NaN one: see collectTrainingLog). */
  summary: boolean;
}

/**
 * What a run of consecutive `log_history` entries gives the card, in compact columns: the training losses as
 * two Float64Arrays (a worker thread hands them over without copying), the few entries kept whole (evaluations
 * and the summary), and the last training entry. collectTrainingLog merges these in order.
 */
export interface LogChunk {
  /** Entries with a finite step; those without one are `skipped`. */
  length: number;
  skipped: number;
  lossSteps: Float64Array;
  lossValues: Float64Array;
  marks: LogMark[];
  /** The numeric fields of the last entry with a finite loss; null when none. */
  lastLoss: LogEntry | null;
  /** TRL's SFTTrainer alone logs `mean_token_accuracy` with each training step. */
  tokenAccuracy: boolean;
}

/**
 * The entry's numeric fields: the parsed object itself when it holds only finite numbers (almost always), else a
 * copy without the rest (a NaN read as null, say). Self-contained, like reduceLogEntries.
 */
export function numericFields(record: Record<string, unknown>): LogEntry {
  for (const key in record) {
    const value = record[key];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      // No prototype: a `__proto__` field stays a field, as JSON.parse keeps it.
      const numeric: LogEntry = Object.create(null);
      for (const [name, field] of Object.entries(record)) {
        if (typeof field === "number" && Number.isFinite(field)) numeric[name] = field;
      }
      return numeric;
    }
  }
  return record as LogEntry;
}

/**
 * Reduces parsed `log_history` entries to a LogChunk. Self-contained (no imports, no inner functions, no name
 * from outside but its parameters): its source is also what a worker thread runs (see startLogWorker), which
 * passes `numeric` in.
 */
export function reduceLogEntries(entries: readonly unknown[], numeric = numericFields): LogChunk {
  const lossSteps = new Float64Array(entries.length);
  const lossValues = new Float64Array(entries.length);
  const marks: LogMark[] = [];
  let [length, skipped, losses, tokenAccuracy] = [0, 0, 0, false];
  let lastLoss: Record<string, unknown> | null = null;
  for (const raw of entries) {
    const record = raw as Record<string, unknown> | null;
    const step = typeof record === "object" && record !== null ? record.step : undefined;
    if (typeof step !== "number" || !Number.isFinite(step) || record === null) {
      skipped++;
      continue;
    }
    length++;
    // Most entries are training steps: only their step and loss are read, without copying the entry.
    const loss = record.loss;
    if (typeof loss === "number" && Number.isFinite(loss)) {
      lossSteps[losses] = step;
      lossValues[losses++] = loss;
      lastLoss = record;
      if (record.mean_token_accuracy !== undefined) tokenAccuracy = true;
    }
    if (record.eval_loss !== undefined || record.train_loss !== undefined) {
      const entry = numeric(record);
      const evaluation = entry.eval_loss !== undefined;
      const summary = record.train_loss !== undefined;
      if (evaluation || summary) marks.push({ losses, entry, evaluation, summary });
    }
  }
  return {
    length,
    skipped,
    lossSteps: lossSteps.subarray(0, losses),
    lossValues: lossValues.subarray(0, losses),
    marks,
    lastLoss: lastLoss ? numeric(lastLoss) : null,
    tokenAccuracy,
  };
}
