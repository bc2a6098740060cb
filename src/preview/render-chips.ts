import type { Metadata } from "../card/index.js";
import { escapeHtml } from "./escape-html.js";
import { type HubLabel, languageLabel, libraryLabel, taskLabel } from "./hub-labels.js";
import { metadataStrings } from "./metadata-strings.js";

const HUB = "https://huggingface.co";

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
  return metadataStrings(metadata.license).map((license) => {
    if (license !== "other") return chip("license", "License:", { label: license, known: true }, `license: ${license}`);
    const name = typeof metadata.license_name === "string" ? metadata.license_name : "other";
    const link = typeof metadata.license_link === "string" ? metadata.license_link : undefined;
    return chip("license", "License:", { label: name, known: true }, `license: other, license_name: ${name}`, link);
  });
}

/**
 * The chips under the model name: task, libraries, datasets, languages, tags, the `arxiv:<id>` tags the Hub adds
 * for papers the body links to, and the license.
 */
export function renderChips(metadata: Metadata, arxivIds: readonly string[] = []): string {
  const chips = [
    ...metadataStrings(metadata.pipeline_tag).map((tag) =>
      chip("task", "Task:", taskLabel(tag), `pipeline_tag: ${tag}`),
    ),
    ...metadataStrings(metadata.library_name).map((name) =>
      chip("library", "Library:", libraryLabel(name), `library_name: ${name}`),
    ),
    ...metadataStrings(metadata.datasets).map((id) =>
      chip("dataset", "Dataset:", { label: id, known: true }, `datasets: ${id}`, `${HUB}/datasets/${encodeURI(id)}`),
    ),
    ...metadataStrings(metadata.language).map((code) =>
      chip("language", "Language:", languageLabel(code), `language: ${code}`),
    ),
    ...metadataStrings(metadata.tags).map((tag) => chip("tag", "Tag:", { label: tag, known: true }, `tags: ${tag}`)),
    ...arxivIds.map((id) =>
      chip(
        "paper",
        "arXiv:",
        { label: id, known: true },
        `a link in the body to paper ${id}`,
        `https://arxiv.org/abs/${id}`,
      ),
    ),
    ...licenseChips(metadata),
  ];
  return chips.length ? `<div class="chips">${chips.join("")}</div>` : "";
}
