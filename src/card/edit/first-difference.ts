import { isDeepStrictEqual } from "node:util";
import { isRecord } from "../is-record.js";

/** The first path at which two readings differ (`[]`: the roots), or null when they are equal. */
export function firstDifference(a: unknown, b: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    for (let index = 0; index < a.length; index++) {
      const found = firstDifference(a[index], b[index], [...path, index]);
      if (found) return found;
    }
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = Object.keys(a);
    const same = keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key));
    if (same) {
      for (const key of keys) {
        const found = firstDifference(a[key], b[key], [...path, key]);
        if (found) return found;
      }
    }
  }
  return path;
}
