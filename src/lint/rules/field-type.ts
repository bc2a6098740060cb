import type { LintRule } from "../types.js";
import { isRecord } from "./rule-kit.js";

/** Top-level keys whose type the Hub checks, with its own words for a wrong one (`"widget" must be an array`). */
const TYPED_FIELDS = [
  { key: "widget", kind: "an array", matches: Array.isArray, fix: "a list of examples (`- text: ...`)" },
  { key: "extra_gated_fields", kind: "of type object", matches: isRecord, fix: "a mapping of field names to types" },
] as const;

export const fieldType: LintRule = {
  id: "field-type",
  description: "`widget` must be a list and `extra_gated_fields` a mapping; the Hub rejects other types.",
  defaultSeverity: "error",
  fixable: false,
  check({ card }, report) {
    for (const { key, kind, matches, fix } of TYPED_FIELDS) {
      const value = card.metadata[key];
      // A bare `key:` (null) is dropped before the Hub checks it.
      if (value === undefined || value === null || matches(value)) continue;
      report({ message: `"${key}" must be ${kind}; write ${fix}.`, path: [key] });
    }
  },
};
