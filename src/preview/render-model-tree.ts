import type { Metadata } from "../card/index.js";
import { escapeHtml } from "./escape-html.js";
import { metadataStrings } from "./metadata-strings.js";

const HUB = "https://huggingface.co";

const RELATIONS: Record<string, string> = {
  adapter: "Adapter",
  finetune: "Finetuned",
  quantized: "Quantized",
  merge: "Merge",
};

/**
 * The model tree: the base models and how this model derives from them. Without `base_model_relation` the Hub
 * infers the relation from the repository's files, which a preview cannot see: it says so rather than guess.
 */
export function renderModelTree(metadata: Metadata, repoName: string): string {
  const bases = metadataStrings(metadata.base_model);
  if (bases.length === 0) return "";
  const relation = typeof metadata.base_model_relation === "string" ? metadata.base_model_relation : null;
  const relationText =
    relation === null
      ? `<span class="relation relation-missing">relation not given: the Hub infers it</span>`
      : `<span class="relation">${escapeHtml(RELATIONS[relation] ?? relation)}</span>`;
  const items = bases.map((base) => `<li><a href="${HUB}/${encodeURI(base)}">${escapeHtml(base)}</a></li>`).join("");
  return `<section class="model-tree" id="model-tree"><h2>Model tree for ${escapeHtml(repoName)}</h2>
<p>Base model${bases.length > 1 ? "s" : ""}:</p><ul class="base-models">${items}</ul>
<p>This model: ${relationText}</p></section>`;
}
