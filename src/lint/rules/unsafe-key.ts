import { cardProblemRule } from "./card-problem-rule.js";

export const unsafeKey = cardProblemRule(
  "unsafe-key",
  ["unsafe-key"],
  "Keys named like JavaScript object internals (`__proto__`, `constructor`, `prototype`) should be renamed.",
  "warning",
);
