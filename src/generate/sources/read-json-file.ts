import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { InputWarning, SourceReading } from "../facts.js";
import { JsonSyntaxError, parsePythonJson } from "./parse-python-json.js";

export type JsonObject = Record<string, unknown>;

/** The note for `count` NaN or Infinity values read as missing in `file`. */
export function nonFiniteNote(file: string, count: number): InputWarning {
  return {
    code: "non-finite-values",
    file,
    severity: "note",
    message: `${count} NaN or Infinity value${count === 1 ? "" : "s"} (Python's json writes them for a value that overflowed or diverged) left out of the metrics and curves`,
  };
}

/**
 * Reads `file` (relative to `directory`) as a JSON object, as Python writes it: `NaN` and `Infinity` are read as
 * null (so readers drop them) with a note. An absent file is not a problem (every run file is optional); an
 * unreadable, truncated or non-object file is a warning that names it and the byte where it breaks.
 */
export async function readJsonFile(directory: string, file: string): Promise<SourceReading<JsonObject>> {
  let text: string;
  try {
    text = await readFile(join(directory, file), "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { facts: null, warnings: [] };
    return {
      facts: null,
      warnings: [
        { code: "unreadable-file", file, message: `cannot read it (${code ?? (error as Error).message}); skipped` },
      ],
    };
  }
  let value: unknown;
  const warnings: InputWarning[] = [];
  try {
    const reading = parsePythonJson(text);
    value = reading.value;
    if (reading.nonFinite > 0) {
      warnings.push(nonFiniteNote(file, reading.nonFinite));
    }
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { facts: null, warnings: [{ code: "invalid-json", file, message: `${error.message}; skipped` }] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { facts: null, warnings: [{ code: "unexpected-shape", file, message: "not a JSON object; skipped" }] };
  }
  return { facts: value as JsonObject, warnings };
}
