import { cardProblemRule } from "./card-problem-rule.js";

export const duplicateKey = cardProblemRule(
  "duplicate-key",
  ["duplicate-key"],
  "A mapping must not hold the same key twice (YAML 1.2 forbids it; PyYAML silently keeps the last one).",
);
