import { isRecord } from "../is-record.js";
import type { CardEdit } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";

/** The metadata an edit means to produce: a copy of `data` with the edit applied (the verification's target). */
export function applyEditToData(data: Record<string, unknown>, edit: CardEdit, what: string): Record<string, unknown> {
  const copy = structuredClone(data);
  const parentPath = edit.path.slice(0, edit.kind === "append" ? undefined : -1);
  let parent: unknown = copy;
  for (const part of parentPath)
    parent = isRecord(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[part] : undefined;
  const last = edit.path[edit.path.length - 1] as string | number;
  if (edit.kind === "append") {
    if (!Array.isArray(parent)) throw new CardEditRefusedError(`cannot ${what}: it is not a list`);
    parent.push(structuredClone(edit.value));
  } else if (!isRecord(parent)) {
    throw new CardEditRefusedError(`cannot ${what}: its parent is not a mapping`);
  } else if (edit.kind === "delete") {
    delete parent[last];
  } else {
    // defineProperty: a `__proto__` key stays plain data, as js-yaml keeps it.
    Object.defineProperty(parent, last, {
      value: structuredClone(edit.value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
