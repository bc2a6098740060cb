import type { ModelCard } from "../card/index.js";
import { type LintConfig, lintCard } from "../lint/index.js";
import type { PushProblem } from "./push-problem.js";

/** The local check run before anything is sent; pushModelCard takes another one through `validate`. */
export type LocalCardCheck = (
  card: ModelCard,
  context: { filePath: string },
) => readonly PushProblem[] | Promise<readonly PushProblem[]>;

/**
 * The lint rules as a push check (with `config`, e.g. the project's `modelcard.config.*`, or the defaults):
 * an error-level message stops the push, warnings are shown.
 */
export function lintBeforePush(config?: LintConfig): LocalCardCheck {
  return (card, { filePath }) =>
    lintCard(card, { filePath, ...(config && { config }) }).map((message) => ({
      source: "card",
      code: message.ruleId,
      severity: message.severity,
      message: message.message,
      line: message.line,
      column: message.column,
    }));
}
