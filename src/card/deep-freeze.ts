/**
 * Freezes plain data and everything it holds (mappings, lists, the objects an alias shares), once per object;
 * returns it. A card's readings are its own: changing one would make it silently differ from the card's text.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === null || typeof item !== "object" || Object.isFrozen(item)) continue;
    Object.freeze(item);
    for (const child of Object.values(item)) if (child !== null && typeof child === "object") stack.push(child);
  }
  return value;
}
