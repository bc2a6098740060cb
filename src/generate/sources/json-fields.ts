import type { JsonObject } from "./read-json-file.js";

/** The finite number at `key`, or undefined: run files are written by many tools and versions. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** The non-empty string at `key`, or undefined. */
export function stringField(object: JsonObject, key: string): string | undefined {
  const value = object[key];
  return typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;
}
