import { type CardProblemCode, problemText } from "../../card/problem.js";
import type { LintRule, Severity } from "../types.js";

/**
 * A rule that surfaces the card reader's own problems of the given codes, where the reader found them, with the
 * reader's repair when it has one. The reader grades each problem (error = the Hub's reader rejects the block);
 * a rule whose problems the Hub never rejects passes `"warning"` and its findings are warnings whatever the
 * reader says.
 */
export function cardProblemRule(
  id: string,
  codes: readonly CardProblemCode[],
  description: string,
  defaultSeverity: Severity = "error",
  fixable = false,
): LintRule {
  const cap = defaultSeverity === "warning";
  return {
    id,
    description,
    defaultSeverity,
    fixable,
    reads: "reader",
    check({ card }, report) {
      for (const problem of card.problems) {
        if (!codes.includes(problem.code)) continue;
        report({
          message: problemText(problem),
          severity: cap ? "warning" : problem.severity,
          line: problem.line,
          column: problem.column,
          ...(problem.endLine === undefined ? {} : { endLine: problem.endLine, endColumn: problem.endColumn }),
          // The reader's repairs keep the metadata as it is (white space): the card verifies that.
          ...(problem.fix
            ? { fix: { start: problem.fix.range[0], end: problem.fix.range[1], text: problem.fix.text } }
            : {}),
        });
      }
    },
  };
}
