import { cardProblemRule } from "./card-problem-rule.js";

export const nonStringKey = cardProblemRule(
  "non-string-key",
  ["non-string-key"],
  "Keys must be strings; a number, boolean or null key crashes huggingface_hub at the top level.",
);
