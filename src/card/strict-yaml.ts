import { type Document, parseDocument } from "yaml";

/**
 * A block as a strict YAML 1.2 reader sees it, through `yaml`'s lossless Document (comments and node ranges
 * kept): what edits rewrite, and the check for what only strict readers reject. Duplicate keys are the Hub's
 * concern (js-yaml rejects them), so they are not errors here.
 */
export function parseStrictYaml(yamlText: string): Document.Parsed {
  return parseDocument(yamlText, { prettyErrors: false, version: "1.2", uniqueKeys: false });
}
