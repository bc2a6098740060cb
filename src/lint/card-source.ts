import type { ModelCard } from "../card/index.js";
import { valueAtPath } from "../card/value-at-path.js";
import type { KeyPath, LintSource, ScalarSpan } from "./types.js";

/** The card core's one reading of a card, as rules see it; positions are looked up only when a rule asks. */
export function cardSource(card: ModelCard): LintSource {
  const text = card.toString();
  return {
    text,
    hasFrontMatter: card.hasFrontMatter,
    hubReadable: card.hubReadable,
    get metadata() {
      return card.metadata;
    },
    // The model-index-schema rule checks the model-index itself, finding all that `invalid-model-index` finds and more.
    problems: card.readerProblems,
    get crossReaderDifferences() {
      return card.crossReaderDifferences;
    },
    yamlStart: text.length - card.body.length - card.closingFence.length - card.frontMatter.length,
    positionAt: (offset) => card.positionAt(offset),
    // A path the metadata does not hold has no position: no need to build the positions for it.
    keyOffset: (path) => (holds(card, path) ? (card.positions.entryAt(path)?.keyStart ?? null) : null),
    valueOffset: (path) => (holds(card, path) ? (card.positions.nodeAt(path)?.start ?? null) : null),
    scalarAt(path): ScalarSpan | null {
      if (!holds(card, path)) return null;
      const node = card.positions.nodeAt(path);
      if (node?.kind !== "scalar") return null;
      return { start: node.start, end: node.end, source: card.positions.source(node) };
    },
  };
}

/** js-yaml never reads `undefined`: a path whose value is undefined is one the metadata does not hold. */
function holds(card: ModelCard, path: KeyPath): boolean {
  return valueAtPath(card.metadata, path) !== undefined;
}
