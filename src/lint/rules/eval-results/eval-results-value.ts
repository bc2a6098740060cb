import { numericValue } from "../rule-kit.js";
import { describeEntry, type EvalResultsRule, isRecord } from "./eval-results-rule.js";

const SAFE_DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?$/;

export const evalResultsValue: EvalResultsRule = {
  id: "eval-results-value",
  description:
    "A score's `value` must be a finite number: not a string, null, `.nan` or `.inf`. A quoted plain decimal is fixed by removing the quotes.",
  defaultSeverity: "error",
  fixable: true,
  check({ file, entries }, report) {
    for (const entry of entries) {
      if (!isRecord(entry.data) || !("value" in entry.data)) continue;
      const value = entry.data.value;
      if (typeof value === "number" && Number.isFinite(value)) continue;
      const path = [...entry.path, "value"];
      const where = describeEntry(entry);
      const number = numericValue(value);
      if (typeof value === "string" && number !== null && Number.isFinite(number)) {
        const text = value.trim();
        const scalar = file.scalarAt(path);
        const fix =
          scalar && SAFE_DECIMAL.test(text)
            ? { range: [scalar.start, scalar.end] as [number, number], text, path, value: Number(text) }
            : undefined;
        report({
          message: `\`value\` of ${where} is the string ${JSON.stringify(value)}; write the number without quotes.`,
          path,
          atValue: true,
          ...(fix ? { fix } : {}),
        });
      } else {
        const found = typeof value === "number" ? String(value) : JSON.stringify(value ?? null);
        report({
          message: `\`value\` of ${where} is ${found}, not a finite number; give the score as a number (e.g. 63.3).`,
          path,
          atValue: true,
        });
      }
    }
  },
};
