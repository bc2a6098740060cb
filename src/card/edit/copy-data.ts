/**
 * A deep copy of plain data (mappings, lists, dates) in which no two places share an object, unlike js-yaml's
 * reading, where an alias and its anchor are one object: an edit's intended metadata changes one place only, so
 * verifying against it catches an edit that would also change what an alias reads.
 */
export function copyData<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(copyData) as T;
  if (value === null || typeof value !== "object") return value;
  // Only plain data is copied; anything else (a Map, a class) stays itself, which no reading of YAML equals.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a `__proto__` key stays plain data, as js-yaml keeps it.
    Object.defineProperty(copy, key, { value: copyData(item), enumerable: true, writable: true, configurable: true });
  }
  return copy as T;
}
