/**
 * Whether a value holds collections more than `limit` levels deep (a collection is level 1). Walked level by level
 * over the distinct objects of each level, without recursion, so that a value built to overflow the stack, one
 * whose lists share their items (as aliases do) and one that contains itself are all answered quickly.
 */
export function valueNestsPast(value: unknown, limit: number): boolean {
  let level = new Set<object>();
  if (value !== null && typeof value === "object") level.add(value);
  for (let depth = 1; level.size > 0; depth++) {
    if (depth > limit) return true;
    const next = new Set<object>();
    for (const collection of level) {
      for (const child of Array.isArray(collection) ? collection : Object.values(collection)) {
        if (child !== null && typeof child === "object" && !(child instanceof Date)) next.add(child);
      }
    }
    level = next;
  }
  return false;
}
