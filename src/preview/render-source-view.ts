import type { LintMessage } from "../lint/index.js";
import { escapeHtml } from "./escape-html.js";

/** The card's text with numbered lines, each an anchor (`#L12`); lines with a message are marked. */
export function renderSourceView(text: string, messages: readonly LintMessage[]): string {
  const marked = new Map<number, string>();
  for (const message of messages) {
    if (marked.get(message.line) !== "error") marked.set(message.line, message.severity);
  }
  const lines = text.split(/\r?\n/);
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  const rows = lines
    .map((line, index) => {
      const number = index + 1;
      const mark = marked.get(number);
      return `<span class="source-line${mark ? ` source-${mark}` : ""}" id="L${number}"><a class="line-number" href="#L${number}">${number}</a>${escapeHtml(line)}\n</span>`;
    })
    // Each line ends inside its block: the page keeps one line per line, and so does a copy of the text.
    .join("");
  return `<section class="source-view" id="source"><h2>Source</h2><pre>${rows}</pre></section>`;
}
