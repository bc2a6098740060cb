// The public API: every name here is documented in the README ("Use as a library") and recorded in
// etc/modelcard.api.md; a test fails when this list and the report disagree. Anything not listed is internal.

export type { BaseModelCard } from "./card/base-model-card.js";
export type { CrossReaderDifference } from "./card/cross-reader.js";
export type { CardEdit, EditPath, TextChange } from "./card/edit/card-edit.js";
export { CardEditRefusedError } from "./card/edit/card-edit-refused-error.js";
export type { EvalResult, EvalResultInput, ModelIndexReading } from "./card/eval-results.js";
export { evalResultsToModelIndex, readModelIndex } from "./card/eval-results.js";
export type { FrontMatterSplit, LineEnding } from "./card/front-matter.js";
export { splitFrontMatter } from "./card/front-matter.js";
export type { HubYamlReading } from "./card/hub-yaml.js";
export { readHubYaml } from "./card/hub-yaml.js";
export { MetadataConflictError } from "./card/metadata-conflict-error.js";
export type { AddEvalResultOptions, ParseOptions, UpdateOptions } from "./card/model-card.js";
export { ModelCard } from "./card/model-card.js";
export type { PositionEntry, PositionIndex, PositionNode } from "./card/position-index.js";
export type { CardProblem, CardProblemCode } from "./card/problem.js";
export { CARD_PROBLEM_CODES } from "./card/problem.js";
export type { Metadata } from "./card/read-block.js";
export type { RepoIdReading } from "./card/repo-id.js";
export { readRepoId } from "./card/repo-id.js";
export type { Yaml11Scalar } from "./card/yaml11.js";
export type { CliIo } from "./cli/io.js";
export { cli } from "./cli/main.js";
export { FileAccessError } from "./errors/file-access-error.js";
export type { ModelcardErrorCode } from "./errors/modelcard-error.js";
export { ModelcardError } from "./errors/modelcard-error.js";
export type {
  ComputeEvalImportEditsParams,
  EvalImportEdits,
} from "./eval-import/compute-eval-import-edits.js";
export { computeEvalImportEdits } from "./eval-import/compute-eval-import-edits.js";
export type { HarnessMetric, HarnessName, HarnessResults, HarnessTask } from "./eval-import/harness-results.js";
export { HARNESSES } from "./eval-import/harness-results.js";
export { HarnessResultsError } from "./eval-import/harness-results-error.js";
export { matchBenchmarkTask } from "./eval-import/match-benchmark-task.js";
export type {
  BenchmarkTaskIds,
  EvalImportPlan,
  MissingTaskId,
  PlanEvalImportParams,
  PlannedEntry,
} from "./eval-import/plan-eval-import.js";
export { planEvalImport } from "./eval-import/plan-eval-import.js";
export { readHarnessResults } from "./eval-import/read-harness-results.js";
export type { AddEvalResultsEntryParams } from "./eval-results/add-eval-results-entry.js";
export { addEvalResultsEntry } from "./eval-results/add-eval-results-entry.js";
export type { EvalResultsEntry, EvalResultsEntryKey } from "./eval-results/eval-results-entry.js";
export type {
  EvalResultsFileProblem,
  EvalResultsItem,
  EvalResultsPosition,
} from "./eval-results/eval-results-file.js";
export { EvalResultsFile } from "./eval-results/eval-results-file.js";
export { evalResultsFileName } from "./eval-results/eval-results-file-name.js";
export type { EvalResultsFolderFile } from "./eval-results/read-eval-results-folder.js";
export { EVAL_RESULTS_FOLDER, readEvalResultsFolder } from "./eval-results/read-eval-results-folder.js";
export type { RemoveEvalResultsEntryParams } from "./eval-results/remove-eval-results-entry.js";
export { removeEvalResultsEntry } from "./eval-results/remove-eval-results-entry.js";
export type { EvalResultsEdit } from "./eval-results/write-eval-results-edit.js";
export type { HardwareProbe } from "./generate/detect-hardware.js";
export { detectHardware, systemHardwareProbe } from "./generate/detect-hardware.js";
export type {
  CardWarning,
  Explanation,
  Fact,
  GenerateWarning,
  InputWarning,
  InputWarningCode,
  Provenance,
  ProvenanceKind,
  SourceReading,
} from "./generate/facts.js";
export { INPUT_WARNING_CODES } from "./generate/facts.js";
export { formatExplanations } from "./generate/format-explanations.js";
export type { GenerateCardParams, GeneratedAsset, GeneratedCard } from "./generate/generate-card.js";
export { generateCard } from "./generate/generate-card.js";
export { GenerateInputError } from "./generate/generate-input-error.js";
export type { InputFieldName, InputFieldType, InputFieldValue, InputValues } from "./generate/input-fields.js";
export { INPUT_FIELDS } from "./generate/input-fields.js";
export type { ConfigFile } from "./generate/load-config-file.js";
export { loadConfigFile } from "./generate/load-config-file.js";
export { BUILTIN_PROFILES } from "./generate/profiles.js";
export type { LogChunk, LogMark } from "./generate/sources/reduce-log-entries.js";
export type { SafetensorsFacts } from "./generate/sources/safetensors-header.js";
export { readSafetensorsHeader } from "./generate/sources/safetensors-header.js";
export type { CurveSeries, LogEntry, TrainingLog } from "./generate/sources/training-log.js";
export { collectTrainingLog } from "./generate/sources/training-log.js";
export { buildTrainingCurvesSvg } from "./generate/training-curves-svg.js";
export type { TrainingResultsTable } from "./generate/training-results-table.js";
export { buildTrainingResultsTable } from "./generate/training-results-table.js";
export type { RetryNotice, RetryOptions } from "./hub/fetch-with-retries.js";
export type { HubTimeouts } from "./hub/fetch-with-timeouts.js";
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS } from "./hub/fetch-with-timeouts.js";
export { HubAnswerError } from "./hub/hub-answer-error.js";
export type { HubCardAccessFailure } from "./hub/hub-card-access-error.js";
export { HubCardAccessError } from "./hub/hub-card-access-error.js";
export type { ConnectionFailure } from "./hub/hub-connection-error.js";
export { HubConnectionError } from "./hub/hub-connection-error.js";
export { HubUpdateConflictError } from "./hub/hub-update-conflict-error.js";
export type { LocalCardCheck } from "./hub/lint-before-push.js";
export type { ListAuthorModelsParams } from "./hub/list-author-models.js";
export { listAuthorModels } from "./hub/list-author-models.js";
export type { HubConnectionParams } from "./hub/open-hub-session.js";
export type {
  FileIdentity,
  FolderIdentity,
  LeftOutPath,
  OutsideLink,
  PlannedSource,
  PlanUploadParams,
  UnreadablePath,
  UploadFile,
  UploadPlan,
} from "./hub/plan-upload.js";
export { planUpload } from "./hub/plan-upload.js";
export type { PushStep } from "./hub/push-failed-error.js";
export { PushFailedError } from "./hub/push-failed-error.js";
export type {
  GivenFile,
  PushModelCardParams,
  PushOutcome,
  PushOutcomeBase,
  PushProgressEvent,
} from "./hub/push-model-card.js";
export { pushModelCard } from "./hub/push-model-card.js";
export type { PushProblem } from "./hub/push-problem.js";
export type { ReadBaseModelCardParams } from "./hub/read-base-model-card.js";
export { readBaseModelCard } from "./hub/read-base-model-card.js";
export type { HubCardReading, ReadCardFromHubParams } from "./hub/read-card-from-hub.js";
// Cards on the Hub.
export { hubCardName, readCardFromHub } from "./hub/read-card-from-hub.js";
export type { HubCredentials, ResolveHubCredentialsParams, TokenSource } from "./hub/resolve-hub-credentials.js";
export { resolveHubCredentials } from "./hub/resolve-hub-credentials.js";
export type { RemoteUpdateOutcome, UpdateCardOnHubParams } from "./hub/update-card-on-hub.js";
export { updateCardOnHub } from "./hub/update-card-on-hub.js";
export type { CardImage, ReplaceCardAndImagesParams, ReplacedCard } from "./io/replace-card-and-images.js";
export { replaceCardAndImages } from "./io/replace-card-and-images.js";
export { writeFileAtomically } from "./io/write-file-atomically.js";
export type { CardFile, CollectOptions } from "./lint/collect-card-files.js";
export { collectCardFiles } from "./lint/collect-card-files.js";
export type { FileResult } from "./lint/file-result.js";
export { CONFIG_FILE_NAMES, findLintConfig } from "./lint/find-lint-config.js";
export type { FixCardResult } from "./lint/fix-card.js";
export { fixCard } from "./lint/fix-card.js";
export type { FixResult } from "./lint/fix-text.js";
export { fixText } from "./lint/fix-text.js";
export { lintCard } from "./lint/lint-card.js";
export { LintConfigError } from "./lint/lint-config-error.js";
export type { EvalResultsLintOptions } from "./lint/lint-eval-results.js";
export { fixEvalResultsText, lintEvalResultsText } from "./lint/lint-eval-results.js";
export type { LintFileOptions } from "./lint/lint-file.js";
export { lintCardBytes, lintFile } from "./lint/lint-file.js";
export type { LintFilesOptions } from "./lint/lint-files.js";
export { lintFiles } from "./lint/lint-files.js";
export { lintText } from "./lint/lint-text.js";
export { LintTotals } from "./lint/lint-totals.js";
export { loadLintConfig } from "./lint/load-lint-config.js";
export { LINT_PRESETS } from "./lint/resolve-lint-config.js";
export type {
  EvalResultsFix,
  EvalResultsLintEntry,
  EvalResultsReport,
  EvalResultsRule,
  EvalResultsRuleContext,
} from "./lint/rules/eval-results/eval-results-rule.js";
export { EVAL_RESULTS_RULES } from "./lint/rules/eval-results/index.js";
export { BUILT_IN_RULES } from "./lint/rules/index.js";
export type {
  ConfiguredSeverity,
  KeyPath,
  LintConfig,
  LintFix,
  LintFixEdit,
  LintMessage,
  LintOptions,
  LintPreset,
  LintReport,
  LintRule,
  LintSource,
  RuleContext,
  RuleSetting,
  ScalarSpan,
  Severity,
} from "./lint/types.js";
export type { BuiltPreview, PreviewOptions } from "./preview/build-preview.js";
export { buildPreview } from "./preview/build-preview.js";
export { PreviewServerError } from "./preview/preview-server-error.js";
export type { PreviewPage, PreviewPageInput } from "./preview/render-preview-page.js";
export { renderPreviewPage } from "./preview/render-preview-page.js";
export { resolveCardPath } from "./preview/resolve-card-path.js";
export type { PreviewServer, PreviewServerOptions } from "./preview/start-preview-server.js";
export { startPreviewServer } from "./preview/start-preview-server.js";
export type { StaticPreview } from "./preview/write-static-preview.js";
export { writeStaticPreview } from "./preview/write-static-preview.js";
export type { QuantizationScheme } from "./vocabulary/quantization-schemes.js";
export { QUANTIZATION_SCHEMES, quantizationScheme } from "./vocabulary/quantization-schemes.js";
