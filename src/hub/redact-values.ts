/** Every string value of `value` redacted, for JSON output: keys and structure unchanged. */
export function redactValues<T>(value: T, redact: (text: string) => string): T {
  if (typeof value === "string") return redact(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => redactValues(item, redact)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, redactValues(item, redact)])) as T;
  }
  return value;
}
