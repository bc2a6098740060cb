import { cardProblemRule } from "./card-problem-rule.js";

export const strictYaml = cardProblemRule(
  "strict-yaml",
  ["strict-yaml"],
  "Front matter the Hub reads but strict YAML 1.2 readers reject (a quoted string continued at column 0) should be indented so every reader agrees.",
  "warning",
  true,
);
