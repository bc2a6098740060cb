import type { JsonObject } from "./read-json-file.js";

/** The finite number at `key`, or undefined: run files are written by many tools and versions. */
export function numberField(object: JsonObject, key: string): number | undefined {
  const value = object[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}
