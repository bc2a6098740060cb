/** One `log_history` entry with its numeric fields only (loss, eval_loss, learning_rate, epoch, step, ...). */
export type LogEntry = Record<string, number>;

/** A series of the training curves: steps and values side by side, plain number arrays (no object per point). */
export interface CurveSeries {
  steps: number[];
  values: number[];
}

/**
 * What a card needs from a `log_history`, gathered in one pass so that 200,000 entries need not stay in
 * memory: the loss curves, every evaluation with the training loss logged before it, and the last entries.
 */
export interface TrainingLog {
  /** Entries read (those with a step). */
  length: number;
  /** Entries skipped for having no step. */
  skipped: number;
  curves: { loss: CurveSeries; eval_loss: CurveSeries };
  /** Every evaluation, in order, with the last training loss logged before it (null before the first). */
  evaluations: { trainingLoss: number | null; entry: LogEntry }[];
  /** The final summary (`train_loss`, `train_runtime`), the last training step, the last evaluation. */
  summary: LogEntry | null;
  lastLoss: LogEntry | null;
  lastEval: LogEntry | null;
  /** TRL's SFTTrainer alone logs `mean_token_accuracy` with each training step. */
  tokenAccuracy: boolean;
}

function numericFields(entry: unknown): LogEntry | null {
  if (typeof entry !== "object" || entry === null || Array.isArray(entry)) return null;
  const record = entry as Record<string, unknown>;
  // Entries are almost always all numbers: keep the parsed object then, copy only when something else is in it
  // (a NaN read as null, say).
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

/**
 * A collector of `log_history` entries, fed chunk by chunk (`add`), or all at once by a library user:
 * `collectTrainingLog().add(entries).log`.
 */
export function collectTrainingLog() {
  const log: TrainingLog = {
    length: 0,
    skipped: 0,
    curves: { loss: { steps: [], values: [] }, eval_loss: { steps: [], values: [] } },
    evaluations: [],
    summary: null,
    lastLoss: null,
    lastEval: null,
    tokenAccuracy: false,
  };
  let lastLoss: Record<string, unknown> | null = null;
  const collector = {
    log,
    add(entries: readonly unknown[]) {
      for (const raw of entries) {
        const record = raw as Record<string, unknown> | null;
        const step = typeof record === "object" && record !== null ? record.step : undefined;
        if (typeof step !== "number" || !Number.isFinite(step)) {
          log.skipped++;
          continue;
        }
        log.length++;
        // Most entries are training steps: only their step and loss are read, without copying the entry.
        const loss = record?.loss;
        if (typeof loss === "number" && Number.isFinite(loss)) {
          log.curves.loss.steps.push(step);
          log.curves.loss.values.push(loss);
          lastLoss = record;
          if (record?.mean_token_accuracy !== undefined) log.tokenAccuracy = true;
        }
        if (record?.eval_loss !== undefined || record?.train_loss !== undefined) {
          const entry = numericFields(record);
          if (entry?.eval_loss !== undefined) {
            log.curves.eval_loss.steps.push(step);
            log.curves.eval_loss.values.push(entry.eval_loss);
            log.evaluations.push({ trainingLoss: lastLoss ? (lastLoss.loss as number) : null, entry });
            log.lastEval = entry;
          }
          if (entry?.train_loss !== undefined) log.summary = entry;
        }
      }
      log.lastLoss = lastLoss ? numericFields(lastLoss) : null;
      return collector;
    },
  };
  return collector;
}
