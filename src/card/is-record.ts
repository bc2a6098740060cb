/** A YAML mapping read as plain data: an object that is not a list or a date (null is not one either). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !(value instanceof Date);
}
