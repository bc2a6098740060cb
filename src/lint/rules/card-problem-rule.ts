import type { CardProblemCode } from "../../card/index.js";
import type { LintRule, Severity } from "../types.js";

/** A rule that surfaces the card reader's own problems of the given codes, where the reader found them. */
export function cardProblemRule(
  id: string,
  codes: readonly CardProblemCode[],
  description: string,
  defaultSeverity: Severity = "error",
): LintRule {
  return {
    id,
    description,
    defaultSeverity,
    fixable: false,
    check({ card }, report) {
      for (const problem of card.problems) {
        if (!codes.includes(problem.code)) continue;
        report({
          message: problem.message,
          severity: problem.severity,
          line: problem.line,
          column: problem.column,
          ...(problem.endLine === undefined ? {} : { endLine: problem.endLine, endColumn: problem.endColumn }),
        });
      }
    },
  };
}
