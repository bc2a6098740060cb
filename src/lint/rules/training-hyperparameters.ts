import { formatPath } from "../../card/index.js";
import type { KeyPath, LintRule } from "../types.js";
import { isRecord, numericValue, shown } from "./rule-kit.js";

const POSITIVE_INTEGERS = [
  "batch_size",
  "per_device_train_batch_size",
  "train_batch_size",
  "max_seq_length",
  "gradient_accumulation_steps",
];
/** Epochs may be fractional: `TrainingArguments(num_train_epochs=2.5)` is ordinary. */
const POSITIVE_NUMBERS = ["max_epochs", "num_train_epochs", "epochs"];
/** Where the generator and common trainers put hyperparameters: the top level and these mappings. */
const SECTIONS = ["training_config", "hyperparameters", "training_hyperparameters"];

export const trainingHyperparameters: LintRule = {
  id: "training-hyperparameters",
  description:
    "The learning rate must be in (0, 1]; epochs positive; batch size, sequence length and accumulation steps positive integers.",
  defaultSeverity: "warning",
  fixable: false,
  check({ card }, report) {
    const scopes: [Record<string, unknown>, KeyPath][] = [[card.metadata, []]];
    for (const section of SECTIONS) {
      const value = card.metadata[section];
      if (isRecord(value)) scopes.push([value, [section]]);
    }
    for (const [scope, prefix] of scopes) {
      for (const [key, value] of Object.entries(scope)) {
        if (value === null || value === undefined) continue;
        const path = [...prefix, key];
        const where = `\`${formatPath(path)}\``;
        const number = numericValue(value);
        if (key === "learning_rate") {
          if (number === null || !(number > 0 && number <= 1)) {
            report({
              message: `${where} is ${shown(value)}; a learning rate is a number in (0, 1], e.g. 2e-5.`,
              path,
              atValue: true,
            });
          }
        } else if (POSITIVE_NUMBERS.includes(key)) {
          if (number === null || !(number > 0)) {
            report({
              message: `${where} is ${shown(value)}; it must be a positive number.`,
              path,
              atValue: true,
            });
          }
        } else if (POSITIVE_INTEGERS.includes(key)) {
          if (number === null || !Number.isInteger(number) || number <= 0) {
            report({
              message: `${where} is ${shown(value)}; it must be a positive integer.`,
              path,
              atValue: true,
            });
          }
        }
      }
    }
  },
};
