import { resolveLintConfig } from "./resolve-lint-config.js";
import type { KeyPath, LintConfig, LintMessage, LintReport, LintSource } from "./types.js";

type Position = Pick<LintMessage, "line" | "column" | "endLine" | "endColumn">;

/** Where a finding at `path` is shown: its key, or the value for list items; else the nearest enclosing key. */
export function positionOfPath(card: LintSource, path: KeyPath, atValue = false): Position {
  for (let length = path.length; length > 0; length--) {
    const prefix = path.slice(0, length);
    const last = prefix[length - 1];
    const useValue = typeof last === "number" || (atValue && length === path.length);
    const scalar = useValue ? card.scalarAt(prefix) : null;
    if (scalar) {
      const end = card.positionAt(scalar.end);
      return { ...card.positionAt(scalar.start), endLine: end.line, endColumn: end.column };
    }
    const offset = useValue ? card.valueOffset(prefix) : card.keyOffset(prefix);
    if (offset !== null) return card.positionAt(offset);
  }
  return card.hasFrontMatter ? card.positionAt(0) : { line: 1, column: 1 };
}

function positionOf(card: LintSource, finding: LintReport): Position {
  if (finding.line !== undefined) {
    return {
      line: finding.line,
      column: finding.column ?? 1,
      ...(finding.endLine === undefined ? {} : { endLine: finding.endLine, endColumn: finding.endColumn ?? 1 }),
    };
  }
  return positionOfPath(card, finding.path ?? [], finding.atValue);
}

/** Runs the configured rules on one card source; messages come sorted by position. */
export function runRules(
  card: LintSource,
  config: LintConfig | undefined,
  filePath: string | undefined,
): LintMessage[] {
  const messages: LintMessage[] = [];
  for (const { rule, severity, options } of resolveLintConfig(config)) {
    // The reader's error is the one root cause: rules over the (empty) metadata would only echo it.
    if (!card.hubReadable && (rule.reads ?? "metadata") === "metadata") continue;
    try {
      rule.check({ card, options, filePath }, (finding) => {
        messages.push({
          ruleId: rule.id,
          severity: severity ?? finding.severity ?? rule.defaultSeverity,
          message: finding.message,
          ...positionOf(card, finding),
          ...(finding.fix && rule.fixable ? { fix: finding.fix } : {}),
        });
      });
    } catch (error) {
      // A broken (custom) rule must not stop the run over thousands of cards: it becomes an error message.
      // Fatal, as ESLint marks what stopped a check: the run ends with exit code 2 once every card is reported.
      const reason = error instanceof Error ? error.message : String(error);
      messages.push({
        ruleId: rule.id,
        severity: "error",
        message: `Rule "${rule.id}" crashed on this card (${reason}); fix the rule or turn it off.`,
        line: 1,
        column: 1,
        fatal: true,
      });
    }
  }
  return messages.sort((a, b) => a.line - b.line || a.column - b.column);
}
