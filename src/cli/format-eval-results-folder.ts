import type { EvalResultsFolderFile } from "../eval-results/index.js";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  if (value instanceof Date) return value.toISOString().replace("T00:00:00.000Z", "");
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

/** The JSON of `inspect --json` for a folder's `.eval_results/` files: each file's entries as the Hub reads them. */
export function evalResultsInspection(files: readonly EvalResultsFolderFile[]) {
  return files.map(({ name, file }) => ({
    file: `.eval_results/${name}`,
    entries: file.items.map((item) => item.data),
    problems: file.problems,
  }));
}

/**
 * The lines of `inspect`'s summary for a folder's `.eval_results/`: one per score, `dataset:task  value  date
 * notes  (file)`, and a line per file the Hub cannot read as a list.
 */
export function formatEvalResultsFolder(files: readonly EvalResultsFolderFile[]): string[] {
  const items = files.flatMap(({ name, file }) => file.items.map((item) => ({ name, data: item.data })));
  const lines = [
    `  .eval_results: ${items.length} ${items.length === 1 ? "score" : "scores"} in ${files.length} ${files.length === 1 ? "file" : "files"}`,
  ];
  for (const { name, data } of items) {
    const entry = isRecord(data) ? data : {};
    const dataset = isRecord(entry.dataset) ? entry.dataset : {};
    const fields = [
      `${text(dataset.id)}:${text(dataset.task_id)}`,
      typeof entry.value === "number" ? String(entry.value) : JSON.stringify(entry.value ?? null),
      ...(entry.date === undefined ? [] : [text(entry.date)]),
      ...(entry.notes === undefined ? [] : [text(entry.notes)]),
      ...(entry.verifyToken === undefined ? [] : ["verifyToken"]),
    ];
    lines.push(`    ${fields.join("  ")}  (${name})`);
  }
  for (const { name, file } of files) {
    for (const problem of file.problems)
      lines.push(`    ${name}:${problem.line}:${problem.column}: ${problem.message}`);
  }
  return lines;
}
