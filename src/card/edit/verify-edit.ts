import { formatPath } from "../eval-results.js";
import type { HubYamlReading } from "../hub-yaml.js";
import { isRecord } from "../is-record.js";
import type { EditPath } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { firstDifference } from "./first-difference.js";

export interface EditToVerify {
  /** The card's text before and after the edit, and the range of the old text the edit may change. */
  before: string;
  after: string;
  start: number;
  end: number;
  /** What the Hub must read from the new front matter. */
  expected: Record<string, unknown>;
  /** The Hub's reading of the new front matter (the card keeps it: the edit costs no other read). */
  reading: HubYamlReading;
  /** The paths the edit means to change: a difference anywhere else is a value it must not change. */
  edited: readonly EditPath[];
  what: string;
}

/**
 * The last gate before a card's text is replaced: outside `[start, end)` every byte is the old one, and the
 * Hub's reader reads exactly the intended metadata. Otherwise the edit is refused and nothing changes.
 */
export function verifyEdit({ before, after, start, end, expected, reading, edited, what }: EditToVerify): void {
  const kept =
    after.startsWith(before.slice(0, start)) &&
    after.endsWith(before.slice(end)) &&
    after.length - (before.length - end) >= start;
  if (!kept) throw new CardEditRefusedError(`cannot ${what}: the edit would change bytes outside the edited node`);
  if (!reading.ok) {
    const reason = `${reading.reason} (${reading.line + 1}:${reading.column + 1})`;
    throw new CardEditRefusedError(`cannot ${what}: the Hub could not read the result (${reason})`);
  }
  const difference = isRecord(reading.value) ? firstDifference(expected, reading.value) : [];
  if (difference === null) return;
  // Within an edited value (or around it): the edit itself went wrong. Elsewhere: it reached a value it must not.
  const inside = edited.some((path) =>
    path.slice(0, difference.length).every((part, index) => difference[index] === part),
  );
  if (difference.length > 0 && !inside) {
    throw new CardEditRefusedError(
      `cannot ${what}: the Hub would also read \`${formatPath(difference)}\` differently, a value this edit must not change`,
    );
  }
  throw new CardEditRefusedError(`cannot ${what}: the Hub would read back different metadata than intended`);
}
