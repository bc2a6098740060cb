import type { SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { isHubRepoId } from "./is-hub-repo-id.js";
import { numberField } from "./number-field.js";
import { type JsonObject, readJsonFile } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export const TRAINING_CONFIG_FILE = "training_config.json";

export interface TrainingConfigFacts {
  values: InputValues;
  /** More `TrainingArguments`, by the names transformers' card lists them under (`seed`, `optimizer`, ...). */
  hyperparameters: Record<string, string | number>;
  /** The base model as this file names it when that is not a Hub model id (a local path): left out of the card. */
  baseModelPath?: string;
}

/** `TrainingArguments` key -> the name transformers' model card gives it. */
const CARD_NAMES = [
  ["per_device_eval_batch_size", "eval_batch_size"],
  ["seed", "seed"],
  ["optim", "optimizer"],
  ["lr_scheduler_type", "lr_scheduler_type"],
  ["warmup_ratio", "lr_scheduler_warmup_ratio"],
  ["warmup_steps", "lr_scheduler_warmup_steps"],
  ["max_steps", "training_steps"],
] as const;

/** The hyperparameters transformers' card lists that are not input fields, as the card words them. */
function cardHyperparameters(json: JsonObject): Record<string, string | number> {
  const found: Record<string, string | number> = {};
  for (const [key, name] of CARD_NAMES) {
    const value = numberField(json, key) ?? stringField(json, key);
    // transformers leaves out zero warm-up and max_steps -1 (train by epochs).
    if (value !== undefined && !(typeof value === "number" && value <= 0)) found[name] = value;
  }
  if (json.bf16 === true || json.fp16 === true) found.mixed_precision_training = "Native AMP";
  return found;
}

/** The seed pipeline's `training_config.json`: hyperparameters, dataset, configuration name, trainer, base model. */
export async function readTrainingConfig(directory: string): Promise<SourceReading<TrainingConfigFacts>> {
  const { facts: json, warnings } = await readJsonFile(directory, TRAINING_CONFIG_FILE);
  if (!json) return { facts: null, warnings };
  const baseModel = stringField(json, "model_name");
  const values: InputValues = {
    "batch-size": numberField(json, "per_device_train_batch_size") ?? numberField(json, "batch_size"),
    "learning-rate": numberField(json, "learning_rate"),
    "max-epochs": numberField(json, "num_train_epochs"),
    "max-seq-length": numberField(json, "max_seq_length"),
    "gradient-accumulation-steps": numberField(json, "gradient_accumulation_steps"),
    "dataset-name": stringField(json, "dataset_name"),
    "training-config": stringField(json, "training_config_type"),
    "trainer-type": stringField(json, "trainer_type"),
    "base-model": baseModel && isHubRepoId(baseModel) ? baseModel : undefined,
  };
  const baseModelPath = baseModel && !isHubRepoId(baseModel) ? { baseModelPath: baseModel } : {};
  return { facts: { values, hyperparameters: cardHyperparameters(json), ...baseModelPath }, warnings };
}
