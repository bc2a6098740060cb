import { isRecord } from "../is-record.js";
import type { CardEdit, EditPath } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { copyData } from "./copy-data.js";

/** Sets `path` in `data` (a copy the caller owns): a key of a mapping, or an existing item of a list. */
function setAt(data: Record<string, unknown>, path: EditPath, value: unknown, what: string): void {
  let parent: unknown = data;
  for (const part of path.slice(0, -1))
    parent = isRecord(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[part] : undefined;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent) && typeof last === "number" && last < parent.length) {
    parent[last] = copyData(value);
  } else if (isRecord(parent)) {
    // defineProperty: a `__proto__` key stays plain data, as js-yaml keeps it.
    Object.defineProperty(parent, last, {
      value: copyData(value),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  } else {
    throw new CardEditRefusedError(`cannot ${what}: its parent is not a mapping`);
  }
}

/**
 * The metadata an edit means to produce: a copy of `data` with the edit applied (the verification's target). The
 * copy shares no object between places, so an edit that also changes what an alias reads fails verification.
 */
export function applyEditToData(data: Record<string, unknown>, edit: CardEdit, what: string): Record<string, unknown> {
  const copy = copyData(data);
  if (edit.kind === "rewrite") {
    for (const change of edit.changes) if (change.set) setAt(copy, change.set.path, change.set.value, what);
    return copy;
  }
  if (edit.kind === "set") {
    setAt(copy, edit.path, edit.value, what);
    return copy;
  }
  let parent: unknown = copy;
  for (const part of edit.path.slice(0, edit.kind === "append" ? undefined : -1))
    parent = isRecord(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[part] : undefined;
  if (edit.kind === "append") {
    if (!Array.isArray(parent)) throw new CardEditRefusedError(`cannot ${what}: it is not a list`);
    parent.push(copyData(edit.value));
  } else if (!isRecord(parent)) {
    throw new CardEditRefusedError(`cannot ${what}: its parent is not a mapping`);
  } else {
    delete parent[edit.path[edit.path.length - 1] as string];
  }
  return copy;
}
