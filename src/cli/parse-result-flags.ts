import type { EvalResultsEntry, EvalResultsEntryKey } from "../eval-results/index.js";
import { UsageError } from "./exit-codes.js";

/** The fields `--add-result` takes, by the name written on the line (`id` and `task_id` also without `dataset.`). */
const FIELDS: Record<string, string> = {
  "dataset.id": "dataset.id",
  id: "dataset.id",
  "dataset.task_id": "dataset.task_id",
  task_id: "dataset.task_id",
  "dataset.revision": "dataset.revision",
  revision: "dataset.revision",
  value: "value",
  date: "date",
  notes: "notes",
  "source.url": "source.url",
  "source.name": "source.name",
  "source.user": "source.user",
  "source.org": "source.org",
};

const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/**
 * `--add-result dataset.id=Idavidrein/gpqa,task_id=gpqa_diamond,value=63.3[,date=2026-02-03,notes=…,source.url=…]`.
 * A verifyToken is not taken: only an audited run can mint one.
 */
export function parseAddResultFlag(flag: string): EvalResultsEntry {
  const fields = new Map<string, string>();
  for (const part of flag.split(",")) {
    const equals = part.indexOf("=");
    if (equals <= 0) throw new UsageError(`--add-result: "${part}" is not field=value`);
    const name = part.slice(0, equals).trim();
    const field = FIELDS[name];
    if (!field) {
      const names = [...new Set(Object.values(FIELDS))].join(", ");
      const token =
        name.toLowerCase().replace(/_/g, "") === "verifytoken" ? " (only an audited run can mint a verifyToken)" : "";
      throw new UsageError(`--add-result: unknown field "${name}"${token}; use ${names}`);
    }
    const value = part.slice(equals + 1).trim();
    if (value === "") throw new UsageError(`--add-result: ${field} is empty`);
    fields.set(field, value);
  }
  const missing = ["dataset.id", "dataset.task_id", "value"].filter((field) => !fields.has(field));
  if (missing.length > 0) throw new UsageError(`--add-result: missing ${missing.join(", ")}`);
  const value = Number(fields.get("value"));
  if (!/^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/.test(fields.get("value") ?? "") || !Number.isFinite(value))
    throw new UsageError(`--add-result: value must be a number, not ${JSON.stringify(fields.get("value"))}`);
  const date = fields.get("date");
  if (date !== undefined && (!ISO_8601.test(date) || Number.isNaN(Date.parse(date.replace(" ", "T")))))
    throw new UsageError(
      `--add-result: date must be ISO-8601 (YYYY-MM-DD or a date-time), not ${JSON.stringify(date)}`,
    );
  const source = ["url", "name", "user", "org"].filter((key) => fields.has(`source.${key}`));
  if (source.length > 0 && !fields.has("source.url"))
    throw new UsageError("--add-result: source.name, source.user and source.org need source.url");
  const revision = fields.get("dataset.revision");
  const notes = fields.get("notes");
  return {
    dataset: {
      id: fields.get("dataset.id") as string,
      task_id: fields.get("dataset.task_id") as string,
      ...(revision === undefined ? {} : { revision }),
    },
    value,
    ...(date === undefined ? {} : { date }),
    ...(source.length > 0 && {
      source: Object.fromEntries(source.map((key) => [key, fields.get(`source.${key}`)])) as EvalResultsEntry["source"],
    }),
    ...(notes === undefined ? {} : { notes }),
  };
}

/** `--remove-result DATASET_ID:TASK_ID[:NOTES]` (a dataset id has no `:`). */
export function parseRemoveResultFlag(flag: string): EvalResultsEntryKey {
  const [datasetId = "", taskId = "", ...notes] = flag.split(":");
  if (datasetId.trim() === "" || taskId.trim() === "")
    throw new UsageError(`--remove-result ${flag}: expected DATASET_ID:TASK_ID, e.g. Idavidrein/gpqa:gpqa_diamond`);
  return { datasetId: datasetId.trim(), taskId: taskId.trim(), ...(notes.length > 0 && { notes: notes.join(":") }) };
}
