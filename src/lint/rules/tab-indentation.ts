import { cardProblemRule } from "./card-problem-rule.js";

export const tabIndentation = cardProblemRule(
  "tab-indentation",
  ["tab-indentation", "tab-character"],
  "The front matter should use spaces, never tabs, for indentation and between tokens (PyYAML cannot read those tabs).",
  "warning",
);
