import { architectureTask } from "../architecture-task.js";
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
  /** True when the architecture is known but does not decide the Hub task (T5, BART, ...). */
  taskUndecided: boolean;
  /** `torch_dtype` or the newer `dtype`. */
  dtype?: string;
  contextLength?: number;
  quantization: QuantizationInfo | null;
  transformersVersion?: string;
  /** The base model as this file names it when that is not a Hub model id (a local path): left out of the card. */
  baseModelPath?: string;
}

/** A transformers `config.json` in `directory`: family, architecture, dtype, base model, quantization. */
export async function readModelConfig(directory: string): Promise<SourceReading<ModelConfigFacts>> {
  const { facts: json, warnings } = await readJsonFile(directory, MODEL_CONFIG_FILE);
  if (!json) return { facts: null, warnings };
  const architectures = Array.isArray(json.architectures) ? json.architectures : [];
  const architecture = architectures.find((name): name is string => typeof name === "string");
  const head = architecture ? architectureTask(architecture) : null;
  const nameOrPath = stringField(json, "_name_or_path");
  const modelType = stringField(json, "model_type");
  const quantizationConfig = json.quantization_config;
  return {
    facts: {
      ...(nameOrPath && !isHubRepoId(nameOrPath) ? { baseModelPath: nameOrPath } : {}),
      values: {
        // A config.json with a model_type is a transformers checkpoint.
        "library-name": modelType ? "transformers" : undefined,
        family: modelType,
        "architecture-kind": head?.kind ?? undefined,
        "pipeline-tag": head?.task ?? undefined,
        "base-model": nameOrPath && isHubRepoId(nameOrPath) ? nameOrPath : undefined,
      },
      modelType,
      architecture,
      taskUndecided: head !== null && head.task === null,
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
