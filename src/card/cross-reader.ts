import { type Document, isPair, isSeq, type Node, type Scalar, visit } from "yaml";
import { isPlainScalar } from "./yaml-writing.js";
import { resolveYaml11Plain, type Yaml11Scalar } from "./yaml11.js";

/** A plain scalar that YAML 1.2 (this library, the Hub's JavaScript) and YAML 1.1 (PyYAML) read differently. */
export interface CrossReaderDifference {
  /** Key path to the scalar, e.g. `["language", 2]`; for a key, the path of the mapping that holds it. */
  path: (string | number)[];
  isKey: boolean;
  source: string;
  yaml12: unknown;
  /** What PyYAML builds; a timestamp is given as its text (JSON shows a date that way). */
  yaml11: unknown;
  yaml11Kind: Yaml11Scalar["kind"];
  /** Offsets in the YAML text. */
  start: number;
  end: number;
}

function pathOf(chain: readonly unknown[]): (string | number)[] {
  const path: (string | number)[] = [];
  for (let index = 0; index < chain.length - 1; index++) {
    const parent = chain[index];
    const child = chain[index + 1];
    if (isPair(parent) && parent.value === child) {
      const key = (parent.key as Scalar | null)?.value;
      path.push(typeof key === "number" ? key : String(key));
    } else if (isSeq(parent)) {
      path.push(parent.items.indexOf(child as Node));
    }
  }
  return path;
}

export function findCrossReaderDifferences(document: Document): CrossReaderDifference[] {
  const differences: CrossReaderDifference[] = [];
  visit(document, {
    Scalar(_, node, ancestors) {
      if (!isPlainScalar(node) || typeof node.source !== "string") return;
      const yaml11 = resolveYaml11Plain(node.source);
      const same =
        yaml11.kind === "str"
          ? node.value === yaml11.value
          : yaml11.kind !== "timestamp" && Object.is(node.value, yaml11.value);
      if (same) return;
      const parent = ancestors[ancestors.length - 1];
      const isKey = isPair(parent) && parent.key === node;
      const path = isKey ? pathOf(ancestors.slice(0, -1)) : pathOf([...ancestors, node]);
      const [start = 0, end = start] = node.range ?? [];
      differences.push({
        path,
        isKey,
        source: node.source,
        yaml12: node.value,
        yaml11: yaml11.value,
        yaml11Kind: yaml11.kind,
        start,
        end,
      });
    },
  });
  return differences;
}
