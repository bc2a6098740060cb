import { resolveLintConfig } from "./resolve-lint-config.js";
import type { KeyPath, LintConfig, LintFix, LintFixEdit, LintMessage, LintReport, LintSource } from "./types.js";

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

/** One rule's message, with the fix it offers as a card edit (offsets in the YAML block), not yet verified. */
export interface Finding {
  message: LintMessage;
  fix?: LintFixEdit;
}

/** A rule's fix in the YAML block's offsets; a custom rule's `{range, text}` (file offsets) must keep the metadata. */
function fixEdit(card: LintSource, fix: LintFixEdit | LintFix): LintFixEdit {
  if (!("range" in fix)) return fix;
  return { start: fix.range[0] - card.yamlStart, end: fix.range[1] - card.yamlStart, text: fix.text };
}

/** Runs the configured rules on one card source; findings come sorted by position, their fixes not yet verified. */
export function runRules(card: LintSource, config: LintConfig | undefined, filePath: string | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const { rule, severity, options } of resolveLintConfig(config)) {
    // The reader's error is the one root cause: rules over the (empty) metadata would only echo it.
    if (!card.hubReadable && (rule.reads ?? "metadata") === "metadata") continue;
    try {
      rule.check({ card, options, filePath }, (finding) => {
        const message: LintMessage = {
          ruleId: rule.id,
          severity: severity ?? finding.severity ?? rule.defaultSeverity,
          message: finding.message,
          ...positionOf(card, finding),
        };
        findings.push(finding.fix && rule.fixable ? { message, fix: fixEdit(card, finding.fix) } : { message });
      });
    } catch (error) {
      // A broken (custom) rule must not stop the run over thousands of cards: it becomes an error message.
      // Fatal, as ESLint marks what stopped a check: the run ends with exit code 2 once every card is reported.
      const reason = error instanceof Error ? error.message : String(error);
      findings.push({
        message: {
          ruleId: rule.id,
          severity: "error",
          message: `Rule "${rule.id}" crashed on this card (${reason}); fix the rule or turn it off.`,
          line: 1,
          column: 1,
          fatal: true,
        },
      });
    }
  }
  return findings.sort((a, b) => a.message.line - b.message.line || a.message.column - b.message.column);
}
