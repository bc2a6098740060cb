export {
  type AddEvalResultsEntryParams,
  addEvalResultsEntry,
} from "./add-eval-results-entry.js";
export {
  EVAL_RESULTS_DATASET_KEYS,
  EVAL_RESULTS_ENTRY_KEYS,
  EVAL_RESULTS_SOURCE_KEYS,
  type EvalResultsEntry,
  type EvalResultsEntryKey,
  formatEntryKey,
  keyOfEntryData,
  normalizeEvalResultsEntry,
} from "./eval-results-entry.js";
export {
  EvalResultsFile,
  type EvalResultsFileProblem,
  type EvalResultsItem,
  type EvalResultsPosition,
  readEvalResultsItem,
} from "./eval-results-file.js";
export { evalResultsFileName } from "./eval-results-file-name.js";
export {
  EVAL_RESULTS_FOLDER,
  type EvalResultsFolderFile,
  isEvalResultsFileName,
  readEvalResultsFolder,
} from "./read-eval-results-folder.js";
export { type RemoveEvalResultsEntryParams, removeEvalResultsEntry } from "./remove-eval-results-entry.js";
export type { EvalResultsEdit } from "./write-eval-results-edit.js";
