/** A value the Hub takes as a string or a list of strings (`language`, `license`, `base_model`), as its strings. */
export function metadataStrings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string => typeof item === "string" && item.length > 0);
}
