import type { InputFieldName, InputValues } from "./input-fields.js";

/**
 * Where a value came from, for `--explain`. Precedence: flag > config > run > base model card > profile; the rest
 * fill gaps.
 */
export type ProvenanceKind = "flag" | "config" | "run" | "base-model" | "profile" | "derived" | "detected" | "default";

export interface Provenance {
  kind: ProvenanceKind;
  /** The flag, file, profile or rule: `--batch-size`, `trainer_state.json`, `profile smollm3`. */
  detail: string;
}

export interface Fact<T> {
  value: T;
  from: Provenance;
}

/** A run-directory file that could not be used, and what was skipped because of it. */
export interface InputWarning {
  code: InputWarningCode;
  /** The file, relative to the run directory. */
  file: string;
  message: string;
  /** A note says what was left out of a file that was otherwise read; `--strict` does not refuse it. */
  severity?: "note";
}

/**
 * A warning about the card being generated rather than a run file: a value left out or placed elsewhere, and the
 * option that fixes it. The CLI cites the card (or `<stdout>`).
 */
export interface CardWarning {
  code: InputWarningCode;
  file: null;
  message: string;
  severity?: "note";
}

export type GenerateWarning = InputWarning | CardWarning;

export const INPUT_WARNING_CODES = {
  "unreadable-file": "A file is present but cannot be read.",
  "invalid-json": "A JSON file is truncated or not JSON.",
  "non-finite-values": "A JSON file holds NaN or Infinity (as Python writes them); those values are left out.",
  "unexpected-shape": "A file is valid JSON but not the shape its writer produces.",
  "invalid-safetensors": "A safetensors header is missing, oversized or not valid.",
  "invalid-gguf": "A GGUF header cannot be read.",
  "out-of-range": "A run file gives a value out of its range (a negative loss, ...); it is left out.",
  "link-outside-run": "A subfolder is a link out of the run; it is not read.",
  "no-variant-folder": "Quantized variants are claimed but the run has no variant folder for push to send.",
  "no-pipeline-tag": "The architecture does not decide the task; give --pipeline-tag.",
  "no-model-index": "Metrics are left out of model-index: the Hub rejects a result without a dataset or a task.",
  "dataset-display-name": "A dataset name that cannot be a Hub id is kept as a display name, out of `datasets`.",
  "base-model-path": "The run names its base model by a local path; base_model is left out.",
  "epochs-contradiction": "The configured epochs differ from the epochs the log shows trained; both are stated.",
} as const;

export type InputWarningCode = keyof typeof INPUT_WARNING_CODES;

/** What one reader found: its facts (null when its file is absent or unusable) and its warnings. */
export interface SourceReading<T> {
  facts: T | null;
  warnings: InputWarning[];
}

/** One fact per input field, each with where it came from. */
export type FieldFacts = { [Name in InputFieldName]?: Fact<NonNullable<InputValues[Name]>> };

/** One line of `--explain`: a card field, its value and where it came from. */
export interface Explanation {
  /** A metadata key (`license`), a model-index metric (`model-index: Perplexity`) or a body fact. */
  field: string;
  value: unknown;
  from: Provenance;
  /** How a derived value was computed, or why a field was left out. */
  note?: string;
}
