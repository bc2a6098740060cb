import type { LintRule } from "../types.js";

export const noFrontMatter: LintRule = {
  id: "no-front-matter",
  description: "A model card should start with a YAML front-matter block between `---` lines.",
  defaultSeverity: "warning",
  fixable: false,
  reads: "reader",
  check({ card }, report) {
    if (card.hasFrontMatter) return;
    report({
      message:
        "The card has no front matter, so the Hub sees no metadata (it warns: empty or missing yaml metadata in repo card); start the file with a `---` line, the YAML metadata, and a closing `---` line.",
      line: 1,
      column: 1,
    });
  },
};
