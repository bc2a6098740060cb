/**
 * One score of a `.eval_results/*.yaml` file, in the spec's shape and key order (hub-docs `eval_results.yaml`;
 * huggingface_hub's `eval_result_entries_to_yaml` writes the same order).
 */
export interface EvalResultsEntry {
  dataset: {
    /** Hub id of the benchmark dataset, e.g. `Idavidrein/gpqa`. */
    id: string;
    /** The task's id in the benchmark's `eval.yaml`, e.g. `gpqa_diamond`. */
    task_id: string;
    /** Git sha of the benchmark dataset. */
    revision?: string;
  };
  /** The score. */
  value: number;
  /** Signature of an auditable evaluation run (the Hub's "verified" badge); only a real run can mint one. */
  verifyToken?: string;
  /** ISO-8601 date or date-time of the run, always written quoted. */
  date?: string;
  /** Where the score comes from; `name`, `user` and `org` need `url`. */
  source?: { url: string; name?: string; user?: string; org?: string };
  /** Setup details, e.g. `no-tools`, `chain-of-thought`. */
  notes?: string;
}

/** Which entry an edit is about: a benchmark task and, where one benchmark task has several setups, its notes. */
export interface EvalResultsEntryKey {
  datasetId: string;
  taskId: string;
  /** Tells apart entries of one task with different setups; left out, any notes match. */
  notes?: string;
}

/** The spec's keys, in its order: what `unknown keys` and the writer go by. */
export const EVAL_RESULTS_ENTRY_KEYS = ["dataset", "value", "verifyToken", "date", "source", "notes"] as const;
export const EVAL_RESULTS_DATASET_KEYS = ["id", "task_id", "revision"] as const;
export const EVAL_RESULTS_SOURCE_KEYS = ["url", "name", "user", "org"] as const;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, name: string): void {
  if (value !== undefined && typeof value !== "string") throw new TypeError(`${name} must be a string`);
}

/**
 * The entry as written: the spec's keys in the spec's order, absent ones left out. Throws a TypeError naming the
 * field when the entry breaks the spec (missing id, task id or value, a value that is not a finite number, a
 * source without a url).
 */
export function normalizeEvalResultsEntry(entry: EvalResultsEntry): EvalResultsEntry {
  if (!isRecord(entry) || !isRecord(entry.dataset))
    throw new TypeError("an entry needs dataset.id and dataset.task_id");
  const { id, task_id: taskId, revision } = entry.dataset;
  if (typeof id !== "string" || id === "") throw new TypeError("dataset.id must be a non-empty string");
  if (typeof taskId !== "string" || taskId === "") throw new TypeError("dataset.task_id must be a non-empty string");
  optionalString(revision, "dataset.revision");
  if (typeof entry.value !== "number" || !Number.isFinite(entry.value))
    throw new TypeError("value must be a finite number");
  optionalString(entry.verifyToken, "verifyToken");
  optionalString(entry.date, "date");
  optionalString(entry.notes, "notes");
  const normalized: EvalResultsEntry = {
    dataset: { id, task_id: taskId, ...(revision === undefined ? {} : { revision }) },
    // -0 is written `-0`, which PyYAML reads as 0: the same score, written one way.
    value: Object.is(entry.value, -0) ? 0 : entry.value,
  };
  if (entry.verifyToken !== undefined) normalized.verifyToken = entry.verifyToken;
  if (entry.date !== undefined) normalized.date = entry.date;
  if (entry.source !== undefined) {
    const source = entry.source;
    if (!isRecord(source)) throw new TypeError("source must be a mapping with a url");
    for (const key of EVAL_RESULTS_SOURCE_KEYS) optionalString(source[key], `source.${key}`);
    if (typeof source.url !== "string" || source.url === "")
      throw new TypeError("source.url is required when source is given (name, user and org need it)");
    normalized.source = { url: source.url };
    for (const key of ["name", "user", "org"] as const) {
      const value = source[key];
      if (value !== undefined) normalized.source[key] = value;
    }
  }
  if (entry.notes !== undefined) normalized.notes = entry.notes;
  return normalized;
}

/** The key of an entry as the Hub's reader read it, or null when it has no string id and task id. */
export function keyOfEntryData(data: unknown): EvalResultsEntryKey | null {
  if (!isRecord(data) || !isRecord(data.dataset)) return null;
  const { id, task_id: taskId } = data.dataset;
  if (typeof id !== "string" || typeof taskId !== "string") return null;
  return { datasetId: id, taskId, ...(typeof data.notes === "string" ? { notes: data.notes } : {}) };
}

/** True when `candidate` is the entry `key` names (any notes when `key` gives none). */
export function matchesKey(candidate: EvalResultsEntryKey | null, key: EvalResultsEntryKey): boolean {
  if (!candidate || candidate.datasetId !== key.datasetId || candidate.taskId !== key.taskId) return false;
  return key.notes === undefined || candidate.notes === key.notes;
}

/** `Idavidrein/gpqa:gpqa_diamond` (with ` (notes)` when there are any), for messages. */
export function formatEntryKey(key: EvalResultsEntryKey): string {
  return `${key.datasetId}:${key.taskId}${key.notes === undefined ? "" : ` (${key.notes})`}`;
}
