import type { LintRule } from "../types.js";
import { modelLibrarySet } from "../vocabularies.js";
import { checkVocabularyValue } from "./vocabulary-value.js";

export const libraryName: LintRule = {
  id: "library-name",
  description: "`library_name` should be one of the Hub's model libraries (@huggingface/tasks).",
  defaultSeverity: "warning",
  fixable: true,
  check({ card }, report) {
    const value = card.metadata.library_name;
    if (value === undefined || value === null) return;
    checkVocabularyValue(
      card,
      ["library_name"],
      value,
      modelLibrarySet(),
      "library",
      "the Hub shows no code snippet or download count for it; use a known library such as transformers, peft, diffusers or gguf.",
      report,
    );
  },
};
