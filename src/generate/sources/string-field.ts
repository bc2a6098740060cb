import type { JsonObject } from "./read-json-file.js";

/** The non-empty, trimmed string at `key`, or undefined. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
