import { formatPath, isAmbiguousString } from "../../card/index.js";
import type { KeyPath, LintReport, LintSource } from "../types.js";
import { setScalar, shown } from "./rule-kit.js";

/** The same value in another letter case, when the vocabulary holds exactly one. */
function caseVariant(value: string, vocabulary: ReadonlySet<string>): string | undefined {
  const lower = value.trim().toLowerCase();
  let found: string | undefined;
  for (const entry of vocabulary) {
    if (entry.toLowerCase() !== lower) continue;
    if (found !== undefined) return undefined;
    found = entry;
  }
  return found;
}

/**
 * Checks that the string at `path` is in `vocabulary`; a value that differs only in letter case gets a fix.
 * Returns false when a finding was reported.
 */
export function checkVocabularyValue(
  card: LintSource,
  path: KeyPath,
  value: unknown,
  vocabulary: ReadonlySet<string>,
  what: string,
  hint: string,
  report: (finding: LintReport) => void,
): boolean {
  if (typeof value !== "string") {
    report({ message: `\`${formatPath([...path])}\` must be a string ${what}, not ${shown(value)}.`, path });
    return false;
  }
  if (vocabulary.has(value)) return true;
  const variant = caseVariant(value, vocabulary);
  if (variant !== undefined) {
    const text = isAmbiguousString(variant) ? JSON.stringify(variant) : variant;
    const fix = setScalar(card, path, variant, text);
    report({
      message: `${what[0]?.toUpperCase()}${what.slice(1)} "${value}" is not known; did you mean "${variant}"? Expected: ${variant}; Actual: ${value}.`,
      path,
      atValue: true,
      ...(fix ? { fix } : {}),
    });
  } else {
    report({
      message: `${what[0]?.toUpperCase()}${what.slice(1)} "${value}" is not known; ${hint}`,
      path,
      atValue: true,
    });
  }
  return false;
}
