import { isDeepStrictEqual } from "node:util";
import { readHubYaml } from "./hub-yaml.js";
import type { PositionIndex } from "./position-index.js";
import { parseStrictYaml } from "./strict-yaml.js";

/**
 * The repair for quoted strings continued at or left of their key's column (the T0 cards): indent those lines
 * two spaces past the key. Folding drops a quoted line's leading spaces, so the Hub reads the same value; the
 * result is checked (same js-yaml reading, no strict YAML 1.2 error) or no repair is offered.
 */
export function indentContinuationLines(
  yamlText: string,
  positions: PositionIndex,
  metadata: unknown,
): { range: [number, number]; text: string } | null {
  const insertions: { at: number; indent: string }[] = [];
  positions.forEachScalar((_, node) => {
    const first = yamlText[node.start];
    if ((first !== '"' && first !== "'") || !yamlText.slice(node.start, node.end).includes("\n")) return;
    const lineStart = yamlText.lastIndexOf("\n", node.start - 1) + 1;
    const keyIndent = /^[ -]*/.exec(yamlText.slice(lineStart, node.start))?.[0].length ?? 0;
    const indent = keyIndent + 2;
    for (let at = yamlText.indexOf("\n", node.start) + 1; at > 0 && at < node.end; ) {
      const spaces = /^ */.exec(yamlText.slice(at, at + indent))?.[0].length ?? 0;
      const next = yamlText[at + spaces];
      if (spaces < indent && next !== "\n" && next !== "\r")
        insertions.push({ at, indent: " ".repeat(indent - spaces) });
      at = yamlText.indexOf("\n", at) + 1;
    }
  });
  const firstInsertion = insertions[0];
  const lastInsertion = insertions[insertions.length - 1];
  if (!firstInsertion || !lastInsertion) return null;
  const [from, to] = [firstInsertion.at, lastInsertion.at];
  let text = "";
  let cursor = from;
  for (const { at, indent } of insertions) {
    text += yamlText.slice(cursor, at) + indent;
    cursor = at;
  }
  const fixed = yamlText.slice(0, from) + text + yamlText.slice(to);
  const reading = readHubYaml(fixed);
  if (!reading.ok || !isDeepStrictEqual(reading.value, metadata)) return null;
  if (parseStrictYaml(fixed).errors.length > 0) return null;
  return { range: [from, to], text };
}
