import type { Metadata } from "../card/index.js";
import { escapeHtml } from "./escape-html.js";
import { type HubLabel, languageLabel, libraryLabel, taskLabel } from "./hub-labels.js";

const HUB = "https://huggingface.co";

/** A value the Hub takes as a string or a list of strings, as a list of its strings. */
function strings(value: unknown): string[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  return list.filter((item): item is string => typeof item === "string" && item.length > 0);
}

/** One chip; its tooltip names the metadata it comes from. */
function chip(kind: string, caption: string, label: HubLabel, source: string, href?: string): string {
  const classes = `chip chip-${kind}${label.known ? "" : " chip-unknown"}`;
  const title = label.known ? source : `${source} (not in the Hub's list)`;
  const text = `<span class="chip-kind">${escapeHtml(caption)}</span> ${escapeHtml(label.label)}`;
  return href
    ? `<a class="${classes}" data-kind="${kind}" title="${escapeHtml(title)}" href="${escapeHtml(href)}">${text}</a>`
    : `<span class="${classes}" data-kind="${kind}" title="${escapeHtml(title)}">${text}</span>`;
}

function licenseChips(metadata: Metadata): string[] {
  return strings(metadata.license).map((license) => {
    if (license !== "other") return chip("license", "License:", { label: license, known: true }, `license: ${license}`);
    const name = typeof metadata.license_name === "string" ? metadata.license_name : "other";
    const link = typeof metadata.license_link === "string" ? metadata.license_link : undefined;
    return chip("license", "License:", { label: name, known: true }, `license: other, license_name: ${name}`, link);
  });
}

/** The chips under the model name, in the Hub's order: task, libraries, datasets, languages, tags, license. */
export function renderChips(metadata: Metadata): string {
  const chips = [
    ...strings(metadata.pipeline_tag).map((tag) => chip("task", "Task:", taskLabel(tag), `pipeline_tag: ${tag}`)),
    ...strings(metadata.library_name).map((name) =>
      chip("library", "Library:", libraryLabel(name), `library_name: ${name}`),
    ),
    ...strings(metadata.datasets).map((id) =>
      chip("dataset", "Dataset:", { label: id, known: true }, `datasets: ${id}`, `${HUB}/datasets/${encodeURI(id)}`),
    ),
    ...strings(metadata.language).map((code) =>
      chip("language", "Language:", languageLabel(code), `language: ${code}`),
    ),
    ...strings(metadata.tags).map((tag) => chip("tag", "Tag:", { label: tag, known: true }, `tags: ${tag}`)),
    ...licenseChips(metadata),
  ];
  return chips.length ? `<div class="chips">${chips.join("")}</div>` : "";
}

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
  const bases = strings(metadata.base_model);
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
