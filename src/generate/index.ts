export { type BodyContext, buildBodyContext } from "./build-body-context.js";
export { type BuiltMetadata, buildMetadata } from "./build-metadata.js";
export { detectHardware, type HardwareProbe, systemHardwareProbe } from "./detect-hardware.js";
export {
  type CardWarning,
  type Explanation,
  type Fact,
  type GenerateWarning,
  INPUT_WARNING_CODES,
  type InputWarning,
  type InputWarningCode,
  type Provenance,
} from "./facts.js";
export { formatExplanations } from "./format-explanations.js";
export { type GenerateCardParams, type GeneratedAsset, type GeneratedCard, generateCard } from "./generate-card.js";
export { GenerateInputError } from "./generate-input-error.js";
export { INPUT_FIELDS, type InputFieldName, type InputValues } from "./input-fields.js";
export { type ConfigFile, loadConfigFile } from "./load-config-file.js";
export { BUILTIN_PROFILES } from "./profiles.js";
export { DEFAULT_TEMPLATE, renderBody } from "./render-body.js";
export { type RunFacts, readRunDirectory } from "./sources/read-run-directory.js";
export { readSafetensorsHeader, type SafetensorsFacts } from "./sources/safetensors-header.js";
export { collectTrainingLog, type LogEntry, type TrainingLog } from "./sources/training-log.js";
export { buildTrainingCurvesSvg } from "./training-curves-svg.js";
export { buildTrainingResultsTable } from "./training-results-table.js";
