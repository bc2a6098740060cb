import pc from "picocolors";
import type { LintTotals } from "./lint-totals.js";

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : word.endsWith("x") ? "es" : "s"}`;

/** What was checked: cards, and the `.eval_results/` score files apart (`2 cards and 1 score file`). */
function checked(totals: LintTotals): string {
  const cards = totals.files - totals.scoreFiles;
  if (totals.scoreFiles === 0) return plural(cards, "card");
  if (cards === 0) return plural(totals.scoreFiles, "score file");
  return `${plural(cards, "card")} and ${plural(totals.scoreFiles, "score file")}`;
}

/** The per-rule table: errors first, then by count. */
function ruleTable(totals: LintTotals, colors: ReturnType<typeof pc.createColors>): string {
  const rows = [...totals.rules].sort(
    ([a, x], [b, y]) => y.errors - x.errors || y.warnings - x.warnings || (a < b ? -1 : 1),
  );
  const width = Math.max(4, ...rows.map(([id]) => id.length));
  const lines = [colors.dim(`  ${"rule".padEnd(width)}  ${"errors".padStart(7)}  ${"warnings".padStart(8)}`)];
  for (const [id, { errors, warnings }] of rows) {
    const errorText = String(errors).padStart(7);
    lines.push(
      `  ${id.padEnd(width)}  ${errors > 0 ? colors.red(errorText) : errorText}  ${String(warnings).padStart(8)}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

/** The closing lines: how many cards have errors, a count per rule, and how many problems `--fix` can repair. */
export function formatPrettySummary(totals: LintTotals, color: boolean): string {
  const colors = pc.createColors(color);
  const fixedLine = totals.fixed > 0 ? `${plural(totals.fixed, "fix")} applied.\n` : "";
  const problems = totals.errorCount + totals.warningCount;
  if (problems === 0) return `${fixedLine}${colors.green("✔")} ${checked(totals)} checked, no problems.\n`;
  const paint = totals.errorCount > 0 ? colors.red : colors.yellow;
  let text = paint(
    `✖ ${plural(problems, "problem")} (${plural(totals.errorCount, "error")}, ${plural(totals.warningCount, "warning")}) in ${checked(totals)} checked, ${totals.filesWithErrors} with errors`,
  );
  const fixable = totals.fixableErrorCount + totals.fixableWarningCount;
  if (fixable > 0) {
    text += `\n  ${plural(totals.fixableErrorCount, "error")} and ${plural(totals.fixableWarningCount, "warning")} can be fixed with --fix.`;
  }
  return `${fixedLine}${ruleTable(totals, colors)}${text}\n`;
}
