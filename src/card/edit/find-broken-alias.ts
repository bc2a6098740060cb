import { type Alias, type Document, type Node, visit } from "yaml";

/**
 * The first alias outside the edited nodes that points at an anchor inside them: the edit would leave it
 * dangling (or change what it reads), so it is refused. Null when no alias depends on the edited nodes.
 */
export function findBrokenAlias(document: Document.Parsed, touched: readonly Node[]): Alias | null {
  if (touched.length === 0) return null;
  const inside = new Set<unknown>();
  for (const node of touched) {
    inside.add(node);
    visit(node, { Node: (_, child) => void inside.add(child) });
  }
  let broken: Alias | null = null;
  visit(document, {
    Alias(_, alias) {
      if (inside.has(alias)) return;
      if (inside.has(alias.resolve(document))) {
        broken = alias;
        return visit.BREAK;
      }
    },
  });
  return broken;
}
