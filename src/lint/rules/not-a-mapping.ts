import { cardProblemRule } from "./card-problem-rule.js";

export const notAMapping = cardProblemRule(
  "not-a-mapping",
  ["not-a-mapping"],
  "The front matter must be a mapping of keys to values, not a list or a scalar.",
);
