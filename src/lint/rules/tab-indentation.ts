import { cardProblemRule } from "./card-problem-rule.js";

export const tabIndentation = cardProblemRule(
  "tab-indentation",
  ["tab-character"],
  "Tabs between tokens, which the Hub reads but PyYAML (huggingface_hub) cannot, should be spaces (tabs that indent are a yaml-syntax error).",
  "warning",
  true,
);
