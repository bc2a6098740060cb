import type { PositionIndex } from "./position-index.js";
import { valueAtPath } from "./value-at-path.js";
import { resolveYaml11Plain, type Yaml11Scalar } from "./yaml11.js";

/** A plain scalar that PyYAML (YAML 1.1, inside huggingface_hub) reads differently from the Hub (js-yaml 4). */
export interface CrossReaderDifference {
  /** Key path to the scalar, e.g. `["language", 2]`; for a key, the path of the mapping that holds it. */
  path: (string | number)[];
  isKey: boolean;
  /** The scalar as written. */
  source: string;
  /** What the Hub reads (a key is always a string there; a timestamp is a Date). */
  hub: unknown;
  /** What PyYAML builds; a timestamp is given as its text. */
  pyyaml: unknown;
  pyyamlKind: Yaml11Scalar["kind"];
  /** Offsets in the YAML text. */
  start: number;
  end: number;
}

/** Plain scalars start with none of these: quotes, block scalar indicators, an alias, a flow collection. */
const NOT_PLAIN = new Set(['"', "'", "|", ">", "*", "[", "{"]);

function sameReading(hub: unknown, pyyaml: Yaml11Scalar): boolean {
  // A date reads as a date in both, but JSON and strict YAML 1.2 readers see other things: worth quoting.
  if (pyyaml.kind === "timestamp") return false;
  if (pyyaml.kind === "str") return hub === pyyaml.value;
  return Object.is(hub, pyyaml.value);
}

/** Every plain scalar (keys included) that PyYAML reads otherwise than js-yaml, from the positions pass. */
export function findCrossReaderDifferences(positions: PositionIndex, metadata: unknown): CrossReaderDifference[] {
  const differences: CrossReaderDifference[] = [];
  positions.forEachScalar((path, node, isKey) => {
    const source = positions.source(node);
    if (source === "" || source.includes("\n") || NOT_PLAIN.has(source.charAt(0))) return;
    const pyyaml = resolveYaml11Plain(source);
    const hub = isKey ? source : valueAtPath(metadata, path);
    if (isKey ? pyyaml.kind === "str" : sameReading(hub, pyyaml)) return;
    differences.push({
      path,
      isKey,
      source,
      hub,
      pyyaml: pyyaml.value,
      pyyamlKind: pyyaml.kind,
      start: node.start,
      end: node.end,
    });
  });
  return differences;
}
