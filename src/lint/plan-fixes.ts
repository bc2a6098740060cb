import type { ModelCard, TextChange } from "../card/index.js";
import type { Finding } from "./run-rules.js";
import type { LintMessage } from "./types.js";

export interface PlannedFixes {
  /** The messages; those whose fix the card accepts carry it in ESLint's shape (file offsets). */
  messages: LintMessage[];
  /** The accepted fixes, as one card edit applies them: what `--fix` writes, and all it writes. */
  changes: TextChange[];
}

const rewrite = (changes: readonly TextChange[]) => [{ kind: "rewrite" as const, changes }];

/**
 * Verifies the findings' fixes with the card, as every edit is verified: the Hub reads exactly what each fix
 * intends and nothing else changes (no value an alias reads, no bytes it did not edit, nothing on a card whose
 * bytes are not UTF-8). A fix the card refuses is not offered, and its message says why; the ones offered are
 * exactly what `--fix` applies, so the summary's fixable count is what it fixes. Costs one Hub read per card
 * with fixes (more only when some fix is refused).
 */
export function planFixes(card: ModelCard, findings: readonly Finding[], yamlStart: number): PlannedFixes {
  const candidates = findings
    .filter((finding) => finding.fix)
    .sort((a, b) => (a.fix?.start ?? 0) - (b.fix?.start ?? 0));
  if (candidates.length === 0) return { messages: findings.map((finding) => finding.message), changes: [] };
  const refused = new Map<Finding, string>();
  let cursor = -1;
  for (const finding of candidates) {
    const fix = finding.fix as TextChange;
    // ESLint's rule: of two fixes on the same text, the first goes; the other waits for the next run.
    if (fix.start < cursor) refused.set(finding, "another fix changes the same text; run --fix again");
    else cursor = Math.max(fix.end, fix.start + 1);
  }
  let accepted = candidates.filter((finding) => !refused.has(finding));
  const together = card.refusalOf(rewrite(accepted.map((finding) => finding.fix as TextChange)));
  if (together !== null) {
    // Something is refused: find which, one fix at a time, then check the rest together again.
    for (const finding of accepted) {
      const reason = accepted.length === 1 ? together : card.refusalOf(rewrite([finding.fix as TextChange]));
      if (reason !== null) refused.set(finding, reason);
    }
    accepted = accepted.filter((finding) => !refused.has(finding));
    const rest =
      accepted.length > 0 ? card.refusalOf(rewrite(accepted.map((finding) => finding.fix as TextChange))) : null;
    if (rest !== null) for (const finding of accepted) refused.set(finding, rest);
    accepted = accepted.filter((finding) => !refused.has(finding));
  }
  const offered = new Set(accepted);
  const messages = findings.map((finding) => {
    const fix = finding.fix;
    if (!fix) return finding.message;
    if (offered.has(finding))
      return { ...finding.message, fix: { range: [yamlStart + fix.start, yamlStart + fix.end], text: fix.text } };
    return { ...finding.message, message: `${finding.message.message} (--fix leaves this: ${refused.get(finding)})` };
  }) as LintMessage[];
  return { messages, changes: accepted.map((finding) => finding.fix as TextChange) };
}
