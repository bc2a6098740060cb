import type { Document } from "yaml";
import { formatPath } from "../eval-results.js";
import { newlineFor, splitCard } from "../front-matter.js";
import type { HubYamlReading } from "../hub-yaml.js";
import { isRecord } from "../is-record.js";
import { parseStrictYaml } from "../strict-yaml.js";
import { detectBlockStyle, PYYAML_STYLE, renderPair } from "../yaml-writing.js";
import { applyEditToData } from "./apply-edit-to-data.js";
import type { CardEdit, EditPath } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { findBrokenAlias } from "./find-broken-alias.js";
import { planSplice } from "./plan-splice.js";
import { verifyEdit } from "./verify-edit.js";

export type CardSplit = ReturnType<typeof splitCard>;

/** A card's text as the card already holds it: split, read by the Hub's reader, and its CST if parsed. */
export interface EditSource<R extends { hub: HubYamlReading | null }> {
  split: CardSplit;
  /** The reading of `split` (`hub` is null when there is no front matter). */
  reading: R;
  /** `yaml`'s Document of the block, when the card has parsed it already. */
  document?: Document.Parsed | undefined;
}

const textOf = ({ bom, opening, yaml, closing, body }: CardSplit) => bom + opening + yaml + closing + body;

/** What an edit is called in messages: `set license`, `add to model-index`, `fix license`. */
function describeEdit(edit: CardEdit): string {
  if (edit.kind !== "rewrite") return `${edit.kind === "append" ? "add to" : edit.kind} ${formatPath(edit.path)}`;
  const paths = edit.changes.flatMap((change) => (change.set ? [formatPath(change.set.path)] : []));
  return paths.length === 1 && edit.changes.length === 1 ? `set ${paths[0]}` : "rewrite the front matter";
}

function editedPaths(edit: CardEdit): EditPath[] {
  if (edit.kind !== "rewrite") return [edit.path];
  return edit.changes.flatMap((change) => (change.set ? [change.set.path] : []));
}

/**
 * Applies one edit to a card through `yaml`'s node ranges (or, for a rewrite, at the given offsets): the edited
 * node's bytes change, every other byte stays. The result is read once, with `read` (the Hub's reader, or the
 * card's reader built on it), and verified (see `verifyEdit`) before it is returned with that reading, so the
 * caller needs no other read. A refused edit throws a CardEditRefusedError and the caller keeps its text.
 */
export function applyCardEdit<R extends { hub: HubYamlReading | null }>(
  source: EditSource<R>,
  edit: CardEdit,
  read: (split: CardSplit) => R,
): { split: CardSplit; reading: R } {
  const what = describeEdit(edit);
  const { split } = source;
  const text = textOf(split);
  const head = split.bom + split.opening;
  const firstLine = head.split("\n").length;

  const hub = source.reading.hub;
  if (hub && !hub.ok) {
    const where = ` at line ${firstLine + hub.line}, column ${hub.column + 1}`;
    throw new CardEditRefusedError(
      `cannot ${what}: the Hub cannot read this card's front matter (${hub.reason}${where}); fix it first`,
    );
  }
  const value = hub?.ok ? hub.value : null;
  if (value !== null && value !== undefined && !isRecord(value)) {
    throw new CardEditRefusedError(`cannot ${what}: the front matter is not a mapping of keys to values`);
  }
  const before = value ?? {};
  const expected = applyEditToData(before, edit, what);
  const edited = editedPaths(edit);
  const finish = (planned: CardSplit, start: number, end: number) => {
    const after = textOf(planned);
    // Read back as any reader splits it: new text that closed the block early would be read otherwise.
    const next = splitCard(after);
    if (next.yaml !== planned.yaml || !next.hasFrontMatter)
      throw new CardEditRefusedError(`cannot ${what}: the new text would move the front matter's closing line`);
    const reading = read(next);
    verifyEdit({
      before: text,
      after,
      start,
      end,
      expected,
      reading: reading.hub ?? { ok: true, value: {} },
      edited,
      what,
    });
    return { split: next, reading };
  };

  if (edit.kind === "rewrite") {
    if (!split.hasFrontMatter) throw new CardEditRefusedError(`cannot ${what}: the card has no front matter`);
    const changes = [...edit.changes].sort((a, b) => a.start - b.start);
    let yaml = "";
    let cursor = 0;
    for (const change of changes) {
      if (change.start < cursor || change.end < change.start || change.end > split.yaml.length)
        throw new CardEditRefusedError(`cannot ${what}: its changes overlap or lie outside the front matter`);
      yaml += split.yaml.slice(cursor, change.start) + change.text;
      cursor = change.end;
    }
    yaml += split.yaml.slice(cursor);
    const from = head.length + (changes[0]?.start ?? 0);
    const to = head.length + (changes.at(-1)?.end ?? 0);
    return finish({ ...split, yaml }, from, to);
  }

  const newline = newlineFor(text);
  if (!split.hasFrontMatter) {
    if (edit.kind === "delete") return { split, reading: source.reading };
    const key = String(edit.path[0]);
    const yaml = renderPair(key, (expected as Record<string, unknown>)[key], PYYAML_STYLE).replace(/\n/g, newline);
    const next = { ...split, opening: `---${newline}`, yaml, closing: `${newline}---${newline}`, hasFrontMatter: true };
    return finish(next, split.bom.length, split.bom.length);
  }

  const document = source.document ?? parseStrictYaml(split.yaml);
  const style = { ...PYYAML_STYLE, ...detectBlockStyle(split.yaml) };
  let splice: ReturnType<typeof planSplice>;
  try {
    splice = planSplice(split.yaml, document, edit, style);
  } catch (error) {
    if (error instanceof CardEditRefusedError) throw new CardEditRefusedError(`cannot ${what}: ${error.message}`);
    throw error;
  }
  if (!splice) {
    verifyEdit({
      before: text,
      after: text,
      start: 0,
      end: 0,
      expected,
      reading: hub ?? { ok: true, value: {} },
      edited,
      what,
    });
    return { split, reading: source.reading };
  }
  const [from, to] = splice.extent;
  if (splice.start < from || splice.end > to) {
    throw new CardEditRefusedError(`cannot ${what}: the change would reach beyond the edited node`);
  }
  // Where a strict YAML 1.2 reader stops, node ranges cannot be trusted: only intact nodes are edited.
  const broken = document.errors.find((error) => error.pos[0] <= to && error.pos[1] >= from);
  if (broken) {
    const line = firstLine + split.yaml.slice(0, broken.pos[0]).split("\n").length - 1;
    throw new CardEditRefusedError(
      `cannot ${what}: its YAML at line ${line} is not strict YAML 1.2 (${broken.message.split("\n")[0]}); the Hub reads it, but it cannot be edited safely: rewrite that node first`,
    );
  }
  const alias = findBrokenAlias(document, splice.touched);
  if (alias) {
    const line = firstLine + split.yaml.slice(0, alias.range?.[0] ?? 0).split("\n").length - 1;
    throw new CardEditRefusedError(
      `cannot ${what}: its anchor &${alias.source} is used by *${alias.source} at line ${line}; change or remove that alias first`,
    );
  }
  const inserted = newline === "\n" ? splice.text : splice.text.replace(/\r?\n/g, newline);
  const yaml = split.yaml.slice(0, splice.start) + inserted + split.yaml.slice(splice.end);
  // The check is against the node's lines, measured apart from the splice: what follows them is not the node's.
  return finish({ ...split, yaml }, head.length + from, head.length + to);
}
