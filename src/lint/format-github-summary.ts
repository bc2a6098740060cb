import type { LintTotals } from "./lint-totals.js";

/** GitHub shows at most this many annotations of one kind (errors, warnings) per step; the log keeps them all. */
export const GITHUB_ANNOTATIONS_PER_KIND = 10;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;

/**
 * The closing line of `--format github`: a plain log line (not a command), saying what was found and, when more
 * errors or warnings were printed than GitHub shows as annotations, that the rest are in the log.
 */
export function formatGithubSummary(totals: LintTotals): string {
  const problems = totals.errorCount + totals.warningCount;
  const cards = plural(totals.files, "card");
  if (problems === 0) return `modelcard lint: ${cards} checked, no problems.\n`;
  let text = `modelcard lint: ${plural(problems, "problem")} (${plural(totals.errorCount, "error")}, ${plural(totals.warningCount, "warning")}) in ${cards} checked, ${totals.filesWithErrors} with errors.`;
  if (totals.errorCount > GITHUB_ANNOTATIONS_PER_KIND || totals.warningCount > GITHUB_ANNOTATIONS_PER_KIND) {
    text += ` GitHub shows at most ${GITHUB_ANNOTATIONS_PER_KIND} error and ${GITHUB_ANNOTATIONS_PER_KIND} warning annotations per step: every message is in this log (upload SARIF for the full list in code scanning).`;
  }
  return `${text}\n`;
}
