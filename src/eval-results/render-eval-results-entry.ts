import { Document, isCollection, isScalar, type Scalar, type ScalarTag, visit } from "yaml";
import { formatFloat, isAmbiguousString } from "../card/index.js";
import type { EvalResultsEntry } from "./eval-results-entry.js";

/** Numbers as PyYAML writes them (`1.0e-07`, never `1e-7`, a string to YAML 1.1 readers). */
const floatTag: ScalarTag = {
  identify: (value) => typeof value === "number" && !Number.isInteger(value),
  default: true,
  tag: "tag:yaml.org,2002:float",
  test: /^\b$/, // only used for writing
  resolve: (source) => Number(source),
  stringify: ({ value }) => formatFloat(value as number),
};

export interface EntryStyle {
  /** Spaces per nesting level of the entry's mappings. */
  indent: number;
  /** One line, for a flow list: `{dataset: {id: a/b, task_id: t}, value: 1}`. */
  inline: boolean;
}

/**
 * An entry (already in the spec's key order) as YAML text that js-yaml, PyYAML and strict YAML 1.2 all read back
 * as that entry: `date` single-quoted (the spec's form, as PyYAML writes it), other strings quoted where a reader
 * could take them for something else. Block text has its nested lines at column `indent` and no final newline.
 */
export function renderEvalResultsEntry(entry: EvalResultsEntry, style: EntryStyle): string {
  const document = new Document(style.inline ? [entry] : entry, { customTags: (tags) => [floatTag, ...tags] });
  visit(document, {
    Pair(_, pair) {
      if (isScalar(pair.key) && pair.key.value === "date" && isScalar(pair.value)) pair.value.type = "QUOTE_SINGLE";
    },
    Scalar(_, node: Scalar) {
      if (typeof node.value !== "string" || node.type === "QUOTE_SINGLE") return;
      if (isAmbiguousString(node.value) || /[\r\n]/.test(node.value)) node.type = "QUOTE_DOUBLE";
    },
    Collection(_, node) {
      if (style.inline && isCollection(node)) node.flow = true;
    },
  });
  const text = document
    .toString({ indent: style.indent, lineWidth: 0, flowCollectionPadding: false })
    .replace(/\n$/, "");
  return style.inline ? text.slice(1, -1) : text;
}
