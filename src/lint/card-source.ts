import { isMap, isScalar, type Node, type Pair, type Scalar } from "yaml";
import type { ModelCard } from "../card/index.js";
import { splitFrontMatter } from "../card/index.js";
import type { KeyPath, LintSource, ScalarSpan } from "./types.js";

/** The full reader's view of a card, for rules. */
export function cardSource(card: ModelCard): LintSource {
  const text = card.toString();
  const bom = text.startsWith("\uFEFF") ? 1 : 0;
  const yamlStart = bom + splitFrontMatter(text.slice(bom)).opening.length;
  const nodeAt = (path: KeyPath): Node | null => {
    const document = card.document;
    if (!document) return null;
    if (path.length === 0) return (document.contents as Node | null) ?? null;
    return (document.getIn(path, true) as Node | undefined) ?? null;
  };
  return {
    text,
    hasFrontMatter: card.hasFrontMatter,
    get metadata() {
      return card.metadata;
    },
    // The model-index-schema rule checks the model-index itself, finding all that this problem finds and more.
    problems: card.problems.filter((problem) => problem.code !== "invalid-model-index"),
    get crossReaderDifferences() {
      return card.crossReaderDifferences;
    },
    yamlStart,
    positionAt: (offset) => card.positionAt(offset),
    keyOffset(path) {
      const parent = nodeAt(path.slice(0, -1));
      if (!isMap(parent)) return null;
      const key = path[path.length - 1];
      const pair = (parent.items as Pair<Scalar | null, Node | null>[]).find((item) => item.key?.value === key);
      return pair?.key?.range?.[0] ?? null;
    },
    valueOffset(path) {
      return nodeAt(path)?.range?.[0] ?? null;
    },
    scalarAt(path): ScalarSpan | null {
      const node = nodeAt(path);
      if (!isScalar(node) || !node.range) return null;
      const [start, end] = node.range;
      return { start, end, source: card.frontMatter.slice(start, end) };
    },
  };
}
