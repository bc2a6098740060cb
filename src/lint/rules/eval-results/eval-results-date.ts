import { resolveYaml11Plain } from "../../../card/index.js";
import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

/** ISO-8601 as the spec means it: a date, or a date and time with an optional zone. */
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

function isIsoDate(text: string): boolean {
  return ISO_8601.test(text) && !Number.isNaN(Date.parse(text.replace(" ", "T")));
}

export const evalResultsDate: EvalResultsRule = {
  id: "eval-results-date",
  description:
    "A score's `date` should be an ISO-8601 date written quoted (`'2026-02-03'`), a string to every YAML reader; an unquoted date is fixed by quoting it.",
  defaultSeverity: "warning",
  fixable: true,
  check({ file, entries }, report) {
    for (const entry of entries) {
      if (!isRecord(entry.data) || !("date" in entry.data)) continue;
      const value = entry.data.date;
      const path = [...entry.path, "date"];
      const where = describeEntry(entry);
      const scalar = file.scalarAt(path);
      const written = scalar?.source ?? "";
      if (scalar && !scalar.quoted && isIsoDate(written)) {
        // js-yaml and PyYAML read an unquoted timestamp as a date object, not the string the spec asks for.
        const reads = value instanceof Date ? "the Hub's reader (js-yaml) reads" : "PyYAML reads";
        report({
          message: `\`date\` of ${where} is unquoted, so ${reads} it as a date object, not a string; write it quoted: '${written}'.`,
          path,
          atValue: true,
          fix: { range: [scalar.start, scalar.end], text: `'${written}'`, path, value: written },
        });
      } else if (typeof value !== "string" || !isIsoDate(value)) {
        const found = value instanceof Date ? written : JSON.stringify(value ?? null);
        const hint =
          typeof value === "string" && scalar && !scalar.quoted && resolveYaml11Plain(value).kind !== "str"
            ? " and quoted"
            : "";
        report({
          message: `\`date\` of ${where} is ${found}, not an ISO-8601 date; write the date of the run as 'YYYY-MM-DD' (or a full date-time)${hint}.`,
          path,
          atValue: true,
        });
      }
    }
  },
};
