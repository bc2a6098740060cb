export type { CrossReaderDifference } from "./cross-reader.js";
export type { CardEdit, EditPath, TextChange } from "./edit/card-edit.js";
export { CardEditRefusedError } from "./edit/card-edit-refused-error.js";
export {
  type EvalResult,
  type EvalResultInput,
  evalResultsToModelIndex,
  formatPath,
  type ModelIndexReading,
  readModelIndex,
} from "./eval-results.js";
export { MAX_NESTING_DEPTH } from "./find-nesting-past.js";
export { detectLineEnding, type LineEnding, splitFrontMatter } from "./front-matter.js";
export { type HubYamlReading, readHubYaml } from "./hub-yaml.js";
export { MetadataConflictError } from "./metadata-conflict-error.js";
export { type AddEvalResultOptions, ModelCard, type ParseOptions, type UpdateOptions } from "./model-card.js";
export { type PositionEntry, PositionIndex, type PositionNode } from "./position-index.js";
export { CARD_PROBLEM_CODES, type CardProblem, type CardProblemCode } from "./problem.js";
export type { Metadata } from "./read-block.js";
export { type RepoIdReading, readRepoId } from "./repo-id.js";
export { formatFloat, isAmbiguousString } from "./yaml-writing.js";
export { resolveYaml11Plain, type Yaml11Scalar } from "./yaml11.js";
