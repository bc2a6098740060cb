import { load } from "js-yaml";
import { HUB_YAML_OPTIONS } from "../hub-yaml.js";

/**
 * The front matter as the Hub reads it, with the card core's own reader settings: every edit is checked against
 * this reading. Throws js-yaml's own error when the Hub would reject the block.
 */
export function readAsHub(yamlText: string): unknown {
  return load(yamlText, HUB_YAML_OPTIONS);
}
