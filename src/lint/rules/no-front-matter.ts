import type { LintRule } from "../types.js";

/** A `---` line that opens a block as the Hub's split would, had it a closing line. */
const OPENING = /^\uFEFF?\s*---[\r\n]/;

export const noFrontMatter: LintRule = {
  id: "no-front-matter",
  description: "A model card should start with a YAML front-matter block between `---` lines.",
  defaultSeverity: "warning",
  fixable: false,
  reads: "reader",
  check({ card }, report) {
    if (card.hasFrontMatter) return;
    if (OPENING.test(card.text)) {
      report({
        message:
          "The card opens a front-matter block with `---` but never closes it, so the Hub sees no metadata (it warns: empty or missing yaml metadata in repo card); add a `---` line after the YAML metadata.",
        line: 1,
        column: 1,
      });
      return;
    }
    report({
      message:
        "The card has no front matter, so the Hub sees no metadata (it warns: empty or missing yaml metadata in repo card); start the file with a `---` line, the YAML metadata, and a closing `---` line.",
      line: 1,
      column: 1,
    });
  },
};
