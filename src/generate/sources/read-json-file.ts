import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { SourceReading } from "../facts.js";

export type JsonObject = Record<string, unknown>;

/**
 * Reads `file` (relative to `directory`) as a JSON object. An absent file is not a problem (every run file is
 * optional); an unreadable, truncated or non-object file is a warning that names it.
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
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      facts: null,
      warnings: [{ code: "invalid-json", file, message: `not valid JSON (${(error as Error).message}); skipped` }],
    };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { facts: null, warnings: [{ code: "unexpected-shape", file, message: "not a JSON object; skipped" }] };
  }
  return { facts: value as JsonObject, warnings: [] };
}
