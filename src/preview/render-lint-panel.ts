import type { LintMessage } from "../lint/index.js";
import { escapeHtml } from "./escape-html.js";

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
