export {
  type ComputeEvalImportEditsParams,
  computeEvalImportEdits,
  type EvalImportEdits,
} from "./compute-eval-import-edits.js";
export {
  HARNESSES,
  type HarnessMetric,
  type HarnessName,
  type HarnessResults,
  type HarnessTask,
} from "./harness-results.js";
export { HarnessResultsError } from "./harness-results-error.js";
export { matchBenchmarkTask } from "./match-benchmark-task.js";
export {
  type BenchmarkTaskIds,
  type EvalImportPlan,
  type MissingTaskId,
  type PlanEvalImportParams,
  type PlannedEntry,
  planEvalImport,
} from "./plan-eval-import.js";
export { readHarnessResults } from "./read-harness-results.js";
export { REGISTERED_BENCHMARKS, type RegisteredBenchmark } from "./registered-benchmarks.js";
