import { type LogChunk, type LogEntry, reduceLogEntries } from "./reduce-log-entries.js";

export type { LogEntry } from "./reduce-log-entries.js";

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

/**
 * An empty array whose elements V8 keeps as unboxed doubles from the start: grown to 190,000 points, it is
 * allocated once as such, instead of as small integers first and copied on the first fractional value.
 */
function doubles(): number[] {
  const array = [0.5];
  array.length = 0;
  return array;
}

/**
 * Appends chunks that follow one another to `log`, in order, the loss curve grown once and filled rather than
 * pushed point by point. At module level, not in each collector: its compiled code then serves every log.
 */
function mergeChunks(log: TrainingLog, chunks: readonly LogChunk[]): void {
  const { steps, values } = log.curves.loss;
  let at = steps.length;
  steps.length = values.length = chunks.reduce((sum, chunk) => sum + chunk.lossSteps.length, at);
  for (const chunk of chunks) {
    log.length += chunk.length;
    log.skipped += chunk.skipped;
    // The training loss before this chunk's first one (the last one logged in earlier chunks).
    const before = log.lastLoss ? (log.lastLoss.loss as number) : null;
    for (let index = 0; index < chunk.lossSteps.length; index++, at++) {
      steps[at] = chunk.lossSteps[index] as number;
      values[at] = chunk.lossValues[index] as number;
    }
    for (const { losses, entry, evaluation, summary } of chunk.marks) {
      if (evaluation) {
        log.curves.eval_loss.steps.push(entry.step as number);
        log.curves.eval_loss.values.push(entry.eval_loss as number);
        const trainingLoss = losses > 0 ? (chunk.lossValues[losses - 1] as number) : before;
        log.evaluations.push({ trainingLoss, entry });
        log.lastEval = entry;
      }
      // The summary holds `train_loss` even when it is NaN (a diverged run): then the loss is unknown, and
      // the last step's loss must not stand in for it.
      if (summary) log.summary = entry;
    }
    if (chunk.lastLoss) log.lastLoss = chunk.lastLoss;
    if (chunk.tokenAccuracy) log.tokenAccuracy = true;
  }
}

/**
 * A collector of `log_history` entries, fed in order chunk by chunk: parsed entries (`add`), or what
 * reduceLogEntries made of them, in this thread or another (`merge`). A library user can take them all at once:
 * `collectTrainingLog().add(entries).log`.
 */
export function collectTrainingLog() {
  const log: TrainingLog = {
    length: 0,
    skipped: 0,
    curves: { loss: { steps: doubles(), values: doubles() }, eval_loss: { steps: [], values: [] } },
    evaluations: [],
    summary: null,
    lastLoss: null,
    lastEval: null,
    tokenAccuracy: false,
  };
  const collector = {
    log,
    add(entries: readonly unknown[]) {
      return collector.merge(reduceLogEntries(entries));
    },
    /** Merges chunks that follow one another, in order. */
    merge(...chunks: LogChunk[]) {
      mergeChunks(log, chunks);
      return collector;
    },
  };
  return collector;
}
