import { isRecord } from "../../card/is-record.js";
import type { KeyPath, LintFixEdit, LintSource } from "../types.js";

/** Small helpers shared by the built-in rules. */

export { isRecord };

/**
 * A fix setting the scalar at `path` to `value`, written as `text` (YAML source), or undefined when there is no
 * such one-line scalar. The card verifies that the Hub reads `value` there and nothing else changes.
 */
export function setScalar(card: LintSource, path: KeyPath, value: unknown, text: string): LintFixEdit | undefined {
  const span = card.scalarAt(path);
  if (!span || span.source === "" || span.source.includes("\n")) return undefined;
  return { start: span.start, end: span.end, text, set: { path, value } };
}

/** A double-quoted YAML scalar; JSON's string syntax is valid YAML in both 1.1 and 1.2. */
export function quoted(value: string): string {
  return JSON.stringify(value);
}

/**
 * A value as a message shows it: a string in double quotes as the file means it (`"D:\\projects"` reads
 * `"D:\projects"`, as written in the card), control characters made visible; anything else as JSON.
 */
export function shown(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value);
  return typeof value === "string" ? json.replace(/\\(["\\])/g, "$1") : json;
}

/** `{ a: 1 }` options checked against the names a rule accepts. */
export function optionsObject(raw: unknown, names: readonly string[]): Record<string, unknown> {
  if (!isRecord(raw)) throw new Error(`options must be a mapping with ${names.join(", ")}.`);
  const unknown = Object.keys(raw).filter((name) => !names.includes(name));
  if (unknown.length > 0) throw new Error(`unknown option "${unknown[0]}"; the options are ${names.join(", ")}.`);
  return raw;
}

export function stringList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw new Error(`option ${name} must be a list of strings.`);
  }
  return value;
}

/** Values of a key that may hold one string or a list, each with its key path. */
export function entriesOf(metadata: Record<string, unknown>, key: string): { value: unknown; path: KeyPath }[] {
  const value = metadata[key];
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.map((item, index) => ({ value: item, path: [key, index] }));
  return [{ value, path: [key] }];
}

/** A number written as a number, or a string that is only a number (`"2.1"`); otherwise null. */
export function numericValue(value: unknown): number | null {
  if (typeof value === "number") return value;
  if (typeof value === "string" && /^\s*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?\s*$/.test(value))
    return Number(value);
  return null;
}
