import type { SourceReading } from "../facts.js";
import type { InputValues } from "../input-fields.js";
import { isHubRepoId } from "./is-hub-repo-id.js";
import { numberField } from "./number-field.js";
import { readJsonFile } from "./read-json-file.js";
import { stringField } from "./string-field.js";

export const TRAINING_CONFIG_FILE = "training_config.json";

/** The seed pipeline's `training_config.json`: hyperparameters, dataset, configuration name, trainer, base model. */
export async function readTrainingConfig(directory: string): Promise<SourceReading<InputValues>> {
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
  return { facts: values, warnings };
}
