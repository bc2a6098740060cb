import type { LintRule } from "../types.js";
import { pipelineTagSet } from "../vocabularies.js";
import { checkVocabularyValue } from "./vocabulary-value.js";

export const pipelineTag: LintRule = {
  id: "pipeline-tag",
  description: "`pipeline_tag` should be one of the Hub's pipeline types (`PIPELINE_TYPES` of @huggingface/tasks).",
  defaultSeverity: "warning",
  fixable: true,
  check({ card }, report) {
    const value = card.metadata.pipeline_tag;
    if (value === undefined || value === null) return;
    checkVocabularyValue(
      card,
      ["pipeline_tag"],
      value,
      pipelineTagSet(),
      "pipeline tag",
      "the Hub files the model under no task and offers no widget for it; use one of the tasks at https://huggingface.co/tasks, e.g. text-generation.",
      report,
    );
  },
};
