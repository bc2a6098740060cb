import pc from "picocolors";

export interface LintTotals {
  files: number;
  errorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  fixed: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : word.endsWith("x") ? "es" : "s"}`;

/** The closing line: how many problems, and how many `--fix` can repair. */
export function formatPrettySummary(totals: LintTotals, color: boolean): string {
  const colors = pc.createColors(color);
  const fixedLine = totals.fixed > 0 ? `${plural(totals.fixed, "fix")} applied.\n` : "";
  const problems = totals.errorCount + totals.warningCount;
  if (problems === 0) return `${fixedLine}${colors.green("✔")} ${plural(totals.files, "card")} checked, no problems.\n`;
  const paint = totals.errorCount > 0 ? colors.red : colors.yellow;
  let text = paint(
    `✖ ${plural(problems, "problem")} (${plural(totals.errorCount, "error")}, ${plural(totals.warningCount, "warning")}) in ${plural(totals.files, "card")}`,
  );
  const fixable = totals.fixableErrorCount + totals.fixableWarningCount;
  if (fixable > 0) {
    text += `\n  ${plural(totals.fixableErrorCount, "error")} and ${plural(totals.fixableWarningCount, "warning")} can be fixed with --fix.`;
  }
  return `${fixedLine}${text}\n`;
}
