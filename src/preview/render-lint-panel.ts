import { codeFrameColumns } from "@babel/code-frame";
import type { LintMessage } from "../lint/index.js";
import { escapeHtml } from "./escape-html.js";

/** The Hub's words for a rejection: its web editor's banner, and its YAML reader's message for a syntax error. */
function hubWords(message: LintMessage): string {
  const text = message.ruleId === "yaml-syntax" ? `Invalid YAML in README.md: ${message.message}` : message.message;
  return `YAML Metadata Error: ${text}`;
}

/**
 * The banner shown when the Hub would reject the card (any error): each error in the Hub's words; a YAML syntax
 * error with its code frame, as the Hub prints it.
 */
export function renderRejectionBanner(messages: readonly LintMessage[], text: string): string {
  const errors = messages.filter((message) => message.severity === "error");
  if (errors.length === 0) return "";
  const items = errors
    .map((error) => {
      const frame =
        error.ruleId === "yaml-syntax"
          ? `<pre class="code-frame">${escapeHtml(
              codeFrameColumns(text, { start: { line: error.line, column: error.column } }, { highlightCode: false }),
            )}</pre>`
          : "";
      return `<li><a href="#L${error.line}">${escapeHtml(hubWords(error))}</a>${frame}</li>`;
    })
    .join("");
  return `<div class="rejection-banner" role="alert" id="rejection"><strong>The Hub would reject this card.</strong><ul>${items}</ul></div>`;
}

/** The lint messages, each linking to its line in the source view. */
export function renderLintPanel(messages: readonly LintMessage[]): string {
  const errors = messages.filter((message) => message.severity === "error").length;
  const warnings = messages.length - errors;
  const summary =
    messages.length === 0
      ? "No problems found."
      : `${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}`;
  const items = messages
    .map(
      (message) =>
        `<li class="lint-message lint-${message.severity}" data-rule="${escapeHtml(message.ruleId)}"><a href="#L${
          message.line
        }"><span class="lint-position">${message.line}:${message.column}</span> <span class="lint-severity">${
          message.severity
        }</span> <span class="lint-text">${escapeHtml(message.message)}</span> <span class="lint-rule">${escapeHtml(
          message.ruleId,
        )}</span></a></li>`,
    )
    .join("\n");
  return `<aside class="lint-panel" id="lint"><h2>Lint</h2><p class="lint-summary">${summary}</p><ol class="lint-messages">${items}</ol></aside>`;
}

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
      return `<span class="source-line${mark ? ` source-${mark}` : ""}" id="L${number}"><a class="line-number" href="#L${number}">${number}</a>${escapeHtml(line)}</span>`;
    })
    .join("\n");
  return `<section class="source-view" id="source"><h2>Source</h2><pre>${rows}</pre></section>`;
}
