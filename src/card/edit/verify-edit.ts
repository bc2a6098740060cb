import { isDeepStrictEqual } from "node:util";
import { readHubYaml } from "../hub-yaml.js";
import { isRecord } from "../is-record.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";

export interface EditToVerify {
  /** The card's text before and after the edit, and the edited range of the old text. */
  before: string;
  after: string;
  start: number;
  end: number;
  /** What the Hub must read from the new front matter. */
  expected: Record<string, unknown>;
  /** The new front matter, as the card's split finds it in `after`. */
  yaml: string;
  what: string;
}

/**
 * The last gate before a card's text is replaced: outside `[start, end)` every byte is the old one, and the
 * Hub's reader reads exactly the intended metadata. Otherwise the edit is refused and nothing changes.
 */
export function verifyEdit({ before, after, start, end, expected, yaml, what }: EditToVerify): void {
  const kept =
    after.startsWith(before.slice(0, start)) &&
    after.endsWith(before.slice(end)) &&
    after.length - (before.length - end) >= start;
  if (!kept) throw new CardEditRefusedError(`cannot ${what}: the edit would change bytes outside the edited node`);
  const reading = readHubYaml(yaml);
  if (!reading.ok) {
    const reason = `${reading.reason} (${reading.line + 1}:${reading.column + 1})`;
    throw new CardEditRefusedError(`cannot ${what}: the Hub could not read the result (${reason})`);
  }
  if (!isRecord(reading.value) || !isDeepStrictEqual(reading.value, expected)) {
    throw new CardEditRefusedError(`cannot ${what}: the Hub would read back different metadata than intended`);
  }
}
