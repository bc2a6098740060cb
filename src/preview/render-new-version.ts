import type { Metadata } from "../card/index.js";
import { escapeHtml } from "./escape-html.js";

/** The notice the Hub shows when `new_version` names a newer model (the Hub follows the chain to the newest). */
export function renderNewVersion(metadata: Metadata): string {
  const id = metadata.new_version;
  if (typeof id !== "string" || id === "") return "";
  return `<div class="new-version" id="new-version">A newer version of this model is available: <a href="https://huggingface.co/${encodeURI(
    id,
  )}">${escapeHtml(id)}</a></div>\n`;
}
