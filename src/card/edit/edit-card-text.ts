import { formatPath } from "../eval-results.js";
import { newlineFor, splitCard } from "../front-matter.js";
import { readHubYaml } from "../hub-yaml.js";
import { isRecord } from "../is-record.js";
import { parseStrictYaml } from "../strict-yaml.js";
import { detectBlockStyle, PYYAML_STYLE, renderPair } from "../yaml-writing.js";
import { applyEditToData } from "./apply-edit-to-data.js";
import type { CardEdit } from "./card-edit.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";
import { findBrokenAlias } from "./find-broken-alias.js";
import { planSplice } from "./plan-splice.js";
import { verifyEdit } from "./verify-edit.js";

/**
 * Applies one edit to a card's text through `yaml`'s node ranges: the edited node's bytes change, every other
 * byte stays. The result is verified (see `verifyEdit`) before it is returned; a refused edit throws a
 * CardEditRefusedError and the caller keeps its text.
 */
export function editCardText(text: string, edit: CardEdit): string {
  const what = `${edit.kind === "append" ? "add to" : edit.kind} ${formatPath(edit.path)}`;
  const split = splitCard(text);
  const { bom } = split;
  const head = bom + split.opening;
  const firstLine = head.split("\n").length;

  const hub = split.hasFrontMatter ? readHubYaml(split.yaml) : null;
  if (hub && !hub.ok) {
    const where = ` at line ${firstLine + hub.line}, column ${hub.column + 1}`;
    throw new CardEditRefusedError(
      `cannot ${what}: the Hub cannot read this card's front matter (${hub.reason}${where}); fix it first`,
    );
  }
  const reading = hub?.ok ? hub.value : null;
  if (reading !== null && reading !== undefined && !isRecord(reading)) {
    throw new CardEditRefusedError(`cannot ${what}: the front matter is not a mapping of keys to values`);
  }
  const before = reading ?? {};
  const expected = applyEditToData(before, edit, what);
  const newline = newlineFor(text);

  if (!split.hasFrontMatter) {
    if (edit.kind === "delete") return text;
    const key = String(edit.path[0]);
    const yaml = renderPair(key, (expected as Record<string, unknown>)[key], PYYAML_STYLE).replace(/\n/g, newline);
    const after = `${bom}---${newline}${yaml}${newline}---${newline}${split.body}`;
    verifyEdit({ before: text, after, start: bom.length, end: bom.length, expected, yaml, what });
    return after;
  }

  const document = parseStrictYaml(split.yaml);
  const style = { ...PYYAML_STYLE, ...detectBlockStyle(split.yaml) };
  let splice: ReturnType<typeof planSplice>;
  try {
    splice = planSplice(split.yaml, document, edit, style);
  } catch (error) {
    if (error instanceof CardEditRefusedError) throw new CardEditRefusedError(`cannot ${what}: ${error.message}`);
    throw error;
  }
  if (!splice) {
    verifyEdit({ before: text, after: text, start: 0, end: 0, expected, yaml: split.yaml, what });
    return text;
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
  const after = head + yaml + split.closing + split.body;
  const offset = head.length;
  // The check is against the node's lines, measured apart from the splice: what follows them is not the node's.
  verifyEdit({ before: text, after, start: offset + from, end: offset + to, expected, yaml, what });
  return after;
}
