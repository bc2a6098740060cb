import { load } from "js-yaml";

/**
 * The front matter as the Hub reads it: js-yaml 4's `load` with its default schema. Every edit is checked
 * against this reading, so it lives in one place. Throws js-yaml's own error when the Hub would reject the block.
 */
export function readAsHub(yamlText: string): unknown {
  return load(yamlText);
}
