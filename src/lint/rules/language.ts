import type { LintRule } from "../types.js";
import { languageCodeByName, languageCodeSet } from "../vocabularies.js";
import { entriesOf, optionsObject, setScalar, shown, stringList } from "./rule-kit.js";

export interface LanguageOptions {
  /** Values accepted besides the ISO codes. */
  allow: readonly string[];
}

/** The code a user probably meant: `en-US` -> `en`, `english` -> `en`, `EN` -> `en`. */
function suggestCode(value: string, codes: ReadonlySet<string>): string | undefined {
  const lower = value.trim().toLowerCase();
  if (codes.has(lower)) return lower;
  const primary = lower.split(/[-_]/)[0] ?? "";
  if (primary !== lower && codes.has(primary)) return primary;
  return languageCodeByName().get(lower);
}

export const language: LintRule<LanguageOptions> = {
  id: "language",
  description:
    "`language` should hold ISO 639-1 or 639-3 codes known to @huggingface/languages, not BCP-47 tags or names.",
  defaultSeverity: "warning",
  fixable: true,
  defaultOptions: { allow: ["multilingual"] },
  parseOptions(raw) {
    const options = optionsObject(raw, ["allow"]);
    return { allow: options.allow === undefined ? ["multilingual"] : stringList(options.allow, "allow") };
  },
  check({ card, options }, report) {
    for (const { value, path } of entriesOf(card.metadata, "language")) {
      if (value === null && path.length === 1) continue;
      if (typeof value !== "string") {
        report({
          message: `Language ${shown(value)} is not a string; write the ISO 639 code in quotes, e.g. "no" for Norwegian.`,
          path,
          atValue: true,
        });
        continue;
      }
      if (options.allow.includes(value)) continue;
      const codes = languageCodeSet();
      if (codes.has(value)) continue;
      const suggestion = suggestCode(value, codes);
      // Only a change of letter case is safe to apply; a region or a name may hide a choice.
      const fix = suggestion === value.toLowerCase() ? setScalar(card, path, suggestion, suggestion) : undefined;
      report({
        message:
          suggestion === undefined
            ? `Language "${value}" is not an ISO 639-1 or 639-3 code; use a code such as en, fr or zh.`
            : `Language "${value}" is not an ISO 639 code; use "${suggestion}". Expected: ${suggestion}; Actual: ${value}.`,
        path,
        atValue: true,
        ...(fix ? { fix } : {}),
      });
    }
  },
};
