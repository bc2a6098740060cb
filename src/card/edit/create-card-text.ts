import { isDeepStrictEqual } from "node:util";
import { readHubYaml } from "../hub-yaml.js";
import type { Metadata } from "../read-block.js";
import { PYYAML_STYLE, renderPair } from "../yaml-writing.js";
import { CardEditRefusedError } from "./card-edit-refused-error.js";

/**
 * A new card's text from metadata and a body, written the way huggingface_hub writes (model-index last), and
 * read back with the Hub's reader: a value it would read differently is refused.
 */
export function createCardText(metadata: Metadata, body: string, options: { lineEnding?: "lf" | "crlf" }): string {
  const { "model-index": modelIndex, ...rest } = metadata;
  const ordered = Object.entries(modelIndex === undefined ? rest : { ...rest, "model-index": modelIndex }).filter(
    ([, value]) => value !== undefined,
  );
  const yaml = ordered.map(([key, value]) => renderPair(key, value, PYYAML_STYLE)).join("\n");
  const hub = readHubYaml(yaml);
  const reading = hub.ok ? (hub.value as Metadata | undefined) : undefined;
  const differs = ordered.find(([key, value]) => !isDeepStrictEqual(reading?.[key], value));
  if (differs) {
    throw new CardEditRefusedError(`cannot create the card: the Hub would not read \`${differs[0]}\` as given`);
  }
  // An empty block is one the Hub rejects ("The YAML metadata of your README.md is invalid."); `{}` it reads.
  const header = `---\n${yaml === "" ? "{}" : yaml}\n---\n`;
  return (options.lineEnding === "crlf" ? header.replaceAll("\n", "\r\n") : header) + body;
}
