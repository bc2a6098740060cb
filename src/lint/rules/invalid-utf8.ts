import { cardProblemRule } from "./card-problem-rule.js";

export const invalidUtf8 = cardProblemRule(
  "invalid-utf8",
  ["invalid-utf8"],
  "A card file should be UTF-8: bytes that are not (a Latin-1 `é`) read as U+FFFD everywhere, and no fix or edit is written over them.",
  "warning",
);
