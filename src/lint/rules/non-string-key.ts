import { cardProblemRule } from "./card-problem-rule.js";

export const nonStringKey = cardProblemRule(
  "non-string-key",
  ["non-string-key"],
  "Keys should be strings; a number, boolean or null key crashes huggingface_hub at the top level.",
  "warning",
);
