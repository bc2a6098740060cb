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
