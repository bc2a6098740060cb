import { cardProblemRule } from "./card-problem-rule.js";

export const tabIndentation = cardProblemRule(
  "tab-indentation",
  ["tab-indentation"],
  "The front matter must be indented with spaces, never tabs.",
);
