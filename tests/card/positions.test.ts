import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isMap, isScalar, isSeq, type Node, type Pair, parseDocument } from "yaml";
import { ModelCard } from "../../src/card/index.js";
import { PositionIndex } from "../../src/card/position-index.js";
import { CORPUS, corpusFiles } from "../support/shared.js";

/** Every key and value of a `yaml` Document with its path and range: the reference the positions are held to. */
function* nodesOf(
  node: Node | null,
  path: (string | number)[],
): Generator<{ path: (string | number)[]; node: Node; key?: Node }> {
  if (isMap(node)) {
    for (const pair of node.items as Pair<Node, Node | null>[]) {
      if (!isScalar(pair.key)) continue;
      const childPath = [...path, String(pair.key.value)];
      yield { path: childPath, node: pair.value ?? pair.key, key: pair.key };
      if (pair.value) yield* nodesOf(pair.value, childPath);
    }
  } else if (isSeq(node)) {
    for (const [index, item] of (node.items as (Node | null)[]).entries()) {
      if (!item) continue;
      yield { path: [...path, index], node: item };
      yield* nodesOf(item, [...path, index]);
    }
  }
}

describe("positions from js-yaml's listener agree with yaml's CST", () => {
  it("on every key and value of every corpus card both read", () => {
    const mismatches: string[] = [];
    let checked = 0;
    for (const file of corpusFiles()) {
      const card = ModelCard.parse(readFileSync(`${CORPUS}${file}`, "utf8"));
      if (!card.hubReadable || !card.hasFrontMatter) continue;
      const document = parseDocument(card.frontMatter, { uniqueKeys: false });
      if (document.errors.length > 0) continue;
      const index = new PositionIndex(card.frontMatter);
      for (const { path, node, key } of nodesOf(document.contents as Node, [])) {
        checked++;
        if (key) {
          const entry = index.entryAt(path);
          if (entry?.keyStart !== key.range?.[0]) mismatches.push(`${file} key ${path.join(".")}`);
          if (node === key) continue;
        }
        const found = index.nodeAt(path);
        const [start, end] = node.range ?? [];
        const sameEnd =
          !isScalar(node) || found?.end === end || node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
        if (found?.start !== start || !sameEnd)
          mismatches.push(`${file} ${path.join(".")}: ${found?.start}-${found?.end} vs ${start}-${end}`);
      }
    }
    expect(mismatches.slice(0, 20)).toEqual([]);
    expect(checked).toBeGreaterThan(100_000);
  });
});
