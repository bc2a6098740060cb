import type { SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { describeQuantization, type QuantizationInfo } from "./describe-quantization.js";
import { isHubRepoId } from "./is-hub-repo-id.js";
import { numberField } from "./number-field.js";
import { readJsonFile } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export const MODEL_CONFIG_FILE = "config.json";

export interface ModelConfigFacts {
  values: InputValues;
  modelType?: string;
  architecture?: string;
  /** `torch_dtype` or the newer `dtype`. */
  dtype?: string;
  contextLength?: number;
  quantization: QuantizationInfo | null;
  transformersVersion?: string;
}

/** Architecture class suffix -> the architecture tag and the Hub task. */
const HEADS = [
  { suffix: "ForCausalLM", kind: "causal-lm", task: "text-generation" },
  { suffix: "ForConditionalGeneration", kind: "seq2seq-lm", task: "text2text-generation" },
  { suffix: "ForSeq2SeqLM", kind: "seq2seq-lm", task: "text2text-generation" },
  { suffix: "ForMaskedLM", kind: "masked-lm", task: "fill-mask" },
  { suffix: "ForSequenceClassification", kind: "sequence-classification", task: "text-classification" },
  { suffix: "ForTokenClassification", kind: "token-classification", task: "token-classification" },
  { suffix: "ForQuestionAnswering", kind: "question-answering", task: "question-answering" },
] as const;

/** A transformers `config.json` in `directory`: family, architecture, dtype, base model, quantization. */
export async function readModelConfig(directory: string): Promise<SourceReading<ModelConfigFacts>> {
  const { facts: json, warnings } = await readJsonFile(directory, MODEL_CONFIG_FILE);
  if (!json) return { facts: null, warnings };
  const architectures = Array.isArray(json.architectures) ? json.architectures : [];
  const architecture = architectures.find((name): name is string => typeof name === "string");
  const head = HEADS.find(({ suffix }) => architecture?.endsWith(suffix));
  const nameOrPath = stringField(json, "_name_or_path");
  const modelType = stringField(json, "model_type");
  const quantizationConfig = json.quantization_config;
  return {
    facts: {
      values: {
        // A config.json with a model_type is a transformers checkpoint.
        "library-name": modelType ? "transformers" : undefined,
        family: modelType,
        "architecture-kind": head?.kind,
        "pipeline-tag": head?.task,
        "base-model": nameOrPath && isHubRepoId(nameOrPath) ? nameOrPath : undefined,
      },
      modelType,
      architecture,
      dtype: stringField(json, "torch_dtype") ?? stringField(json, "dtype"),
      contextLength: numberField(json, "max_position_embeddings"),
      quantization:
        typeof quantizationConfig === "object" && quantizationConfig !== null && !Array.isArray(quantizationConfig)
          ? describeQuantization(quantizationConfig as Record<string, unknown>)
          : null,
      transformersVersion: stringField(json, "transformers_version"),
    },
    warnings,
  };
}
