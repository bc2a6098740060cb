import { cardProblemRule } from "./card-problem-rule.js";

export const yamlSyntax = cardProblemRule(
  "yaml-syntax",
  ["yaml-syntax", "alias-limit", "block-too-large", "nesting-limit"],
  "The front matter must be valid YAML that can be read safely.",
);
