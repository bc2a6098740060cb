import { codeFrameColumns } from "@babel/code-frame";
import type { ModelCard } from "../card/index.js";
import type { LintMessage } from "../lint/index.js";
import { escapeHtml } from "./escape-html.js";

/**
 * The Hub's words for a rejection: its web editor's banner, and its YAML reader's whole message for a syntax error
 * (js-yaml's, with its position in the block, which lint leaves out of its own message).
 */
function hubWords(message: LintMessage, card: ModelCard): string {
  if (message.ruleId !== "yaml-syntax") return `YAML Metadata Error: ${message.message}`;
  const problem = card.readerProblems.find(
    (candidate) => candidate.line === message.line && candidate.column === message.column,
  );
  return `YAML Metadata Error: Invalid YAML in README.md: ${problem?.message ?? message.message}`;
}

/**
 * The banner shown when the Hub would reject the card (any error): each error in the Hub's words; a YAML syntax
 * error with its code frame, as the Hub prints it.
 */
export function renderRejectionBanner(messages: readonly LintMessage[], card: ModelCard): string {
  const text = card.toString();
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
      return `<li><a href="#L${error.line}">${escapeHtml(hubWords(error, card))}</a>${frame}</li>`;
    })
    .join("");
  return `<div class="rejection-banner" role="alert" id="rejection"><strong>The Hub would reject this card.</strong><ul>${items}</ul></div>`;
}
